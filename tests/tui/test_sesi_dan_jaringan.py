"""The session: an unreachable server, a session ended elsewhere, Ubah Password."""

import socket

import pytest
from ekinerja.profil.v1 import auth_pb2
from textual.widgets import Input

from tests import data
from tests.tui.pilot import UKURAN, aplikasi, isi, ketik, masuk, pemberitahuan, tunggu
from tui.screens.login import LoginScreen
from tui.screens.ubah_password import UbahPasswordScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def port_kosong() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_login_saat_server_tidak_dapat_dihubungi_menampilkan_pesan(backend):
    app = aplikasi(f"127.0.0.1:{port_kosong()}")
    app.backend.timeout = 2
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        assert isinstance(app.screen, LoginScreen)
        assert "tidak dapat dihubungi" in isi(app, "#pesan")
        assert not app.screen.query_one("#masuk").disabled  # the user can try again


async def test_sesi_diakhiri_di_tempat_lain_kembali_ke_login(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        assert isinstance(app.screen, UtamaScreen)
        token = app.backend.sesi.token
        await client.auth.Logout(auth_pb2.LogoutRequest(), metadata=(("authorization", f"Bearer {token}"),))
        await pilot.press("r")  # Muat Ulang: four calls fail at once, one notice
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.backend.sesi is None
        assert pemberitahuan(app).count("Sesi Anda telah berakhir") == 1


async def test_sesi_berakhir_saat_formulir_terbuka(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("e")
        await tunggu(pilot)
        token = app.backend.sesi.token
        await client.auth.Logout(auth_pb2.LogoutRequest(), metadata=(("authorization", f"Bearer {token}"),))
        await ketik(pilot, "#jabatan", "Jabatan Baru")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)


async def test_pegawai_mengubah_password_lalu_masuk_dengan_yang_baru(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("ctrl+u")
        await tunggu(pilot)
        assert isinstance(app.screen, UbahPasswordScreen)
        await ketik(pilot, "#lama", "bukan-password-nya")
        await pilot.press("enter")  # on to the next field
        assert app.focused is app.screen.query_one("#baru", Input)
        await ketik(pilot, "#baru", "password-baru-1")
        await ketik(pilot, "#ulang", "password-baru-1")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UbahPasswordScreen)  # a wrong old password is not an expired session
        assert isi(app, "#pesan") == "Password lama salah."
        assert app.focused is app.screen.query_one("#lama", Input)
        await ketik(pilot, "#lama", data.PASSWORD)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "Password berhasil diubah." in pemberitahuan(app)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        await masuk(pilot, data.SUTIKNO, "password-baru-1")
        assert isinstance(app.screen, UtamaScreen)


async def test_keluar_dari_semua_perangkat(buka_aplikasi, client):
    lain = await client.login(nip=data.SUTIKNO)  # the laptop left behind
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("ctrl+p", *"semua perangkat")
        await pilot.pause(0.5)  # the palette searches in the background
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen) and app.backend.sesi is None
        assert "keluar dari semua perangkat (2 sesi diakhiri)" in pemberitahuan(app)
    from ekinerja.skp.v1 import skp_pb2

    with pytest.raises(Exception, match="berakhir"):
        await client.skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=lain)
