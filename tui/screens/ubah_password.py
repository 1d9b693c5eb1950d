"""Ubah Password for the signed-in account."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.backend import GagalLayanan


class UbahPasswordScreen(ModalScreen[bool]):
    BINDINGS = [("escape", "batal", "Batal")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Ubah Password", classes="judul")
            yield Label("Password lama")
            yield Input(compact=True, password=True, id="lama")
            yield Label("Password baru (minimal 8 karakter)")
            yield Input(compact=True, password=True, id="baru")
            yield Label("Ulangi password baru")
            yield Input(compact=True, password=True, id="ulang")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")

    def on_mount(self) -> None:
        self.query_one("#lama", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#ulang")
    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        baru = self.query_one("#baru", Input).value
        if baru != self.query_one("#ulang", Input).value:
            self.query_one("#pesan", Static).update("Ulangan password baru tidak sama.")
            return
        self._kirim(self.query_one("#lama", Input).value, baru)

    @work(exclusive=True)
    async def _kirim(self, lama: str, baru: str) -> None:
        try:
            await self.app.backend.ubah_password(lama, baru)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self.query_one("#pesan", Static).update(e.pesan)
            return
        self.dismiss(True)
