"""Builds each document's printed content from what skp and penilaian say
(PermenPANRB 6/2022 annex layout, docs/domain.md#dokumen-cetak). Pure: the same
data always gives the same document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from services.cetak.domain.isi import (
    BagianLampiran,
    BarisIdentitas,
    BarisPihak,
    Catatan,
    Dokumen,
    Evaluasi,
    HasilKerja,
    IndikatorCetak,
    Jenis,
    KelompokHasil,
    LampiranCetak,
    Nilai,
    Organisasi,
    PerilakuCetak,
    PerilakuKerja,
    PihakEvaluasi,
    RhkCetak,
    TabelIdentitas,
    TandaTangan,
)
from services.cetak.domain.kurva import kurva_cetak
from services.cetak.domain.pola import pola
from services.cetak.domain.sumber import DataKurva, DataPenilaian, DataSkp, Identitas, Rhk
from services.cetak.domain.tanggal import periode_teks, tempat_tanggal

KOSONG = "-"
JUDUL_SKP = "SASARAN KINERJA PEGAWAI"
JUDUL_EVALUASI = "EVALUASI KINERJA PEGAWAI"
BAGI = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
BAGI_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
KOLOM_HASIL = (
    "NO",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
)
# The JPT / pimpinan unit kerja mandiri table: RHK, indikator and target,
# the RHK grouped by perspektif in the annex's order
# (docs/domain.md#format-jpt-dan-unit-kerja-mandiri); an RHK without one last.
PERSPEKTIF = (
    "Perspektif Penerima Layanan",
    "Perspektif Proses Bisnis Internal",
    "Perspektif Penguatan Internal",
    "Perspektif Anggaran",
)
TANPA_PERSPEKTIF = "Tanpa perspektif"
KOLOM_HASIL_JPT = ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET")
# Kualitatif: one column for the measure of success and its target.
KOLOM_KUALITATIF = "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET"
KOLOM_NILAI = ("REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
KOLOM_PERILAKU = ("NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN")
KOLOM_UMPAN_BALIK = "UMPAN BALIK BERKELANJUTAN"
BUTIR = "•"
KELOMPOK = (("UTAMA", "A. UTAMA"), ("TAMBAHAN", "B. TAMBAHAN"))


@dataclass(frozen=True)
class Pengesahan:
    """Where and when one signer signs: the dialog's LOKASI and TANGGAL."""

    lokasi: str
    tanggal: dt.date

    @property
    def teks(self) -> str:
        return tempat_tanggal(self.lokasi, self.tanggal)


@dataclass(frozen=True)
class Anchor:
    pegawai: str = ""
    penilai: str = ""


def _atau_kosong(teks: str) -> str:
    return teks.strip() or KOSONG


BELUM_FINAL = "(belum final)"


def capaian_teks(nilai: DataPenilaian) -> str:
    """A capaian not final yet is never printed as if it were set
    (docs/domain.md#capaian-kinerja-organisasi)."""
    return nilai.capaian.upper() if nilai.capaian and nilai.capaian_final else BELUM_FINAL


def judul_periode(nilai: DataPenilaian) -> str:
    return "PERIODE: AKHIR TAHUN" if nilai.kode == "akhir" else f"PERIODE: {nilai.nama_periode.upper()}"


LABEL_IDENTITAS = ("NAMA", "NIP", "PANGKAT / GOL. RUANG", "JABATAN", "UNIT KERJA")


def _kolom_identitas(i: Identitas | None) -> tuple[str, ...]:
    if i is None:
        return (KOSONG,) * 5
    return tuple(_atau_kosong(x) for x in (i.nama, i.nip, i.pangkat_golongan, i.jabatan, i.unit_kerja))


def identitas(pegawai: Identitas, penilai: Identitas | None) -> TabelIdentitas:
    kolom = _kolom_identitas
    label = LABEL_IDENTITAS
    return TabelIdentitas(
        kolom=("PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA"),
        nomor="NO",
        baris=tuple(
            BarisIdentitas(str(n), lab, a, b)
            for n, (lab, a, b) in enumerate(zip(label, kolom(pegawai), kolom(penilai), strict=True), start=1)
        ),
    )


def realisasi(nilai: DataPenilaian, indikator_id: str) -> str:
    """As the annex writes it: "3 bulan berdasarkan <sumber data>"."""
    r = nilai.realisasi.get(indikator_id, "").strip()
    sumber = nilai.sumber_data.get(indikator_id, "").strip()
    if not r:
        return KOSONG
    return f"{r} berdasarkan {sumber}" if sumber else r


def _indikator_teks(teks: str, target: str, gabung: bool) -> str:
    """Kualitatif: "<indikator>: <target>" in one column (the target may be
    words, or empty)."""
    teks, target = teks.strip(), target.strip()
    if not gabung:
        return _atau_kosong(teks)
    return f"{teks}: {target}" if teks and target else _atau_kosong(teks or target)


def kolom_hasil(skp: DataSkp) -> tuple[str, ...]:
    kolom = KOLOM_HASIL_JPT if skp.jpt else KOLOM_HASIL
    if skp.pendekatan == "KUALITATIF":
        kolom = (*kolom[:-2], KOLOM_KUALITATIF)
    return kolom


def _per_perspektif(rhk: list[Rhk]) -> tuple[list[Rhk], list[str]]:
    """JPT: the RHK in perspektif order (their own order within one), and
    the heading each prints above it: the perspektif on the first of each,
    "Tanpa perspektif" before those without one when some have one."""
    urut = sorted(rhk, key=lambda r: PERSPEKTIF.index(r.perspektif) if r.perspektif in PERSPEKTIF else len(PERSPEKTIF))
    if not any(r.perspektif in PERSPEKTIF for r in urut):
        return urut, [""] * len(urut)
    judul, lalu = [], None
    for r in urut:
        p = r.perspektif if r.perspektif in PERSPEKTIF else TANPA_PERSPEKTIF
        judul.append(p if p != lalu else "")
        lalu = p
    return urut, judul


def hasil_kerja(skp: DataSkp, nilai: DataPenilaian | None = None) -> HasilKerja:
    kolom = kolom_hasil(skp) + (KOLOM_NILAI if nilai else ())
    gabung = skp.pendekatan == "KUALITATIF"
    kelompok = []
    for jenis, judul in KELOMPOK:
        rhk = [r for r in skp.rhk if r.jenis == jenis]
        judul_perspektif = [""] * len(rhk)
        if skp.jpt:
            rhk, judul_perspektif = _per_perspektif(rhk)
        kelompok.append(
            KelompokHasil(
                judul,
                tuple(
                    RhkCetak(
                        nomor=str(n),
                        intervensi="" if skp.jpt else _atau_kosong(r.intervensi),
                        teks=_atau_kosong(r.teks),
                        indikator=tuple(
                            IndikatorCetak(
                                "" if skp.jpt else _atau_kosong(i.aspek),
                                _indikator_teks(i.teks, i.target, gabung),
                                "" if gabung else _atau_kosong(i.target),
                                realisasi(nilai, i.id) if nilai else "",
                            )
                            for i in r.indikator
                        )
                        or (
                            IndikatorCetak(
                                "" if skp.jpt else KOSONG, KOSONG, "" if gabung else KOSONG, KOSONG if nilai else ""
                            ),
                        ),
                        umpan_balik=(nilai.feedback.get(f"rhk:{r.id}") or (KOSONG,)) if nilai else (),
                        perspektif=judul_perspektif[n - 1],
                    )
                    for n, r in enumerate(rhk, start=1)
                ),
                kosong=KOSONG if not rhk else "",
            )
        )
    return HasilKerja(
        judul="HASIL KERJA",
        kolom=kolom,
        nomor_kolom=tuple(f"({n})" for n in range(1, len(kolom) + 1)),
        kelompok=tuple(kelompok),
        rating=Nilai("RATING HASIL KERJA", _atau_kosong(nilai.rating_hasil)) if nilai else None,
        jpt=skp.jpt,
        gabung_target=gabung,
    )


def perilaku_kerja(skp: DataSkp, nilai: DataPenilaian | None = None) -> PerilakuKerja:
    return PerilakuKerja(
        judul="PERILAKU KERJA",
        kolom=KOLOM_PERILAKU + ((KOLOM_UMPAN_BALIK,) if nilai else ()),
        butir=BUTIR,
        baris=tuple(
            PerilakuCetak(
                nomor=str(n),
                nama=p.nama,
                uraian=p.uraian,
                ekspektasi=_atau_kosong(p.ekspektasi),
                umpan_balik=(nilai.feedback.get(f"perilaku:{p.kode}") or (KOSONG,)) if nilai else (),
            )
            for n, p in enumerate(skp.perilaku, start=1)
        ),
        rating=Nilai("RATING PERILAKU KERJA", _atau_kosong(nilai.rating_perilaku)) if nilai else None,
    )


def lampiran(skp: DataSkp) -> LampiranCetak:
    def butir(xs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f"{n}. {x}" for n, x in enumerate(xs, start=1)) or (KOSONG,)

    la = skp.lampiran
    return LampiranCetak(
        "LAMPIRAN SASARAN KINERJA PEGAWAI",
        (
            BagianLampiran("DUKUNGAN SUMBER DAYA", butir(la.dukungan_sumber_daya)),
            BagianLampiran("SKEMA PERTANGGUNGJAWABAN", butir(la.skema_pertanggungjawaban)),
            BagianLampiran("KONSEKUENSI", butir(la.konsekuensi)),
        ),
    )


def tanda_tangan(
    skp: DataSkp, pegawai: Pengesahan | None, penilai: Pengesahan, anchor: Anchor
) -> tuple[TandaTangan, TandaTangan]:
    """The pegawai signs on the left, the penilai on the right under the
    place and date; the Evaluasi gives each their own."""
    p = skp.penilai
    return (
        TandaTangan(
            pegawai.teks if pegawai else "",
            "Pegawai yang Dinilai",
            skp.pegawai.nama,
            f"NIP {skp.pegawai.nip}",
            anchor.pegawai,
        ),
        TandaTangan(
            penilai.teks,
            "Pejabat Penilai Kinerja",
            p.nama if p else KOSONG,
            (f"NIP {p.nip}" if p.nip else "") if p else KOSONG,
            anchor.penilai,
        ),
    )


def judul_skp(skp: DataSkp) -> tuple[str, ...]:
    return (JUDUL_SKP, f"PENDEKATAN HASIL KERJA {skp.pendekatan}", BAGI_JPT if skp.jpt else BAGI)


DRAF = "DRAF"


def tanda_draf(skp: DataSkp) -> str:
    """The Rencana SKP prints in every status (the manual's DRAFT Detail
    SKP has Cetak); before PERSETUJUAN it says it is only a draft."""
    if skp.disetujui:
        return ""
    return f"{DRAF} — belum disetujui pejabat penilai kinerja (status SKP: {skp.status or 'DRAFT'})"


def rencana_skp(skp: DataSkp, pengesahan: Pengesahan, anchor: Anchor) -> Dokumen:
    return Dokumen(
        jenis=Jenis.RENCANA_SKP,
        judul=judul_skp(skp),
        instansi=skp.instansi_nama.upper(),
        periode=f"PERIODE PENILAIAN: {periode_teks(skp.awal, skp.akhir)}",
        identitas=identitas(skp.pegawai, skp.penilai),
        hasil=hasil_kerja(skp),
        perilaku=perilaku_kerja(skp),
        lampiran=lampiran(skp),
        ttd=tanda_tangan(skp, None, pengesahan, anchor),
        draf=tanda_draf(skp),
        tanda_air=DRAF if not skp.disetujui else "",
    )


def organisasi(nilai: DataPenilaian) -> Organisasi:
    return Organisasi(
        Nilai("CAPAIAN KINERJA ORGANISASI", capaian_teks(nilai)),
        "POLA DISTRIBUSI",
        pola(nilai.capaian, nilai.capaian_final),
    )


def form_penilaian(skp: DataSkp, nilai: DataPenilaian, pengesahan: Pengesahan, anchor: Anchor) -> Dokumen:
    """The Form Penilaian is the annex's EVALUASI KINERJA PEGAWAI of one period."""
    return Dokumen(
        jenis=Jenis.FORM_PENILAIAN,
        judul=(JUDUL_EVALUASI, *judul_skp(skp)[1:], judul_periode(nilai)),
        instansi=skp.instansi_nama.upper(),
        periode=f"PERIODE PENILAIAN: {periode_teks(nilai.awal, nilai.akhir)}",
        identitas=identitas(skp.pegawai, skp.penilai),
        organisasi=organisasi(nilai),
        hasil=hasil_kerja(skp, nilai),
        perilaku=perilaku_kerja(skp, nilai),
        predikat=Nilai("PREDIKAT KINERJA PEGAWAI", _atau_kosong(nilai.predikat.upper())),
        ttd=tanda_tangan(skp, None, pengesahan, anchor),
        melintang=True,
    )


def pihak_evaluasi(skp: DataSkp, atasan: Identitas | None) -> tuple[PihakEvaluasi, ...]:
    """Parts 1.-3. of the Dokumen Evaluasi: the pegawai, the penilai and the
    penilai's own atasan ("-" where there is none inside the system)."""
    return tuple(
        PihakEvaluasi(
            judul, tuple(BarisPihak(lab, x) for lab, x in zip(LABEL_IDENTITAS, _kolom_identitas(i), strict=True))
        )
        for judul, i in (
            ("1. PEGAWAI YANG DINILAI", skp.pegawai),
            ("2. PEJABAT PENILAI KINERJA", skp.penilai),
            ("3. ATASAN PEJABAT PENILAI KINERJA", atasan),
        )
    )


def evaluasi_kinerja(
    skp: DataSkp,
    nilai: DataPenilaian,
    kurva: DataKurva | None,
    pegawai: Pengesahan,
    penilai: Pengesahan,
    anchor: Anchor,
    atasan: Identitas | None = None,
) -> Dokumen:
    """The annex's Dokumen Evaluasi Kinerja Pegawai: 1.-3. the parties, 4. the
    evaluation, 5. CATATAN / REKOMENDASI, 6. the penilai's and 7. the
    pegawai's signature, each under their own place and date."""
    final = kurva is not None and kurva.final
    pegawai_ttd, penilai_ttd = tanda_tangan(skp, pegawai, penilai, anchor)
    return Dokumen(
        jenis=Jenis.EVALUASI_KINERJA,
        judul=("DOKUMEN EVALUASI KINERJA PEGAWAI", judul_periode(nilai)),
        instansi=skp.instansi_nama.upper(),
        periode=f"PERIODE PENILAIAN: {periode_teks(nilai.awal, nilai.akhir)}",
        identitas=None,
        pihak=pihak_evaluasi(skp, atasan),
        evaluasi=Evaluasi(
            judul="4. EVALUASI KINERJA",
            baris=(
                Nilai("CAPAIAN KINERJA ORGANISASI", capaian_teks(nilai)),
                Nilai("PREDIKAT KINERJA PEGAWAI", _atau_kosong(nilai.predikat.upper())),
            ),
            kurva_judul="KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
            kurva=kurva_cetak(kurva, skp.penilai.nama if skp.penilai else KOSONG) if final and kurva else None,
            catatan_kurva="" if final else catatan_kurva(skp),
        ),
        catatan=Catatan("5. CATATAN / REKOMENDASI", _atau_kosong(nilai.catatan)),
        ttd=(
            replace(pegawai_ttd, peran="7. Pegawai yang Dinilai"),
            replace(penilai_ttd, peran="6. Pejabat Penilai Kinerja"),
        ),
        ttd_penilai_dulu=True,
    )


def catatan_kurva(skp: DataSkp) -> str:
    if skp.penilai is not None and skp.penilai.eksternal:
        return (
            "Kurva distribusi predikat kinerja pegawai tidak ada: pejabat penilai kinerja adalah penilai "
            "eksternal (NON ASN) yang tidak memiliki bawahan lain di dalam sistem."
        )
    return (
        "Kurva distribusi predikat kinerja pegawai tampil setelah capaian kinerja organisasi "
        "pada unit kerja induk difinalisasi."
    )


def nama_berkas(jenis: Jenis, skp: DataSkp, kode: str = "") -> str:
    bagian = [jenis.value.lower().replace("_", "-"), str(skp.tahun), kode, skp.nip]
    return "-".join(x for x in bagian if x) + ".pdf"
