"""Kembalikan SKP (pejabat penilai): back to DRAFT so the pegawai can fix
it, with the reason, which the pegawai sees as the SKP's Keterangan."""

from __future__ import annotations

from typing import Literal

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilSkp = pb.Skp | Literal["usang"] | None


class KembalikanSkpScreen(ModalScreen[HasilSkp]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, skp: pb.Skp) -> None:
        super().__init__()
        self._skp = skp
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        s = self._skp
        with Vertical(classes="dialog"):
            yield Static("Kembalikan SKP", classes="judul", markup=False)
            yield Static(f"SKP {s.pegawai.nama} periode {fmt.periode(s.periode_awal, s.periode_akhir)} kembali "
                         "menjadi DRAFT agar dapat diperbaiki pegawai.", classes="petunjuk", markup=False)
            yield Label("ALASAN (dibaca pegawai sebagai Keterangan)", markup=False)
            yield Input(compact=True, id="alasan")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Kembalikan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#alasan", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#alasan")
    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        alasan = self.query_one("#alasan", Input).value.strip()
        if not alasan:
            self.query_one("#pesan", Static).update("ALASAN wajib diisi.")
            self.query_one("#alasan", Input).focus()
            return
        self._kirim(alasan)

    @work(exclusive=True)
    async def _kirim(self, alasan: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Memproses...")
        try:
            hasil = await backend(self).kembalikan_skp(self._permintaan.ambil(), self._skp, alasan)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            else:
                laporkan(self, e, pesan, {"alasan": "#alasan"})
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
