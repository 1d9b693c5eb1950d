"""The rules of a period's penilaian record (services/penilaian/domain/penilaian.py)."""

import pytest

from services.penilaian.domain import penilaian as aturan
from services.penilaian.domain.predikat import Predikat as P
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid


@pytest.mark.parametrize(
    ("status", "hasil", "sesudah"),
    [
        # a predikat rates the period, whatever it was
        ("BELUM_DINILAI", P.BAIK, "DINILAI"),
        ("DINILAI", P.KURANG, "DINILAI"),
        ("PERLU_PERBAIKAN", P.SANGAT_BAIK, "DINILAI"),
        # "-" sends a rated period back; one sent back stays so
        ("DINILAI", None, "PERLU_PERBAIKAN"),
        ("PERLU_PERBAIKAN", None, "PERLU_PERBAIKAN"),
        # "-" on a period never rated leaves it unrated
        ("BELUM_DINILAI", None, "BELUM_DINILAI"),
    ],
)
def test_status_sesudah_rating(status, hasil, sesudah):
    assert aturan.status_sesudah(status, hasil) == sesudah


def test_predikat_dari_rating_tersimpan():
    assert aturan.predikat_dari("DIATAS", "DIATAS") is P.SANGAT_BAIK
    assert aturan.predikat_dari("DIBAWAH", "SESUAI") is P.BUTUH_PERBAIKAN
    assert aturan.predikat_dari("", "SESUAI") is None
    assert aturan.predikat_dari("SESUAI", "") is None


def test_hanya_perlu_perbaikan_membuka_lagi_isian():
    assert aturan.dibuka_lagi("PERLU_PERBAIKAN")
    assert not aturan.dibuka_lagi("DINILAI")
    assert not aturan.dibuka_lagi("BELUM_DINILAI")
    assert not aturan.dibuka_lagi(None)


def test_berisi():
    assert not aturan.berisi("", "", "BELUM_DINILAI")
    assert aturan.berisi("SESUAI", "", "BELUM_DINILAI")
    assert aturan.berisi("", "DIATAS", "BELUM_DINILAI")
    # ratings cleared again, but the period was sent back
    assert aturan.berisi("", "", "PERLU_PERBAIKAN")


@pytest.mark.parametrize(
    ("hasil", "perilaku", "dari_capaian", "tersimpan"),
    [
        ("", "SESUAI", "DIATAS", "DIATAS"),  # left empty: the capaian's
        ("DIATAS", "SESUAI", "DIATAS", "DIATAS"),  # the same as the capaian's
        ("DIATAS", "", "DIATAS", "DIATAS"),  # perilaku "-": no predikat, hasil kept
        ("", "", "DIBAWAH", ""),  # both cleared: "-"
    ],
)
def test_rating_hasil_pimpinan_mengikuti_capaian(hasil, perilaku, dari_capaian, tersimpan):
    assert aturan.rating_hasil_pimpinan(hasil, perilaku, dari_capaian) == tersimpan


def test_rating_hasil_pimpinan_lain_dari_capaian_ditolak():
    with pytest.raises(TidakValid) as e:
        aturan.rating_hasil_pimpinan("SESUAI", "SESUAI", "DIATAS")
    assert [v.field for v in e.value.pelanggaran] == ["rating_hasil_kerja"]


@pytest.mark.parametrize(("capaian", "rating"), [("ISTIMEWA", "DIATAS"), ("BAIK", "SESUAI"), ("KURANG", "DIBAWAH")])
def test_rating_pimpinan_dari_capaian_final(capaian, rating):
    assert aturan.rating_dari_capaian_final(capaian, True, "Budi", "Dinas X") == rating


@pytest.mark.parametrize(("capaian", "final"), [(None, False), ("BAIK", False)])
def test_pimpinan_belum_dapat_dinilai_sebelum_capaian_final(capaian, final):
    with pytest.raises(KondisiTidakTerpenuhi, match="Budi memimpin Dinas X"):
        aturan.rating_dari_capaian_final(capaian, final, "Budi", "Dinas X")
