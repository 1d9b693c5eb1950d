"""The SKP rules of docs/domain.md#skp, without gRPC or a database."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.shared.besaran import parse_besaran
from services.shared.errors import AksesDitolak, KondisiTidakTerpenuhi, TidakDitemukan, TidakValid
from services.shared.principal import Principal
from services.skp.domain import akses, isian
from services.skp.domain import status as s
from services.skp.domain.periode import (
    Periode,
    SkpLain,
    cek_periode_berisi,
    cek_tumpang_tindih,
    kunci_peran,
    periode_nilai,
    validate_periode,
)
from services.skp.domain.target import parse_target

D = dt.date


def test_periode_akhir_sebelum_awal_ditolak():
    with pytest.raises(TidakValid) as e:
        validate_periode(D(2023, 6, 1), D(2023, 5, 31))
    assert e.value.pelanggaran[0].field == "skp.periode_akhir"


def test_periode_melintasi_tahun_dipotong_31_desember_dengan_pemberitahuan():
    # Panduan bab 10: 01/10/2022-03/03/2023 becomes 1 Oktober 2022 - 31 Desember 2022.
    periode, pesan = validate_periode(D(2022, 10, 1), D(2023, 3, 3))
    assert periode == Periode(D(2022, 10, 1), D(2022, 12, 31))
    assert "31 Desember 2022" in pesan and "1 Januari 2023 - 3 Maret 2023" in pesan
    assert validate_periode(D(2023, 1, 1), D(2023, 12, 31)) == (Periode(D(2023, 1, 1), D(2023, 12, 31)), "")


def test_periode_penilaian_yang_berisi_tidak_boleh_hilang():
    assert periode_nilai(Periode(D(2023, 2, 1), D(2023, 8, 31))) == ["tw1", "tw2", "tw3", "akhir"]
    assert periode_nilai(Periode(D(2023, 12, 1), D(2023, 12, 31))) == ["tw4", "akhir"]
    cek_periode_berisi(Periode(D(2023, 1, 1), D(2023, 6, 30)), ["tw1", "tw2", "akhir"])
    with pytest.raises(KondisiTidakTerpenuhi, match="TRIWULAN III") as e:
        cek_periode_berisi(Periode(D(2023, 1, 1), D(2023, 6, 30)), ["tw1", "tw3"])
    assert "TRIWULAN I," not in str(e.value)


def test_tumpang_tindih_hanya_untuk_peran_yang_sama():
    definitif = SkpLain("a", Periode(D(2023, 1, 1), D(2023, 12, 31)), kunci_peran(None))
    baru = Periode(D(2023, 10, 1), D(2023, 12, 31))
    cek_tumpang_tindih(None, baru, kunci_peran("u1"), [definitif])  # a PLT role beside the definitive one
    with pytest.raises(KondisiTidakTerpenuhi, match="bertumpang tindih"):
        cek_tumpang_tindih(None, baru, kunci_peran(None), [definitif])
    cek_tumpang_tindih("a", baru, kunci_peran(None), [definitif])  # editing itself


def test_tanggal_acuan_tetap_di_dalam_periode():
    p = Periode(D(2023, 1, 1), D(2023, 12, 31))
    assert p.acuan(D(2026, 11, 24)) == D(2023, 12, 31)
    assert p.acuan(D(2022, 5, 1)) == D(2023, 1, 1)
    assert p.acuan(D(2023, 5, 1)) == D(2023, 5, 1)
    assert p.teks() == "1 Januari 2023 - 31 Desember 2023"


@pytest.mark.parametrize(
    "teks, angka, satuan",
    [
        ("12 bulan", Decimal(12), "bulan"),
        ("100 %", Decimal(100), "%"),
        ("100%", Decimal(100), "%"),
        ("1.500 dokumen", Decimal(1500), "dokumen"),
        ("2,5 jam", Decimal("2.5"), "jam"),
        ("1.234,5 lembar", Decimal("1234.5"), "lembar"),
        ("Rp 50.000.000", Decimal(50_000_000), "Rp"),
        ("Rp50.000.000", Decimal(50_000_000), "Rp"),
        ("Rp. 1.500.000,50", Decimal("1500000.50"), "Rp"),
    ],
)
def test_target_kuantitatif_angka_dan_satuan(teks, angka, satuan):
    t = parse_target(teks, True, "indikator.target")
    assert (t.angka, t.satuan) == (angka, satuan)


@pytest.mark.parametrize(
    "teks", ["", "dua belas bulan", "12", "  ", "0 keluhan", "-5 dokumen", "0,0 %", "100-80 %", "Rp 50.000.000 rupiah"]
)
def test_target_kuantitatif_tidak_sah(teks):
    with pytest.raises(TidakValid) as e:
        parse_target(teks, True, "indikator.target")
    assert e.value.pelanggaran[0].field == "indikator.target"


def test_target_rentang_adalah_rentang():
    # docs/domain.md#indikator-dan-target: "80-100 %" is 80 to 100 %, not 80 with the unit "-100 %".
    t = parse_target("80-100 %", True, "f")
    assert (t.angka, t.sampai, t.satuan, t.teks) == (Decimal(80), Decimal(100), "%", "80-100 %")
    t = parse_target("1.500 - 2.000 dokumen", True, "f")
    assert (t.angka, t.sampai, t.satuan) == (Decimal(1500), Decimal(2000), "dokumen")
    with pytest.raises(TidakValid, match="lebih dari 0"):
        parse_target("0 keluhan", True, "f")


def test_realisasi_boleh_nol_tetapi_tidak_negatif():
    assert parse_besaran("0 keluhan", "realisasi.realisasi", "realisasi", boleh_nol=True).angka == 0
    with pytest.raises(TidakValid, match="negatif"):
        parse_besaran("-1 dokumen", "realisasi.realisasi", "realisasi", boleh_nol=True)
    assert parse_besaran("sesuai jadwal", "realisasi.realisasi", "realisasi") is None


def test_target_kualitatif_bebas():
    assert parse_target("", False, "f").angka is None
    assert parse_target("sesuai jadwal", False, "f").teks == "sesuai jadwal"


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["bulan", "dokumen", "%", "kegiatan"]))
def test_target_angka_bulat_apa_pun_terbaca_kembali(n, satuan):
    teks = f"{n:,}".replace(",", ".") + f" {satuan}"  # Indonesian thousands separator
    t = parse_target(teks, True, "f")
    assert (t.angka, t.satuan) == (Decimal(n), satuan)


def _isi(*rhk, pendekatan=s.KUANTITATIF, penilai=True):
    return s.IsiSkp(pendekatan, penilai, list(rhk))


UTAMA_LENGKAP = s.RhkIsi(s.UTAMA, "RHK", [s.IndikatorIsi("ind", "12 bulan")], mengintervensi=True)


def test_rhk_utama_wajib_mengintervensi_rhk_organisasi_atasan():
    tanpa = s.RhkIsi(s.UTAMA, "Terarsipnya SK", [s.IndikatorIsi("ind", "12 bulan")])
    tambahan = s.RhkIsi(s.TAMBAHAN, "Membantu", [s.IndikatorIsi("ind", "1 kegiatan")])
    assert s.kekurangan(_isi(tanpa, tambahan)) == [
        "RHK Utama 'Terarsipnya SK' belum mengintervensi RHK Organisasi atasan: pilih RHK atasan yang "
        "diintervensi (RHK yang diberikan atasan kepada Anda di Matriks Peran Hasil)."
    ]
    with pytest.raises(KondisiTidakTerpenuhi, match="Terarsipnya SK"):
        s.ajukan(s.DRAFT, _isi(tanpa))
    # Without a penilai in the system there is no atasan to intervene (that SKP waits for one anyway).
    assert len(s.kekurangan(_isi(tanpa, penilai=False))) == 1


def test_ajukan_butuh_rhk_utama_indikator_dan_target():
    assert s.kekurangan(_isi(UTAMA_LENGKAP)) == []
    alasan = s.kekurangan(_isi(s.RhkIsi(s.TAMBAHAN, "T", []), penilai=False))
    assert len(alasan) == 3  # no penilai, no RHK Utama, an RHK without indikator
    tanpa_target = s.RhkIsi(s.UTAMA, "RHK", [s.IndikatorIsi("ind", "")], mengintervensi=True)
    assert "target" in s.kekurangan(_isi(tanpa_target))[0]
    assert s.kekurangan(_isi(tanpa_target, pendekatan=s.KUALITATIF)) == []


def test_alur_status():
    assert s.ajukan(s.DRAFT, _isi(UTAMA_LENGKAP)) == s.PENGAJUAN
    with pytest.raises(KondisiTidakTerpenuhi):
        s.ajukan(s.PENGAJUAN, _isi(UTAMA_LENGKAP))
    assert s.setujui(s.PENGAJUAN) == s.PERSETUJUAN
    with pytest.raises(KondisiTidakTerpenuhi):
        s.setujui(s.DRAFT)
    assert s.kembalikan(s.PERSETUJUAN, " perbaiki  target ") == (s.DRAFT, "perbaiki target")
    with pytest.raises(TidakValid):
        s.kembalikan(s.PENGAJUAN, "")
    with pytest.raises(KondisiTidakTerpenuhi):
        s.harus_draft(s.PENGAJUAN)


def test_edit_status_naik_diperiksa_turun_beralasan():
    assert s.ubah_status(s.DRAFT, s.PERSETUJUAN, "", _isi(UTAMA_LENGKAP))[0] == s.PERSETUJUAN
    with pytest.raises(KondisiTidakTerpenuhi):
        s.ubah_status(s.DRAFT, s.PENGAJUAN, "", _isi())
    with pytest.raises(TidakValid):
        s.ubah_status(s.PERSETUJUAN, s.DRAFT, "", _isi(UTAMA_LENGKAP))
    with pytest.raises(TidakValid):
        s.ubah_status(s.DRAFT, s.DRAFT, "x", _isi())


def _p(nip=None, peran=("pegawai",), instansi="i1"):
    return Principal("akun", "sesi", nip, None, frozenset(peran), instansi)


def test_hak_atas_skp():
    skp = akses.Pihak("111", "222", "i1")
    akses.harus_pemilik(_p("111"), skp)
    akses.harus_penilai(_p("222"), skp)
    akses.boleh_baca(_p(None, ("admin_instansi",)), skp)
    with pytest.raises(AksesDitolak):
        akses.harus_penilai(_p("111"), skp)  # nobody rates their own SKP
    with pytest.raises(AksesDitolak):
        akses.boleh_baca(_p("333"), skp)
    with pytest.raises(TidakDitemukan, match="SKP tidak ditemukan"):  # another instansi's: as if missing
        akses.boleh_baca(_p(None, ("admin_instansi",), "i2"), skp)
    with pytest.raises(AksesDitolak):
        akses.harus_pemilik(_p(None, ("helpdesk",)), skp)


def test_pindah_urutan():
    assert isian.pindah(["a", "b", "c"], "c", 1, "f") == ["c", "a", "b"]
    assert isian.pindah(["a", "b", "c"], "a", 3, "f") == ["b", "c", "a"]
    with pytest.raises(TidakValid):
        isian.pindah(["a"], "a", 2, "f")


def test_butir_lampiran_membuang_baris_kosong():
    assert isian.butir_lampiran(["anggaran", " ", ""], "lampiran.x") == ["anggaran"]
    with pytest.raises(TidakValid) as e:
        isian.butir_lampiran(["x" * 501], "lampiran.x")
    assert e.value.pelanggaran[0].field == "lampiran.x[0]"


def test_perspektif_rhk_salah_satu_dari_lampiran_dan_hanya_bagi_pimpinan():
    # docs/domain.md#format-jpt-dan-unit-kerja-mandiri
    assert isian.perspektif("  Perspektif   Penguatan Internal ", True, "rhk.perspektif") == (
        "Perspektif Penguatan Internal"
    )
    assert isian.perspektif("", False, "rhk.perspektif") == ""
    assert len(isian.PERSPEKTIF) == 4
    with pytest.raises(TidakValid) as e:
        isian.perspektif("Perspektif Keuangan", True, "rhk.perspektif")
    assert e.value.pelanggaran[0].field == "rhk.perspektif"
    with pytest.raises(TidakValid) as e:
        isian.perspektif("Perspektif Anggaran", False, "rhk.perspektif")
    assert "pimpinan" in str(e.value)
