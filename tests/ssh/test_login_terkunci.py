"""`ekinerja tui --akun`: the login the SSH gateway starts, locked to the
key's account, asks only for the password."""

import pytest
from textual.widgets import Input

from tests import data
from tests.tui.pilot import UKURAN, isi, tunggu
from tui.app import EkinerjaApp
from tui.screens.login import LoginScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def aplikasi(address: str, akun: str) -> EkinerjaApp:
    app = EkinerjaApp(address, akun)
    app.animation_level = "none"
    return app


async def test_nip_terisi_terkunci_dan_fokus_pada_password(address):
    app = aplikasi(address, data.SUTIKNO)
    async with app.run_test(size=UKURAN) as pilot:
        await pilot.pause()
        nip = app.screen.query_one("#nip", Input)
        assert nip.value == data.SUTIKNO and nip.disabled
        assert app.focused is app.screen.query_one("#password", Input)
        await pilot.press("tab", "shift+tab")  # the locked field cannot be reached
        assert app.focused is not nip
        await pilot.press("0")
        assert nip.value == data.SUTIKNO


async def test_login_dengan_password_saja_lalu_keluar_tetap_terkunci(address):
    app = aplikasi(address, data.SUTIKNO)
    async with app.run_test(size=UKURAN) as pilot:
        await pilot.pause()
        app.screen.query_one("#password", Input).focus()
        await pilot.press(*data.PASSWORD, "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        nip = app.screen.query_one("#nip", Input)
        assert nip.value == data.SUTIKNO and nip.disabled
        assert app.focused is app.screen.query_one("#password", Input)


async def test_password_salah_tetap_pada_akun_yang_sama(address):
    app = aplikasi(address, data.SUTIKNO)
    async with app.run_test(size=UKURAN) as pilot:
        await pilot.pause()
        await pilot.press(*"bukan-passwordnya", "enter")
        await tunggu(pilot)
        assert isi(app, "#pesan") == "NIP/username atau password salah."
        assert app.screen.query_one("#nip", Input).value == data.SUTIKNO
