"""The server stops under a running TUI (issue 15 item 16): every screen says
so in a banner and offers f5 to retry; nothing crashes; once the server is
back, f5 reads the screen again and the banner goes."""

import pytest
from textual.widgets import Static

from services.registry import MODULES
from services.shared.server import start
from tests import data
from tests.tui.helpdesk import HELPDESK, buka_pegawai
from tests.tui.papan_ketik import footer_muat
from tests.tui.pilot import pemberitahuan, teks, tunggu
from tui.screens.jejak_audit import JejakAuditScreen
from tui.screens.login import LoginScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def spanduk(app) -> str:
    found = app.screen.query("#terputus")
    return teks(found.first(Static)) if found else ""


async def tekan(pilot, *keys: str) -> None:
    for k in keys:
        await pilot.press(k)
        await tunggu(pilot)


async def test_server_mati_di_setiap_layar_pegawai(buka_aplikasi, server):
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        app.backend.timeout = 3  # a dead server is told within seconds
        assert isinstance(app.screen, UtamaScreen) and spanduk(app) == ""
        await server.stop(grace=0)
        await tekan(pilot, "r")  # Muat Ulang of the profile: the call fails
        assert "Koneksi ke layanan e-Kinerja terputus" in spanduk(app)
        assert "f5 Coba Lagi" in footer_muat(app)
        for keys in (("s",), ("d",), ("p",), ("ctrl+u",)):  # other pages, a dialog
            await tekan(pilot, *keys)
            assert "f5: coba lagi" in spanduk(app), keys
        await tekan(pilot, "escape", "f5")  # still down: it says so
        assert "terputus" in spanduk(app)
        assert isinstance(app.screen, UtamaScreen)

        baru = await start(server.context.settings, list(MODULES.values()), port=server.port)
        try:
            await tekan(pilot, "f5")
            assert spanduk(app) == ""
            assert "f5 Coba Lagi" not in footer_muat(app)
            assert "Tersambung kembali" in pemberitahuan(app)
        finally:
            await baru.stop(grace=0)


async def test_server_mati_di_konsol_helpdesk(buka_aplikasi, server):
    async with buka_aplikasi(HELPDESK) as (app, pilot):
        app.backend.timeout = 3  # a dead server is told within seconds
        await buka_pegawai(pilot, "sutikno")
        await server.stop(grace=0)
        for keys in (("r",), ("2",), ("4",), ("a",)):
            await tekan(pilot, *keys)
            assert "terputus" in spanduk(app), keys
        assert isinstance(app.screen, JejakAuditScreen)
        await tekan(pilot, "escape", "escape")
        await tekan(pilot, "ctrl+u", *"endang", "enter")  # a search
        assert "terputus" in spanduk(app)
        await tekan(pilot, "ctrl+l")  # leaving works without the server
        assert isinstance(app.screen, LoginScreen) and "terputus" in spanduk(app)
