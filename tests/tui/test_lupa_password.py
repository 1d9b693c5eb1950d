"""Lupa Password end to end: the mailed code from the outbox resets the password."""

import email
import re

import pytest
from textual.widgets import Input

from tests import data
from tests.tui.pilot import isi, ketik, masuk, pemberitahuan, tunggu
from tui.screens.login import LoginScreen
from tui.screens.lupa_password import LupaPasswordScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def kode_dari_outbox(server) -> str:
    (eml,) = server.context.settings.outbox_dir.glob("*.eml")
    body = email.message_from_bytes(eml.read_bytes()).get_payload(decode=True).decode()
    return re.search(r"\b(\d{8})\b", body).group(1)


async def test_lupa_password_kode_dari_email_mengganti_password(buka_aplikasi, server):
    async with buka_aplikasi() as (app, pilot):
        app.screen.query_one("#nip", Input).value = data.SUTIKNO
        await pilot.press("ctrl+r")
        await tunggu(pilot)
        assert isinstance(app.screen, LupaPasswordScreen)
        assert app.screen.query_one("#nip", Input).value == data.SUTIKNO  # carried over from login
        await ketik(pilot, "#email", data.email_of(data.SUTIKNO))
        await pilot.press("enter")
        await tunggu(pilot)
        assert "kode reset password telah dikirim" in isi(app, "#jawaban")
        assert app.screen.query_one("#nip-2", Input).value == data.SUTIKNO
        await server.context.services["profil.akun"].menunggu_email()
        assert app.focused is app.screen.query_one("#kode", Input)
        await ketik(pilot, "#kode", kode_dari_outbox(server))
        await ketik(pilot, "#baru", "baru-dari-tui-1")
        await ketik(pilot, "#ulang", "baru-dari-tui-1")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert "Password berhasil diganti" in pemberitahuan(app)
        assert app.screen.query_one("#nip", Input).value == data.SUTIKNO
        await masuk(pilot, data.SUTIKNO, data.PASSWORD)  # the old one no longer works
        assert isinstance(app.screen, LoginScreen)
        await masuk(pilot, data.SUTIKNO, "baru-dari-tui-1")
        assert isinstance(app.screen, UtamaScreen)


async def test_jawaban_sama_untuk_email_yang_salah(buka_aplikasi, server):
    async with buka_aplikasi() as (app, pilot):
        await pilot.press("ctrl+r")
        await ketik(pilot, "#nip", data.SUTIKNO)
        await ketik(pilot, "#email", "bukan.miliknya@contoh.go.id")
        await pilot.press("enter")
        await tunggu(pilot)
        assert "kode reset password telah dikirim" in isi(app, "#jawaban")
        await server.context.services["profil.akun"].menunggu_email()
        assert list(server.context.settings.outbox_dir.glob("*.eml")) == []


async def test_kode_salah_menampilkan_pesan_server(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await pilot.press("ctrl+r")
        await ketik(pilot, "#nip", data.SUTIKNO)
        app.screen.query_one("#punya-kode").focus()
        await pilot.press("enter")
        await ketik(pilot, "#kode", "00000000")
        await ketik(pilot, "#baru", "baru-dari-tui-1")
        await ketik(pilot, "#ulang", "baru-dari-tui-1")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LupaPasswordScreen)
        assert isi(app, "#pesan").startswith("Kode reset: kode reset salah atau sudah tidak berlaku")
        assert app.focused is app.screen.query_one("#kode", Input)


async def test_ulangan_password_harus_sama(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await pilot.press("ctrl+r")
        await ketik(pilot, "#nip", data.SUTIKNO)
        app.screen.query_one("#punya-kode").focus()
        await pilot.press("enter")
        await ketik(pilot, "#kode", "12345678")
        await ketik(pilot, "#baru", "satu-satu-1")
        await ketik(pilot, "#ulang", "dua-dua-22")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#pesan") == "Ulangan password baru tidak sama."
        await pilot.press("escape")
        assert isinstance(app.screen, LoginScreen)
