"""Riwayat SKP: every change of status and of pejabat penilai, oldest first,
with who made it and why (the reason given when it was returned)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.tabel import Tabel, TabelTeks


class RiwayatSkpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "tutup", "Tutup")]

    def __init__(self, skp: pb.Skp) -> None:
        super().__init__()
        self._skp = skp

    def compose(self) -> ComposeResult:
        s = self._skp
        with Vertical(classes="dialog dialog-besar dialog-lebar"):
            yield Judul(f"Riwayat SKP {s.pegawai.nama}")
            yield Static(fmt.periode(s.periode_awal, s.periode_akhir), id="judul-riwayat", markup=False)
            yield Tabel(id="tabel-riwayat")
            with Horizontal(classes="tombol"):
                yield Button("Tutup", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Fixed widths and wrapped rows: the reason is what matters, and is long.
        table = self.query_one(TabelTeks)
        table.tambah_kolom((("Waktu", 16), ("Status", 12), ("Oleh", 14), ("Alasan / Perubahan", 20)))
        table.focus()
        self._muat()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)

    @work(exclusive=True)
    async def _muat(self) -> None:
        table = self.query_one(DataTable)
        try:
            with memuat(table):
                riwayat = await backend(self).riwayat_skp(self._skp.name)
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#judul-riwayat", Static))
            return
        if not masih_tampil(self):
            return
        for r in riwayat:
            table.add_row(
                fmt.waktu(r.waktu),
                fmt.perubahan_status(r.dari, r.ke),
                Text(r.aktor_nama or "Admin"),
                Text(r.alasan or "-"),
                height=None,
            )
        if not riwayat:
            self.query_one("#judul-riwayat", Static).update("Belum ada riwayat.")
