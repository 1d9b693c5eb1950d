"""Ubah Password for the signed-in account: old, new, and the new one again."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

ISIAN = {"password_lama": "#lama", "password_baru": "#baru"}


class UbahPasswordScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self) -> None:
        super().__init__()
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Ubah Password", classes="judul", markup=False)
            yield Label("Password lama", markup=False)
            yield Input(compact=True, password=True, id="lama")
            yield Label("Password baru (minimal 8 karakter)", markup=False)
            yield Input(compact=True, password=True, id="baru")
            yield Label("Ulangi password baru", markup=False)
            yield Input(compact=True, password=True, id="ulang")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#lama", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#lama")
    @on(Input.Submitted, "#baru")
    def _berikutnya(self, event: Input.Submitted) -> None:
        self.query_one("#baru" if event.input.id == "lama" else "#ulang", Input).focus()

    @on(Input.Submitted, "#ulang")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        lama = self.query_one("#lama", Input).value
        baru = self.query_one("#baru", Input).value
        if not lama or not baru:
            self._gagal("Password lama dan password baru wajib diisi.", "#baru" if lama else "#lama")
        elif baru != self.query_one("#ulang", Input).value:
            self._gagal("Ulangan password baru tidak sama.", "#ulang")
        else:
            self._kirim(lama, baru)

    def _gagal(self, pesan: str, isian: str) -> None:
        self.query_one("#pesan", Static).update(pesan)
        self.query_one(isian, Input).focus()

    @work(exclusive=True)
    async def _kirim(self, lama: str, baru: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            await backend(self).ubah_password(self._permintaan.ambil(), lama, baru)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, pesan, ISIAN)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(True)
