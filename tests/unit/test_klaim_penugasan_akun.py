import datetime as dt

import pytest

from services.profil.domain.akun import (
    batasi,
    hash_kode,
    kode_baru,
    kode_cocok,
    kode_ke_email_baru_ditahan,
    validate_email,
    validate_password_baru,
)
from services.profil.domain.klaim import cek_klaim
from services.profil.domain.organisasi import PLT, Penugasan, Unor
from services.profil.domain.penugasan import cek_tumpang_tindih, jabatan_peran, validate_penugasan
from services.shared.errors import KondisiTidakTerpenuhi, TerlaluBanyak, TidakValid

BIDANG = Unor("u1", "BIDANG X", None, False, "Kepala BIDANG X", None)


def test_klaim_jabatan_harus_jabatan_pimpinan():
    with pytest.raises(KondisiTidakTerpenuhi, match="bukan jabatan pimpinan"):
        cek_klaim(BIDANG, "1", "Analis Kepegawaian", None, ganti=False)
    assert cek_klaim(BIDANG, "1", "  kepala  bidang x ", None, ganti=False) is True


def test_klaim_unit_berpimpinan_hanya_diganti_admin():
    dipimpin = Unor("u1", "BIDANG X", None, False, "Kepala BIDANG X", "2")
    with pytest.raises(KondisiTidakTerpenuhi, match="sudah memiliki pimpinan"):
        cek_klaim(dipimpin, "1", "Kepala BIDANG X", "ENDANG", ganti=False)
    assert cek_klaim(dipimpin, "1", "Kepala BIDANG X", "ENDANG", ganti=True) is True
    assert cek_klaim(dipimpin, "2", "Kepala BIDANG X", "ENDANG", ganti=False) is False


def test_penugasan_tanggal():
    with pytest.raises(TidakValid, match="sebelum"):
        validate_penugasan(PLT, dt.date(2023, 2, 1), dt.date(2023, 1, 1))
    with pytest.raises(TidakValid, match="satu tahun"):
        validate_penugasan(PLT, dt.date(2023, 1, 1), dt.date(2024, 6, 1))
    validate_penugasan(PLT, dt.date(2023, 1, 1), dt.date(2023, 1, 1))


def test_penugasan_tidak_boleh_tumpang_tindih():
    ada = Penugasan("a", "1", "u1", PLT, dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    bentrok = Penugasan("b", "2", "u1", PLT, dt.date(2023, 3, 31), dt.date(2023, 5, 1))
    with pytest.raises(KondisiTidakTerpenuhi, match="sudah memiliki PLT"):
        cek_tumpang_tindih(bentrok, [ada], "BIDANG X")
    cek_tumpang_tindih(Penugasan("c", "2", "u1", PLT, dt.date(2023, 4, 1), dt.date(2023, 5, 1)), [ada], "X")
    assert jabatan_peran(PLT, "Kepala Seksi Pelayanan") == "Plt. Kepala Seksi Pelayanan"


def test_password_dan_email():
    with pytest.raises(TidakValid, match="minimal"):
        validate_password_baru("pendek")
    with pytest.raises(TidakValid, match="berbeda"):
        validate_password_baru("sama-sama-1", "sama-sama-1")
    assert validate_email(" Nama@Contoh.GO.id ") == "nama@contoh.go.id"
    with pytest.raises(TidakValid):
        validate_email("bukan-email")


def test_kode_reset():
    kode = kode_baru()
    assert len(kode) == 8 and kode.isdigit()
    assert kode_cocok(kode, "1", hash_kode(kode, "1", b"k" * 32), b"k" * 32)
    assert not kode_cocok(kode, "2", hash_kode(kode, "1", b"k" * 32), b"k" * 32)
    assert not kode_cocok(kode, "1", hash_kode(kode, "1", b"k" * 32), b"j" * 32)  # another server's key


def test_batas_percobaan():
    batasi(4, 5, dt.timedelta(minutes=15), "percobaan")
    with pytest.raises(TerlaluBanyak) as e:
        batasi(5, 5, dt.timedelta(minutes=15), "percobaan")
    assert e.value.coba_lagi_detik == 900


def test_klaim_berakhir_bila_unit_atau_jabatan_berubah():
    from services.profil.domain.klaim import klaim_berakhir

    assert not klaim_berakhir("u1", "Kepala BIDANG X", "u1", " kepala  bidang x")
    assert klaim_berakhir("u1", "Kepala BIDANG X", "u2", "Kepala BIDANG X")
    assert klaim_berakhir("u1", "Kepala BIDANG X", "u1", "Analis")


def test_password_bukan_data_pribadi():
    pribadi = ("196903232002121009", "SUTIKNO", "")
    for lemah in ("sutikno2024", "ONKITUS-99", "kopi196903", "900121200232309691"):
        with pytest.raises(TidakValid):
            validate_password_baru(lemah, pribadi=pribadi)
    # The name inside a longer passphrase is not the name "with a little added".
    assert validate_password_baru("sutikno-suka-kopi-pahit", pribadi=pribadi)
    assert validate_password_baru("Rahasia-baru-2024", pribadi=pribadi)


def test_kode_ke_email_baru_ditahan():
    diubah = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
    jam = dt.timedelta(hours=24)
    assert kode_ke_email_baru_ditahan(None, jam, diubah) is None
    assert kode_ke_email_baru_ditahan(diubah, jam, diubah + dt.timedelta(hours=23)) == diubah + jam
    assert kode_ke_email_baru_ditahan(diubah, jam, diubah + jam) is None
    assert kode_ke_email_baru_ditahan(diubah, dt.timedelta(0), diubah) is None
