"""The document as plain lines, for a terminal preview: the same texts the
PDF prints, in reading order, labelled by the document's own column names."""

from __future__ import annotations

from services.cetak.domain.isi import Dokumen, HasilKerja, PerilakuKerja, TandaTangan


def _hasil(h: HasilKerja) -> list[str]:
    # The column names by position: NO, [intervensi], RHK, [aspek], indikator, [target], [realisasi, umpan balik].
    nama = list(h.kolom)
    k = {"intervensi": "" if h.jpt else nama.pop(1)}
    k["rhk"] = nama[1]
    k["aspek"] = "" if h.jpt else nama.pop(2)
    k["indikator"] = nama[2]
    k["target"] = "" if h.gabung_target else nama[3]
    k["realisasi"], k["umpan_balik"] = (nama[-2], nama[-1]) if h.rating else ("", "")
    out = [h.judul]
    for kelompok in h.kelompok:
        out.append(kelompok.judul)
        if kelompok.kosong:
            out.append(f"  {kelompok.kosong}")
        for r in kelompok.rhk:
            if r.perspektif:
                out.append(f"  {r.perspektif}")
            out.append(f"  {r.nomor}. {k['rhk']}: {r.teks}")
            if k["intervensi"]:
                out.append(f"     {k['intervensi']}: {r.intervensi}")
            for i in r.indikator:
                bagian = [
                    (k["aspek"], i.aspek),
                    (k["indikator"], i.teks),
                    (k["target"], i.target),
                    (k["realisasi"], i.realisasi),
                ]
                out.append("     - " + " | ".join(f"{a}: {b}" for a, b in bagian if a and b))
            if r.umpan_balik:
                out.append(f"     {k['umpan_balik']}: " + " / ".join(r.umpan_balik))
    if h.rating:
        out.append(f"{h.rating.label}: {h.rating.nilai}")
    return out


def _perilaku(p: PerilakuKerja) -> list[str]:
    out = [p.judul]
    for b in p.baris:
        out.append(f"  {b.nomor}. {b.nama}")
        out += [f"     {p.butir} {u}" for u in b.uraian]
        out.append(f"     {p.kolom[2]}: {b.ekspektasi}")
        if b.umpan_balik:
            out.append(f"     {p.kolom[3]}: " + " / ".join(b.umpan_balik))
    if p.rating:
        out.append(f"{p.rating.label}: {p.rating.nilai}")
    return out


def _ttd(t: TandaTangan) -> list[str]:
    return [x for x in (t.tempat_tanggal, t.peran, f"[anchor {t.anchor}]" if t.anchor else "", t.nama, t.nip) if x]


def baris(d: Dokumen) -> list[str]:
    out = [*d.judul, *(x for x in (d.draf,) if x), d.instansi, d.periode, ""]
    idn = d.identitas
    if idn is not None:
        for n, kolom in enumerate(idn.kolom):
            out.append(kolom)
            out += [f"  {b.nomor}. {b.label}: {b.penilai if n else b.pegawai}" for b in idn.baris]
    for pihak in d.pihak:
        out += [pihak.judul, *(f"  {b.label}: {b.nilai}" for b in pihak.baris)]
    if d.organisasi:
        o = d.organisasi
        out += ["", f"{o.capaian.label}: {o.capaian.nilai}", o.pola_label, *(f"  {x}" for x in o.pola)]
    if d.hasil:
        out += ["", *_hasil(d.hasil)]
    if d.perilaku:
        out += ["", *_perilaku(d.perilaku)]
    if d.predikat:
        out += ["", f"{d.predikat.label}: {d.predikat.nilai}"]
    if d.evaluasi:
        e = d.evaluasi
        out += ["", e.judul, *(f"  {b.label}: {b.nilai}" for b in e.baris), e.kurva_judul]
        if e.kurva:
            out += [f"  {e.kurva.keterangan}", "  " + " | ".join(e.kurva.kolom)]
            out += [f"  {b.predikat} | {b.jumlah} | {b.persen} | {b.batas} | {b.sesuai}" for b in e.kurva.baris]
            out.append(f"  {e.kurva.kesimpulan}")
        else:
            out.append(f"  {e.catatan_kurva}")
    if d.catatan:
        out += ["", d.catatan.judul, f"  {d.catatan.teks}"]
    if d.lampiran:
        out += ["", d.lampiran.judul]
        for bagian in d.lampiran.bagian:
            out += [bagian.judul, *(f"  {x}" for x in bagian.butir)]
    if d.ttd:
        kiri, kanan = d.ttd[::-1] if d.ttd_penilai_dulu else d.ttd
        out += ["", *_ttd(kiri), "", *_ttd(kanan)]
    return out
