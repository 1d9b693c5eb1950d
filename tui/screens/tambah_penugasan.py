"""Tambah PLT/PLH (manual chapter 10): jenis, the unit led as Plt./Plh., and
the period as in the SK (DD/MM/YYYY, as the web form takes it)."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.format import baca_tanggal, isian_tanggal
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.pilih_unor import PilihUnor

ISIAN = {"tanggal_mulai": "#mulai", "tanggal_selesai": "#selesai", "unor_id": ".cari-unor"}


class TambahPenugasanScreen(ModalScreen[profil_pb2.Penugasan | None]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self) -> None:
        super().__init__()
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar"):
            yield Static("Tambah PLT / PLH", classes="judul")
            with RadioSet(id="jenis", compact=True):
                yield RadioButton("PLT (pelaksana tugas)", value=True, id="plt")
                yield RadioButton("PLH (pelaksana harian)", id="plh")
            yield Label("UNIT KERJA PLT/PLH")
            yield PilihUnor(id="unor")
            with Horizontal(classes="baris-tanggal"):
                with Vertical():
                    yield Label("PERIODE AWAL")
                    yield Input(compact=True, value=isian_tanggal(dt.date.today()), placeholder="DD/MM/YYYY",
                                id="mulai", max_length=10)
                with Vertical():
                    yield Label("PERIODE AKHIR")
                    yield Input(compact=True, placeholder="DD/MM/YYYY", id="selesai", max_length=10)
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#mulai")
    def _ke_selesai(self) -> None:
        self.query_one("#selesai", Input).focus()

    @on(Input.Submitted, "#selesai")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        pesan = self.query_one("#pesan", Static)
        unor_id = self.query_one(PilihUnor).terpilih
        if not unor_id:
            pesan.update("Pilih UNIT KERJA PLT/PLH: cari lalu tekan Enter pada unit kerja.")
            self.query_one(".cari-unor", Input).focus()
            return
        try:
            mulai = baca_tanggal(self.query_one("#mulai", Input).value, "PERIODE AWAL")
        except ValueError as e:
            pesan.update(str(e))
            self.query_one("#mulai", Input).focus()
            return
        try:
            selesai = baca_tanggal(self.query_one("#selesai", Input).value, "PERIODE AKHIR")
        except ValueError as e:
            pesan.update(str(e))
            self.query_one("#selesai", Input).focus()
            return
        if selesai < mulai:
            pesan.update("PERIODE AKHIR tidak boleh sebelum PERIODE AWAL.")
            self.query_one("#selesai", Input).focus()
            return
        self._simpan(unor_id, self.query_one("#plt", RadioButton).value, mulai, selesai)

    @work(exclusive=True)
    async def _simpan(self, unor_id: str, plt: bool, mulai: dt.date, selesai: dt.date) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).tambah_penugasan(self._permintaan.ambil(), unor_id, plt, mulai, selesai)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, pesan, ISIAN)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
