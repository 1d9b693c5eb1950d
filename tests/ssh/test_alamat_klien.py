"""Behind the gateway, profil's login limiter counts each SSH client's own
address (a ticket from the gateway names it), not the gateway's: one client
guessing passwords does not lock every other SSH user out.

Loopback addresses 127.0.0.2, 127.0.0.3 are distinct clients on Linux."""

import pytest

from tests import data
from tests.ssh.layar import buka, daftarkan, sambung

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"login_max_gagal_alamat": 2})


async def _gagal(layar, password: str) -> None:
    layar.ketik("\r")  # an empty password first: the message changes, so the next one is surely new
    await layar.tunggu("wajib diisi")
    layar.ketik(password + "\r")
    await layar.tunggu("NIP/username atau password salah.")


async def test_percobaan_salah_dihitung_per_alamat_klien_ssh(jalankan_gerbang, kunci_sutikno, settings):
    kunci_endang = await daftarkan(settings, data.ENDANG)
    _, port = await jalankan_gerbang()
    async with (
        sambung(port, kunci_sutikno, local_addr=("127.0.0.2", 0)) as conn_a,
        sambung(port, kunci_endang, local_addr=("127.0.0.3", 0)) as conn_b,
    ):
        a = await buka(conn_a)
        await a.tunggu("Lupa Password")
        await _gagal(a, "tebakan-1")
        await _gagal(a, "tebakan-2")
        # The guessing client's address is spent: even the right password waits…
        a.ketik(data.PASSWORD + "\r")
        await a.tunggu("Terlalu banyak percobaan masuk yang gagal dari alamat")
        # …but another SSH client, from another address, is not locked out with it.
        # (Before: every SSH Login came from the gateway's address, one bucket for all: refused here.)
        b = await buka(conn_b)
        await b.tunggu("Lupa Password")
        b.ketik(data.PASSWORD + "\r")
        await b.tunggu("Hi, ")
