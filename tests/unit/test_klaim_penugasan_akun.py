import datetime as dt

import pytest

from services.profil.domain import klaim as kl
from services.profil.domain.akun import (
    batasi,
    hash_kode,
    kode_baru,
    kode_cocok,
    kode_ke_email_baru_ditahan,
    validate_email,
    validate_password_baru,
)
from services.profil.domain.klaim import alasan_menunggu, cek_klaim, tugas_tambahan
from services.profil.domain.organisasi import PLH, PLT, Penugasan, Unor
from services.profil.domain.penugasan import cek_plt_kekosongan, cek_tumpang_tindih, jabatan_peran, validate_penugasan
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


SD = Unor("u2", "SD NEGERI 1 JIWAN", None, False, "Kepala SD Negeri 1 Jiwan", None)
PUSKESMAS = Unor("u3", "UPTD PUSKESMAS JIWAN", None, False, "Kepala UPTD Puskesmas Jiwan", None)


def test_kepala_sekolah_dan_puskesmas_jabatan_fungsional_boleh_mengklaim():
    # docs/domain.md#klaim-pimpinan: a JF with the extra duty heads the unit.
    assert tugas_tambahan(SD, "Guru Ahli Madya") and cek_klaim(SD, "1", "Guru Ahli Madya", None, ganti=False)
    assert tugas_tambahan(PUSKESMAS, "Dokter Ahli Muda")
    assert cek_klaim(SD, "1", "kepala sd  negeri 1 jiwan", None, ganti=False)  # the head title itself, too
    with pytest.raises(KondisiTidakTerpenuhi, match="bukan jabatan pimpinan"):
        cek_klaim(SD, "1", "Pengadministrasi Umum", None, ganti=False)
    # A JF in an ordinary bidang is no head of it.
    assert not tugas_tambahan(BIDANG, "Analis Kepegawaian Ahli Muda")
    with pytest.raises(KondisiTidakTerpenuhi, match="bukan jabatan pimpinan"):
        cek_klaim(BIDANG, "1", "Analis Kepegawaian Ahli Muda", None, ganti=False)


def test_klaim_sendiri_menunggu_kecuali_atas_data_master():
    # docs/domain.md#klaim-pimpinan: a claim is authority over the whole unit.
    assert alasan_menunggu(BIDANG, "Kepala BIDANG X", sendiri=True, data_sendiri=False) is None
    assert alasan_menunggu(BIDANG, "Kepala BIDANG X", sendiri=True, data_sendiri=True) == kl.ALASAN_DATA_SENDIRI
    assert alasan_menunggu(SD, "Guru Ahli Madya", sendiri=True, data_sendiri=False) == kl.ALASAN_TUGAS_TAMBAHAN
    # Admin/helpdesk claiming for a pegawai is the confirmation itself.
    assert alasan_menunggu(SD, "Guru Ahli Madya", sendiri=False, data_sendiri=True) is None
    with pytest.raises(TidakValid, match="alasan"):
        kl.cek_keputusan(False, "  ")
    kl.cek_keputusan(True, "")


def test_plt_hanya_untuk_unit_tanpa_pimpinan_definitif():
    # docs/domain.md#plt-dan-plh: refused naming the definitive pimpinan; a PLH stands in.
    with pytest.raises(KondisiTidakTerpenuhi, match=r"ENDANG SUMARSIH, NIP 197106062006042005"):
        cek_plt_kekosongan(PLT, "BIDANG X", "197106062006042005", "ENDANG SUMARSIH")
    cek_plt_kekosongan(PLH, "BIDANG X", "197106062006042005", "ENDANG SUMARSIH")
    cek_plt_kekosongan(PLT, "BIDANG X", None, None)


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
