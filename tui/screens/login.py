"""Login: NIP (or username for admin/helpdesk) and password, as MySAPK asks."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from tui.backend import GagalLayanan


class LoginScreen(Screen[None]):
    BINDINGS = [("ctrl+r", "lupa_password", "Lupa Password")]

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-login", classes="kotak"):
            yield Static("e-Kinerja", classes="judul")
            yield Static("Masuk dengan akun MySAPK Anda", classes="petunjuk")
            yield Label("NIP / Username")
            yield Input(placeholder="18 digit NIP", id="nip")
            yield Label("Password")
            yield Input(placeholder="Password", password=True, id="password")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Masuk", variant="primary", id="masuk")
                yield Button("Lupa Password", id="lupa")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#nip", Input).focus()

    @on(Input.Submitted, "#nip")
    def _ke_password(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#masuk")
    def _masuk(self) -> None:
        nip = self.query_one("#nip", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not nip or not password:
            self._pesan("NIP/username dan password wajib diisi.")
            return
        self._pesan("Memeriksa...")
        self.query_one("#masuk", Button).disabled = True
        self._login(nip, password)

    @work(exclusive=True)
    async def _login(self, nip: str, password: str) -> None:
        try:
            await self.app.backend.login(nip, password)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self._pesan(e.pesan)
            self.query_one("#password", Input).value = ""
            self.query_one("#password", Input).focus()
            return
        finally:
            self.query_one("#masuk", Button).disabled = False
        self._pesan("")
        self.query_one("#password", Input).value = ""
        self.app.masuk()  # type: ignore[attr-defined]

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan", Static).update(teks)

    @on(Button.Pressed, "#lupa")
    def action_lupa_password(self) -> None:
        from tui.screens.lupa_password import LupaPasswordScreen

        self.app.push_screen(LupaPasswordScreen(self.query_one("#nip", Input).value.strip()))
