"""The demo accounts `make run` printed, on the login screen of a demo server
only (issue 15 item 14): a hint naming the password and f2 for the list,
Enter fills the form."""

import pytest
from textual.widgets import Input

from services.profil.demo import DEMO_PASSWORD
from tests import data
from tests.api.test_info_masuk import tandai_demo
from tests.tui.papan_ketik import footer_muat
from tests.tui.pilot import isi, tunggu
from tui.screens.akun_demo import AkunDemoScreen
from tui.screens.login import LoginScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_server_demo_menampilkan_akun_demo(buka_aplikasi, settings, monkeypatch):
    # `make run` exports its data folder to the TUI it opens (scripts/run.sh).
    monkeypatch.setenv("EKINERJA_DATA_DIR", "/srv/ekinerja-demo")
    await tandai_demo(settings, data.INSTANSI, data.INSTANSI_LAIN)
    async with buka_aplikasi() as (app, pilot):
        await tunggu(pilot)
        assert isi(app, "#petunjuk-login") == (
            f"Server demo: f2 memilih akun demo (password {DEMO_PASSWORD}, juga di /srv/ekinerja-demo/demo-login.txt)."
        )
        assert "f2 Akun Demo" in footer_muat(app)
        await pilot.press("f2")
        await tunggu(pilot)
        assert isinstance(app.screen, AkunDemoScreen)
        await pilot.press("down", "enter")  # ENDANG
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.screen.query_one("#nip", Input).value == data.ENDANG
        assert app.screen.query_one("#password", Input).value == DEMO_PASSWORD


async def test_tui_di_mesin_lain_tidak_menebak_folder_server(buka_aplikasi, settings, monkeypatch):
    monkeypatch.delenv("EKINERJA_DATA_DIR", raising=False)
    await tandai_demo(settings, data.INSTANSI, data.INSTANSI_LAIN)
    async with buka_aplikasi() as (app, pilot):
        await tunggu(pilot)
        assert isi(app, "#petunjuk-login") == (
            f"Server demo: f2 memilih akun demo (password {DEMO_PASSWORD}, juga di demo-login.txt di folder data server)."
        )


async def test_server_biasa_tanpa_akun_demo(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await tunggu(pilot)
        assert isi(app, "#petunjuk-login") == "Masuk dengan akun MySAPK Anda."
        assert footer_muat(app) == ["^r Lupa Password", "f1 Bantuan"]
        await pilot.press("f2")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
