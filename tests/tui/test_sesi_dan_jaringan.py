"""The TUI when the server is gone or the session was ended elsewhere."""

import socket

import pytest
from ekinerja.profil.v1 import auth_pb2
from textual.widgets import Static

from tests import data
from tests.tui.pilot import masuk, teks, tunggu
from tui.app import EkinerjaApp
from tui.screens.login import LoginScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def port_kosong() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_server_tidak_dapat_dihubungi(backend):
    app = EkinerjaApp(f"127.0.0.1:{port_kosong()}")
    app.backend._timeout = 2
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk(pilot, data.SUTIKNO)
        assert isinstance(app.screen, LoginScreen)
        assert "tidak dapat dihubungi" in teks(app.screen.query_one("#pesan", Static))


async def test_sesi_diakhiri_di_tempat_lain_kembali_ke_login(address, client):
    app = EkinerjaApp(address)
    async with app.run_test(size=(80, 24)) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        token = app.backend.sesi.token
        await client.auth.Logout(auth_pb2.LogoutRequest(), metadata=(("authorization", f"Bearer {token}"),))
        await pilot.press("r")  # Muat Ulang
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.backend.sesi is None
