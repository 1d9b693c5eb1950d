"""Cetak: what each document holds, built from what skp and penilaian say
(the annex layout as data, before any PDF)."""

import datetime as dt
from dataclasses import replace

from services.cetak.domain.isi import Jenis
from services.cetak.domain.kurva import batas, persen
from services.cetak.domain.pratinjau import baris
from services.cetak.domain.sumber import Identitas, Rhk
from services.cetak.domain.susun import Anchor, Pengesahan, evaluasi_kinerja, form_penilaian, nama_berkas, rencana_skp
from tests.unit.contoh_cetak import kurva, nilai, skp

MADIUN = Pengesahan("MADIUN", dt.date(2023, 9, 5))


def test_rencana_skp_mengelompokkan_rhk_utama_dan_tambahan_dengan_nomor_sendiri():
    d = rencana_skp(skp(), MADIUN, Anchor())
    assert d.judul == (
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
    )
    assert (d.instansi, d.periode) == (
        "PEMERINTAH KAB. MADIUN",
        "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2023",
    )
    assert d.hasil.kolom[:3] == ("NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA")
    assert d.hasil.nomor_kolom == ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")
    utama, tambahan = d.hasil.kelompok
    assert (utama.judul, [r.nomor for r in utama.rhk]) == ("A. UTAMA", ["1", "2"])
    assert (tambahan.judul, [r.nomor for r in tambahan.rhk]) == ("B. TAMBAHAN", ["1"])
    assert [(i.aspek, i.target) for i in utama.rhk[0].indikator] == [("Kuantitas", "12 bulan"), ("Waktu", "12 bulan")]
    assert utama.rhk[1].intervensi == "-"  # no atasan's RHK
    assert tambahan.rhk[0].intervensi == "Perjanjian Kinerja: Sasaran 1"
    assert [(i.aspek, i.teks, i.target) for i in tambahan.rhk[0].indikator] == [("-", "-", "-")]
    assert d.hasil.rating is None and d.predikat is None and not d.melintang


def test_rencana_skp_perilaku_lampiran_dan_tanda_tangan():
    d = rencana_skp(skp(), MADIUN, Anchor("^", "$"))
    assert [p.nama for p in d.perilaku.baris][:2] == ["Berorientasi Pelayanan", "Akuntabel"]
    assert [p.ekspektasi for p in d.perilaku.baris][:2] == ["-", "Tuntas"]
    assert d.perilaku.kolom == ("NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN")
    assert [(b.judul, b.butir) for b in d.lampiran.bagian] == [
        ("DUKUNGAN SUMBER DAYA", ("1. Anggaran",)),
        ("SKEMA PERTANGGUNGJAWABAN", ("-",)),
        ("KONSEKUENSI", ("1. Teguran",)),
    ]
    pegawai, penilai = d.ttd
    assert (pegawai.tempat_tanggal, pegawai.peran, pegawai.nama, pegawai.nip, pegawai.anchor) == (
        "",
        "Pegawai yang Dinilai",
        "SUTIKNO",
        "NIP 196903232002121009",
        "^",
    )
    assert (penilai.tempat_tanggal, penilai.peran, penilai.anchor) == (
        "Madiun, 5 September 2023",
        "Pejabat Penilai Kinerja",
        "$",
    )
    assert [(b.label, b.pegawai, b.penilai) for b in d.identitas.baris][2] == (
        "PANGKAT / GOL. RUANG",
        "Pengatur Muda / II/a",
        "Penata Tingkat I / III/d",
    )


def test_rencana_skp_sebelum_persetujuan_bertanda_draf():
    from dataclasses import replace

    assert (rencana_skp(skp(), MADIUN, Anchor()).draf, rencana_skp(skp(), MADIUN, Anchor()).tanda_air) == ("", "")
    d = rencana_skp(replace(skp(), disetujui=False, status="PENGAJUAN"), MADIUN, Anchor())
    assert d.draf == "DRAF — belum disetujui pejabat penilai kinerja (status SKP: PENGAJUAN)"
    assert d.tanda_air == "DRAF"
    assert baris(d)[3] == d.draf  # under the title in the preview too


def test_tanpa_penilai_dan_pppk_tanpa_pangkat():
    assert Identitas("1", "A", "", "IX", "J", "U").pangkat_golongan == "IX"
    from dataclasses import replace

    d = rencana_skp(replace(skp(), penilai=None), MADIUN, Anchor())
    assert {b.penilai for b in d.identitas.baris} == {"-"} and d.ttd[1].nip == "-"


def test_form_penilaian_menambah_realisasi_umpan_balik_rating_dan_predikat():
    d = form_penilaian(skp(), nilai(sumber_data={"i1": "Laporan SIASN"}), MADIUN, Anchor())
    assert d.melintang and d.judul == (
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PERIODE: TRIWULAN I",
    )
    assert d.periode == "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2023"
    assert d.hasil.kolom[6:] == (
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    )
    r1, r2 = d.hasil.kelompok[0].rhk
    assert [i.realisasi for i in r1.indikator] == ["3 bulan berdasarkan Laporan SIASN", "-"]
    assert (d.organisasi.capaian.label, d.organisasi.capaian.nilai, d.organisasi.pola_label) == (
        "CAPAIAN KINERJA ORGANISASI",
        "BAIK",
        "POLA DISTRIBUSI",
    )
    assert d.organisasi.pola[0] == "Baik: sebagian besar (kelompok terbanyak), paling banyak 70%"
    assert (r1.umpan_balik, r2.umpan_balik) == (("Pertahankan", "Lebih teliti"), ("-",))
    assert (d.hasil.rating.label, d.hasil.rating.nilai) == ("RATING HASIL KERJA", "SESUAI EKSPEKTASI")
    assert (d.perilaku.rating.nilai, d.predikat.nilai) == ("DIATAS EKSPEKTASI", "BAIK")
    assert {p.nama: p.umpan_balik for p in d.perilaku.baris}["Loyal"] == ("Ok",)
    belum = form_penilaian(
        skp(), nilai(rating_hasil="", rating_perilaku="", predikat="", kode="akhir"), MADIUN, Anchor()
    )
    assert (belum.hasil.rating.nilai, belum.predikat.nilai, belum.judul[-1]) == ("-", "-", "PERIODE: AKHIR TAHUN")
    assert [i.realisasi for i in belum.hasil.kelompok[0].rhk[0].indikator] == ["3 bulan", "-"]  # no sumber data


def test_form_evaluasi_pola_distribusi_hanya_setelah_capaian_final():
    d = form_penilaian(skp(), nilai(capaian_final=False), MADIUN, Anchor())
    assert d.organisasi.capaian.nilai == "(belum final)"
    assert d.organisasi.pola == (
        "Pola distribusi tampil setelah capaian kinerja organisasi pada unit kerja induk difinalisasi.",
    )
    for capaian, pertama in (
        ("Istimewa", "Sangat Baik: sebagian besar"),
        ("Butuh Perbaikan", "Butuh Perbaikan: "),
        ("Kurang", "Kurang/Misconduct: paling sedikit 60%"),
        ("Sangat Kurang", "Sangat Kurang: paling sedikit 60%"),
    ):
        d = form_penilaian(skp(), nilai(capaian=capaian), MADIUN, Anchor())
        assert d.organisasi.pola[0].startswith(pertama) and d.organisasi.capaian.nilai == capaian.upper()
    assert "POLA DISTRIBUSI" in baris(d)


def test_evaluasi_kinerja_kurva_hanya_setelah_capaian_final_dan_tanggal_per_penandatangan():
    caruban = Pengesahan("Caruban", dt.date(2023, 9, 6))
    d = evaluasi_kinerja(skp(), nilai(predikat="Kurang/Misconduct"), kurva(), MADIUN, caruban, Anchor())
    assert d.judul == ("DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN I")
    assert [(b.label, b.nilai) for b in d.evaluasi.baris] == [
        ("CAPAIAN KINERJA ORGANISASI", "BAIK"),
        ("PREDIKAT KINERJA PEGAWAI", "KURANG/MISCONDUCT"),
    ]
    k = d.evaluasi.kurva
    assert [(b.predikat, b.jumlah, b.persen, b.batas) for b in k.baris][:2] == [
        ("Sangat Baik", "1", "33,3%", "tanpa batas"),
        ("Baik", "2", "66,7%", "paling banyak 70%"),
    ]
    assert "belum sesuai" in k.kesimpulan and "3 pegawai" in k.keterangan
    assert [t.tempat_tanggal for t in d.ttd] == ["Madiun, 5 September 2023", "Caruban, 6 September 2023"]
    assert [t.peran for t in d.ttd] == ["7. Pegawai yang Dinilai", "6. Pejabat Penilai Kinerja"]
    assert d.ttd_penilai_dulu and d.evaluasi.judul == "4. EVALUASI KINERJA"
    assert d.hasil is None and d.perilaku is None and d.lampiran is None
    assert [p.judul for p in d.pihak] == [
        "1. PEGAWAI YANG DINILAI",
        "2. PEJABAT PENILAI KINERJA",
        "3. ATASAN PEJABAT PENILAI KINERJA",
    ]
    assert {b.nilai for b in d.pihak[2].baris} == {"-"}  # no atasan known
    assert (d.catatan.judul, d.catatan.teks) == ("5. CATATAN / REKOMENDASI", "-")
    belum = evaluasi_kinerja(skp(), nilai(), kurva(final=False), MADIUN, MADIUN, Anchor())
    assert belum.evaluasi.kurva is None and "difinalisasi" in belum.evaluasi.catatan_kurva


def test_capaian_yang_belum_final_dicetak_belum_final_bukan_nilainya():
    for n in (nilai(capaian_final=False), nilai(capaian="", capaian_final=False)):
        d = evaluasi_kinerja(skp(), n, kurva(final=False), MADIUN, MADIUN, Anchor())
        assert d.evaluasi.baris[0].nilai == "(belum final)"
        assert "BAIK" not in " ".join(b.nilai for b in d.evaluasi.baris[:1])


def test_evaluasi_kinerja_atasan_penilai_dan_catatan():
    atasan = Identitas("197001011995031002", "KEPALA BKPSDM", "Pembina Tingkat I", "IV/b", "Kepala Badan", "BKPSDM")
    d = evaluasi_kinerja(skp(), nilai(catatan="Ikuti pelatihan."), kurva(), MADIUN, MADIUN, Anchor(), atasan)
    assert [(b.label, b.nilai) for b in d.pihak[2].baris] == [
        ("NAMA", "KEPALA BKPSDM"),
        ("NIP", "197001011995031002"),
        ("PANGKAT / GOL. RUANG", "Pembina Tingkat I / IV/b"),
        ("JABATAN", "Kepala Badan"),
        ("UNIT KERJA", "BKPSDM"),
    ]
    assert d.catatan.teks == "Ikuti pelatihan."
    teks = baris(d)
    assert "3. ATASAN PEJABAT PENILAI KINERJA" in teks and "  Ikuti pelatihan." in teks
    assert teks.index("6. Pejabat Penilai Kinerja") < teks.index("7. Pegawai yang Dinilai")


def test_persen_dan_batas_kurva():
    assert [persen(x) for x in (0, 70, 100 / 3, 12.25)] == ["0%", "70%", "33,3%", "12,2%"]
    assert [batas(*x) for x in ((0, 70), (60, 100), (10, 70), (0, 0), (0, 100))] == [
        "paling banyak 70%",
        "paling sedikit 60%",
        "10% – 70%",
        "tidak boleh ada",
        "tanpa batas",
    ]


def test_nama_berkas_dan_pratinjau():
    assert nama_berkas(Jenis.RENCANA_SKP, skp()) == "rencana-skp-2023-196903232002121009.pdf"
    assert nama_berkas(Jenis.EVALUASI_KINERJA, skp(), "tw1") == "evaluasi-kinerja-2023-tw1-196903232002121009.pdf"
    teks = baris(form_penilaian(skp(), nilai(), MADIUN, Anchor("^")))
    assert teks[0] == "EVALUASI KINERJA PEGAWAI"
    assert "  1. RENCANA HASIL KERJA: Terlaksananya pengarsipan SK Pensiun" in teks
    assert any("TARGET: 12 bulan | REALISASI BERDASARKAN BUKTI DUKUNG: 3 bulan" in x for x in teks)
    assert "PREDIKAT KINERJA PEGAWAI: BAIK" in teks and "[anchor ^]" in teks


def test_format_jpt_dan_pimpinan_unit_kerja_mandiri():
    from dataclasses import replace

    jpt = replace(skp(), pimpinan=True, jpt=True)
    d = rencana_skp(jpt, MADIUN, Anchor())
    assert d.judul[2] == "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
    assert d.hasil.jpt and d.hasil.kolom == ("NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET")
    assert d.hasil.nomor_kolom == ("(1)", "(2)", "(3)", "(4)")
    r1 = d.hasil.kelompok[0].rhk[0]
    assert r1.intervensi == "" and [(i.aspek, i.teks, i.target) for i in r1.indikator] == [
        ("", "Dokumen diarsipkan", "12 bulan"),
        ("", "Tepat waktu", "12 bulan"),
    ]
    teks = baris(d)
    assert "     - INDIKATOR KINERJA INDIVIDU: Dokumen diarsipkan | TARGET: 12 bulan" in teks
    assert not any("DIINTERVENSI" in x or "ASPEK" in x for x in teks)
    f = form_penilaian(jpt, nilai(), MADIUN, Anchor())
    assert f.judul[:3] == (
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
    )
    assert f.hasil.kolom[4:] == (
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    )
    # A pimpinan of a unit that is not a unor induk keeps the regular format.
    assert rencana_skp(replace(skp(), pimpinan=True), MADIUN, Anchor()).judul[2] == (
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
    )


def test_kualitatif_menggabungkan_indikator_dan_target():
    from dataclasses import replace

    kualitatif = replace(skp(), pendekatan="KUALITATIF")
    d = rencana_skp(kualitatif, MADIUN, Anchor())
    assert d.hasil.gabung_target and d.hasil.kolom == (
        "NO",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
        "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET",
    )
    i = d.hasil.kelompok[0].rhk[0].indikator[0]
    assert (i.aspek, i.teks, i.target) == ("Kuantitas", "Dokumen diarsipkan: 12 bulan", "")
    jpt = rencana_skp(replace(kualitatif, jpt=True), MADIUN, Anchor())
    assert jpt.hasil.kolom == (
        "NO",
        "RENCANA HASIL KERJA",
        "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET",
    )
    f = form_penilaian(replace(kualitatif, jpt=True), nilai(), MADIUN, Anchor())
    assert len(f.hasil.kolom) == 5 and any("UKURAN KEBERHASILAN" in x and "12 bulan" in x for x in baris(f))


def test_format_jpt_mengelompokkan_rhk_menurut_perspektif_lampiran():
    # docs/domain.md#format-jpt-dan-unit-kerja-mandiri: the annex's order, one heading per
    # perspektif, the RHK without one last; numbering follows the printed order.
    rhk = (
        Rhk("a", "UTAMA", "", "RHK anggaran", (), "Perspektif Anggaran"),
        Rhk("b", "UTAMA", "", "RHK tanpa", ()),
        Rhk("c", "UTAMA", "", "RHK layanan", (), "Perspektif Penerima Layanan"),
        Rhk("d", "UTAMA", "", "RHK anggaran 2", (), "Perspektif Anggaran"),
    )
    d = rencana_skp(replace(skp(rhk), jpt=True), MADIUN, Anchor())
    utama = d.hasil.kelompok[0]
    assert [(r.nomor, r.perspektif, r.teks) for r in utama.rhk] == [
        ("1", "Perspektif Penerima Layanan", "RHK layanan"),
        ("2", "Perspektif Anggaran", "RHK anggaran"),
        ("3", "", "RHK anggaran 2"),
        ("4", "Tanpa perspektif", "RHK tanpa"),
    ]
    assert "  Perspektif Anggaran" in baris(d)
    # Not the JPT format: no headings, the pegawai's own order.
    biasa = rencana_skp(skp(rhk), MADIUN, Anchor()).hasil.kelompok[0]
    assert [(r.teks, r.perspektif) for r in biasa.rhk][:2] == [("RHK anggaran", ""), ("RHK tanpa", "")]
    # JPT without any perspektif: no headings either.
    polos = rencana_skp(replace(skp(), jpt=True), MADIUN, Anchor()).hasil.kelompok[0]
    assert all(r.perspektif == "" for r in polos.rhk)
