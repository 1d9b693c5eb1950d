"""A form of one text: Tambah/Edit Rencana Aksi and Tambah/Edit Feedback.
What it saves, and how, is the caller's (`simpan`); the form shows the
server's refusal in place and returns what was saved, "usang" or None."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static, TextArea

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import laporkan, masih_tampil

Simpan = Callable[[str, str], Awaitable[object]]  # (request_id, teks) -> what was saved
HasilIsian = object | Literal["usang"] | None


class IsianTeksScreen(ModalScreen[HasilIsian]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(
        self, judul: str, label: str, simpan: Simpan, teks: str = "", konteks: str = "", petunjuk: str = ""
    ) -> None:
        """`konteks`: what it is about (the RHK), `petunjuk`: the web app's hint."""
        super().__init__()
        self._judul = judul
        self._label = label
        self._simpan_ke = simpan
        self._teks = teks
        self._konteks = konteks
        self._petunjuk = petunjuk
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Static(self._judul, classes="judul", markup=False)
            if self._konteks:
                yield Static(self._konteks, classes="petunjuk", markup=False)
            yield Label(self._label, markup=False)
            yield TextArea(self._teks, compact=True, id="teks")
            if self._petunjuk:
                yield Static(self._petunjuk, classes="petunjuk", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        teks = " ".join(self.query_one(TextArea).text.split())
        if not teks:
            self.query_one("#pesan", Static).update(f"{self._label} wajib diisi.")
            self.query_one(TextArea).focus()
            return
        self._simpan(teks)

    @work(exclusive=True)
    async def _simpan(self, teks: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        try:
            hasil = await self._simpan_ke(self._permintaan.ambil(), teks)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, {"teks": "#teks"}):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
