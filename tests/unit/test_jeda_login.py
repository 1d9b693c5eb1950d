"""The waits of an (account, address) pair after failed logins, and how a
wait is said."""

import pytest

from services.profil.domain import akun as rules
from services.profil.domain.akun import jeda_login, lama
from services.shared.errors import TerlaluBanyak


def test_jeda_berlipat_setelah_batas_sampai_sepanjang_jendela():
    assert [jeda_login(n, 5, 2, 900) for n in range(12)] == [0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128]
    assert jeda_login(14, 5, 2, 900) == 900
    assert jeda_login(10_000, 5, 2, 900) == 900  # no overflow, never longer than the window


def test_lama_dibulatkan_ke_atas():
    assert lama(1) == "1 detik" and lama(59) == "59 detik"
    assert lama(60) == "1 menit" and lama(61) == "2 menit" and lama(900) == "15 menit"


def test_penolakan_menyebut_berapa_lama_dan_retry():
    with pytest.raises(TerlaluBanyak) as e:
        rules.tolak("percobaan masuk yang gagal", 8)
    assert e.value.coba_lagi_detik == 8 and "8 detik" in e.value.pesan
