"""PLT/PLH: add an assignment (manual chapter 10) or end one early."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.backend import GagalLayanan
from tui.format import baca_tanggal
from tui.widgets.pilih_unor import PilihUnor


class TambahPenugasanScreen(ModalScreen[profil_pb2.Penugasan | None]):
    BINDINGS = [("escape", "batal", "Batal"), ("ctrl+s", "simpan", "Simpan")]

    def compose(self) -> ComposeResult:
        tahun = dt.date.today().year
        with Vertical(classes="dialog dialog-besar"):
            yield Static("Tambah PLT / PLH", classes="judul")
            with RadioSet(id="jenis"):
                yield RadioButton("PLT (pelaksana tugas)", value=True, id="plt")
                yield RadioButton("PLH (pelaksana harian)", id="plh")
            yield Label("UNIT KERJA PLT/PLH")
            yield PilihUnor(id="unor")
            with Horizontal(classes="baris-tanggal"):
                with Vertical():
                    yield Label("PERIODE AWAL (DD/MM/YYYY)")
                    yield Input(compact=True, value=f"01/01/{tahun}", id="mulai")
                with Vertical():
                    yield Label("PERIODE AKHIR")
                    yield Input(compact=True, value=f"31/12/{tahun}", id="selesai")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        unor_id = self.query_one(PilihUnor).terpilih
        try:
            mulai = baca_tanggal(self.query_one("#mulai", Input).value)
            selesai = baca_tanggal(self.query_one("#selesai", Input).value)
        except ValueError as e:
            self.query_one("#pesan", Static).update(str(e))
            return
        if not unor_id:
            self.query_one("#pesan", Static).update("Pilih unit kerja PLT/PLH.")
            return
        self._simpan(unor_id, self.query_one("#plt", RadioButton).value, mulai, selesai)

    @work(exclusive=True)
    async def _simpan(self, unor_id: str, plt: bool, mulai: dt.date, selesai: dt.date) -> None:
        try:
            hasil = await self.app.backend.tambah_penugasan(unor_id, plt, mulai, selesai)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self.query_one("#pesan", Static).update(e.pesan)
            return
        self.dismiss(hasil)


class AkhiriPenugasanScreen(ModalScreen[profil_pb2.Penugasan | None]):
    BINDINGS = [("escape", "batal", "Batal")]

    def __init__(self, penugasan: profil_pb2.Penugasan) -> None:
        super().__init__()
        self._t = penugasan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Akhiri {self._t.jabatan}", classes="judul")
            yield Label("Hari terakhir penugasan (DD/MM/YYYY)")
            yield Input(compact=True, value=dt.date.today().strftime("%d/%m/%Y"), id="selesai")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Akhiri", compact=True, variant="primary", id="akhiri")
                yield Button("Batal", compact=True, id="batal")

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#akhiri")
    def _akhiri(self) -> None:
        try:
            selesai = baca_tanggal(self.query_one("#selesai", Input).value)
        except ValueError as e:
            self.query_one("#pesan", Static).update(str(e))
            return
        self._kirim(selesai)

    @work(exclusive=True)
    async def _kirim(self, selesai: dt.date) -> None:
        try:
            hasil = await self.app.backend.akhiri_penugasan(self._t.name, selesai)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self.query_one("#pesan", Static).update(e.pesan)
            return
        self.dismiss(hasil)
