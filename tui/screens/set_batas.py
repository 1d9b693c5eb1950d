"""Set Batas (admin instansi): the last day the pegawai of the instansi may
fill a period. Empty returns to the default rule (Triwulan: the 15th of the
second month after it; Akhir Tahun: 7 May of the next year)."""

from __future__ import annotations

import datetime as dt

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil


class SetBatasScreen(ModalScreen[pb.Batas | None]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, batas: pb.Batas) -> None:
        super().__init__()
        self._batas = batas
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        b = self._batas
        sekarang = fmt.tanggal(b.tanggal) + (" (bawaan)" if b.bawaan else " (diatur admin)")
        with Vertical(classes="dialog"):
            yield Static(f"Batas {fmt.nama_periode(b.periode)} {b.tahun}", classes="judul")
            yield Static(f"Sekarang: {sekarang}", classes="petunjuk")
            yield Label("BATAS (DD/MM/YYYY, kosongkan untuk kembali ke bawaan)")
            diatur = fmt.ke_date(b.tanggal) if not b.bawaan else None
            yield Input(fmt.isian_tanggal(diatur) if diatur else "",
                        compact=True, placeholder="DD/MM/YYYY", id="batas", max_length=10)
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#batas").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#batas")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        teks = self.query_one("#batas", Input).value.strip()
        try:
            tanggal = fmt.baca_tanggal(teks, "BATAS") if teks else None
        except ValueError as e:
            self.query_one("#pesan", Static).update(str(e))
            return
        self._simpan(tanggal)

    @work(exclusive=True)
    async def _simpan(self, tanggal: dt.date | None) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).ubah_batas(self._permintaan.ambil(), self._batas.tahun, self._batas.periode,
                                                   tanggal)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, pesan, {"tanggal": "#batas"})
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
