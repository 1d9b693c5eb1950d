"""Login: NIP (or username for admin/helpdesk) and password, as MySAPK asks.

Locked to one account (`ekinerja tui --akun`, how the SSH gateway starts the
TUI): the gateway let the connection in because its SSH key is registered to
that account, so the field is filled and disabled and only the password is
asked. The key alone is not enough, nor is the password alone: a stolen
laptop's key still needs the password, a leaked password still needs the
key — two factors, and the key cannot open anyone else's account."""

from __future__ import annotations

import os
from collections.abc import Iterable

from ekinerja.profil.v1 import auth_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, LoadingIndicator, Static

from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.format import bersih
from tui.layanan import aplikasi, backend
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk


def berkas_demo() -> str:
    """Where `make run` wrote the demo accounts: its data folder is this
    process's too (scripts/run.sh exports it); a TUI elsewhere cannot know
    the server's folder."""
    folder = os.environ.get("EKINERJA_DATA_DIR")
    return f"{folder.rstrip('/')}/demo-login.txt" if folder else "demo-login.txt di folder data server"


class LoginScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+r", "lupa_password", "Lupa Password"),
        Binding("f2", "akun_demo", "Akun Demo", tooltip="Akun demo dan passwordnya (server demo saja)"),
    ]

    def __init__(self, akun: str | None = None) -> None:
        super().__init__()
        self._akun = akun  # NIP or username the login is locked to, or None
        # A demo server names its demo accounts (AuthService/InfoMasuk); None elsewhere.
        self._demo: auth_pb2.InfoMasukResponse | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="kotak-login", classes="kotak"):
            yield Judul("e-Kinerja")
            yield Petunjuk("Masuk dengan akun MySAPK Anda.", id="petunjuk-login")
            yield Label("NIP / Username", markup=False)
            yield Input(
                self._akun or "", placeholder="Masukkan 18 digit NIP Anda", id="nip", disabled=self._akun is not None
            )
            yield Label("Password", markup=False)
            yield Input(placeholder="Masukkan password Anda", password=True, id="password")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            yield LoadingIndicator(id="memuat", classes="tersembunyi")
            with Horizontal(classes="tombol"):
                yield Button("Masuk", variant="primary", id="masuk")
                yield Button("Lupa Password", id="lupa")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#nip" if self._akun is None else "#password", Input).focus()
        if self._akun is None:  # a login locked to one account (SSH) has no use for the demo's
            self._info_masuk()

    @work(exclusive=True, group="info-masuk")
    async def _info_masuk(self) -> None:
        try:
            info = await backend(self).info_masuk()
        except GagalLayanan:
            return  # an older server, or none: the form works without it
        if info.demo and info.akun_demo:
            self._demo = info
            self.query_one("#petunjuk-login", Static).update(
                f"Server demo: f2 memilih akun demo (password {bersih(info.password_demo)}, juga di {berkas_demo()})."
            )
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "akun_demo":
            return self._demo is not None
        return True

    def action_akun_demo(self) -> None:
        from tui.screens.akun_demo import AkunDemoScreen

        if self._demo is None:
            return
        password = self._demo.password_demo

        def isi(login: str | None) -> None:
            if login:
                self.query_one("#nip", Input).value = login
                self.query_one("#password", Input).value = password
                self.query_one("#masuk", Button).focus()

        self.app.push_screen(AkunDemoScreen(self._demo), isi)

    def kosongkan(self) -> None:
        """After an explicit logout the next user starts from an empty form
        (a locked one keeps its account)."""
        self.query_one("#nip", Input).value = self._akun or ""
        self.query_one("#password", Input).value = ""
        self._pesan("")
        self.query_one("#nip" if self._akun is None else "#password", Input).focus()

    def on_screen_resume(self) -> None:
        # Back from Lupa Password or after the session expired: the NIP is still there.
        self.query_one("#password" if self.query_one("#nip", Input).value else "#nip", Input).focus()

    def perintah(self) -> Iterable[Perintah]:
        yield "Masuk", self._masuk, "Masuk dengan NIP/username dan password"
        yield "Lupa Password", self.action_lupa_password, "Minta kode reset password ke email terdaftar"

    @on(Input.Submitted, "#nip")
    def _setelah_nip(self) -> None:
        if self.query_one("#password", Input).value:
            self._masuk()
        else:
            self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#masuk")
    def _masuk(self) -> None:
        if self.query_one("#masuk", Button).disabled:
            return  # already checking
        nip = self.query_one("#nip", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not nip or not password:
            self._pesan("NIP/username dan password wajib diisi.")
            self.query_one("#password" if nip else "#nip", Input).focus()
            return
        if nip.isdigit() and len(nip) != 18:
            self._pesan(f"NIP terdiri dari 18 digit angka (terisi {len(nip)} digit).")
            self.query_one("#nip", Input).focus()
            return
        self._login(nip, password)

    def _sibuk(self, sibuk: bool) -> None:
        self.query_one("#masuk", Button).disabled = sibuk
        self.query_one("#memuat").set_class(not sibuk, "tersembunyi")
        self.query_one("#pesan").set_class(sibuk, "tersembunyi")

    @work(exclusive=True)
    async def _login(self, nip: str, password: str) -> None:
        self._sibuk(True)
        try:
            await backend(self).login(nip, password)
        except GagalLayanan as e:
            self._pesan(e.pesan)
            self.query_one("#password", Input).value = ""
            self.query_one("#password", Input).focus()
            return
        finally:
            self._sibuk(False)
        self._pesan("")
        self.query_one("#password", Input).value = ""
        aplikasi(self).masuk()

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan", Static).update(teks)

    @on(Button.Pressed, "#lupa")
    def action_lupa_password(self) -> None:
        from tui.screens.lupa_password import LupaPasswordScreen

        def kembali(nip: str | None) -> None:
            if nip and self._akun is None:
                self.query_one("#nip", Input).value = nip
            self.query_one("#password", Input).value = ""

        self._pesan("")
        self.app.push_screen(LupaPasswordScreen(self.query_one("#nip", Input).value.strip()), kembali)
