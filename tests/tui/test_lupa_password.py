"""Lupa Password end to end: the mailed code from the outbox resets the password."""

import email
import re

import pytest
from textual.widgets import Input, Static

from tests import data
from tests.tui.pilot import masuk, teks, tunggu
from tui.app import EkinerjaApp
from tui.screens.login import LoginScreen
from tui.screens.lupa_password import LupaPasswordScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_lupa_password_lengkap(address, server):
    app = EkinerjaApp(address)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#nip", Input).value = data.SUTIKNO
        await pilot.press("ctrl+r")
        await tunggu(pilot)
        assert isinstance(app.screen, LupaPasswordScreen)
        assert app.screen.query_one("#nip", Input).value == data.SUTIKNO
        app.screen.query_one("#email", Input).value = data.email_of(data.SUTIKNO)
        app.screen.query_one("#email", Input).focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert "kode reset password telah dikirim" in teks(app.screen.query_one("#jawaban", Static))
        await server.context.services["profil.akun"].menunggu_email()
        (eml,) = server.context.settings.outbox_dir.glob("*.eml")
        body = email.message_from_bytes(eml.read_bytes()).get_payload(decode=True).decode()
        kode = re.search(r"\b(\d{8})\b", body).group(1)
        app.screen.query_one("#kode", Input).value = kode
        app.screen.query_one("#baru", Input).value = "baru-dari-tui-1"
        app.screen.query_one("#ulang", Input).value = "baru-dari-tui-1"
        app.screen.query_one("#ulang", Input).focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        await masuk(pilot, data.SUTIKNO, "baru-dari-tui-1")
        assert isinstance(app.screen, UtamaScreen)


async def test_ulangan_password_harus_sama(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r")
        await tunggu(pilot)
        app.screen.query_one("#nip", Input).value = data.SUTIKNO
        app.screen.query_one("#punya-kode").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        app.screen.query_one("#baru", Input).value = "satu-satu-1"
        app.screen.query_one("#ulang", Input).value = "dua-dua-22"
        app.screen.query_one("#ulang", Input).focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert "tidak sama" in teks(app.screen.query_one("#pesan", Static))
