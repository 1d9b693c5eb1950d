"""Akhiri PLT/PLH: end an assignment early by setting its last day."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil


class AkhiriPenugasanScreen(ModalScreen[profil_pb2.Penugasan | None]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, penugasan: profil_pb2.Penugasan) -> None:
        super().__init__()
        self._t = penugasan
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Akhiri {self._t.jabatan}", classes="judul")
            yield Static(f"Periode sekarang: {fmt.periode(self._t.tanggal_mulai, self._t.tanggal_selesai)}",
                         classes="petunjuk")
            yield Label("Hari terakhir penugasan (DD/MM/YYYY)")
            yield Input(compact=True, value=fmt.isian_tanggal(dt.date.today()), id="selesai", max_length=10)
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Akhiri", compact=True, variant="primary", id="akhiri")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#selesai", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#akhiri")
    def _akhiri(self) -> None:
        try:
            selesai = fmt.baca_tanggal(self.query_one("#selesai", Input).value, "Hari terakhir")
        except ValueError as e:
            self.query_one("#pesan", Static).update(str(e))
            return
        self._kirim(selesai)

    @work(exclusive=True)
    async def _kirim(self, selesai: dt.date) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).akhiri_penugasan(self._permintaan.ambil(), self._t.name, selesai)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, pesan, {"tanggal_selesai": "#selesai"})
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
