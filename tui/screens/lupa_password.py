"""Lupa Password (manual chapter 9): NIP and registered email, then the mailed
code with a new password. The server answers the same whether or not the pair
matches, so this screen never says which."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Footer, Input, Label, Static

from tui.backend import GagalLayanan


class LupaPasswordScreen(Screen[None]):
    BINDINGS = [("escape", "kembali", "Kembali ke Login")]

    def __init__(self, nip: str = "") -> None:
        super().__init__()
        self._nip = nip if nip.isdigit() else ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="kotak", id="kotak-lupa"):
            yield Static("Lupa Password", classes="judul")
            with ContentSwitcher(initial="langkah-1"):
                with Vertical(id="langkah-1"):
                    yield Static("Masukkan NIP dan Email Anda yang terdaftar untuk melakukan reset password.",
                                 classes="petunjuk")
                    yield Label("NIP")
                    yield Input(compact=True, value=self._nip, placeholder="18 digit NIP", id="nip")
                    yield Label("Email")
                    yield Input(compact=True, placeholder="email terdaftar", id="email")
                    with Horizontal(classes="tombol"):
                        yield Button("Lanjutkan", compact=True, variant="primary", id="lanjutkan")
                        yield Button("Sudah punya kode", compact=True, id="punya-kode")
                        yield Button("Kembali ke Login", compact=True, id="kembali")
                with Vertical(id="langkah-2"):
                    yield Static("", id="jawaban", classes="petunjuk")
                    yield Label("Kode reset (8 angka dari email)")
                    yield Input(compact=True, placeholder="12345678", id="kode", max_length=8)
                    yield Label("Password baru")
                    yield Input(compact=True, password=True, id="baru")
                    yield Label("Ulangi password baru")
                    yield Input(compact=True, password=True, id="ulang")
                    with Horizontal(classes="tombol"):
                        yield Button("Simpan Password", compact=True, variant="primary", id="simpan")
                        yield Button("Kembali ke Login", compact=True, id="kembali-2")
            yield Static("", id="pesan", classes="pesan-galat")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#email" if self._nip else "#nip", Input).focus()

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan", Static).update(teks)

    @on(Button.Pressed, "#kembali")
    @on(Button.Pressed, "#kembali-2")
    def action_kembali(self) -> None:
        self.app.pop_screen()

    @on(Input.Submitted, "#email")
    @on(Button.Pressed, "#lanjutkan")
    def _lanjutkan(self) -> None:
        nip = self.query_one("#nip", Input).value.strip()
        email = self.query_one("#email", Input).value.strip()
        if not nip or not email:
            self._pesan("NIP dan email wajib diisi.")
            return
        self._minta_kode(nip, email)

    @work(exclusive=True)
    async def _minta_kode(self, nip: str, email: str) -> None:
        try:
            jawaban = await self.app.backend.lupa_password(nip, email)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self._pesan(e.pesan)
            return
        self._langkah_2(jawaban)

    @on(Button.Pressed, "#punya-kode")
    def _punya_kode(self) -> None:
        if not self.query_one("#nip", Input).value.strip():
            self._pesan("Isi NIP terlebih dahulu.")
            return
        self._langkah_2("Masukkan kode reset dari email Anda.")

    def _langkah_2(self, jawaban: str) -> None:
        self._pesan("")
        self.query_one("#jawaban", Static).update(jawaban)
        self.query_one(ContentSwitcher).current = "langkah-2"
        self.query_one("#kode", Input).focus()

    @on(Input.Submitted, "#ulang")
    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        baru = self.query_one("#baru", Input).value
        if baru != self.query_one("#ulang", Input).value:
            self._pesan("Ulangan password baru tidak sama.")
            return
        self._reset(self.query_one("#nip", Input).value.strip(), self.query_one("#kode", Input).value.strip(), baru)

    @work(exclusive=True)
    async def _reset(self, nip: str, kode: str, baru: str) -> None:
        try:
            await self.app.backend.reset_password(nip, kode, baru)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self._pesan(e.pesan)
            return
        self.app.pop_screen()
        self.app.notify("Password berhasil diganti. Silakan masuk dengan password baru.", title="Reset password")
