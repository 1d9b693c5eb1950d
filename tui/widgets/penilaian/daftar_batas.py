"""Batas (deadlines) of the instansi's periods in a year: the default rule
unless admin instansi set another date, which only admin instansi changes."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.penilaian.set_batas import SetBatasScreen
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.tabel import Tabel


class DaftarBatas(Vertical):
    BINDINGS = [Binding("e", "set", "Set Batas")]

    def __init__(self, admin: bool) -> None:
        super().__init__(id="daftar-batas")
        self.admin = admin
        self._batas: list[pb.Batas] = []
        self._tahun = 0

    def compose(self) -> ComposeResult:
        yield Tabel(id="tabel-batas")
        yield Petunjuk("", id="ket-batas")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Periode", "Batas", "Keterangan")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.admin if action == "set" else True

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    def muat(self, tahun: int) -> None:
        self._tahun = tahun
        self._muat()

    @work(exclusive=True, group="batas")
    async def _muat(self) -> None:
        ket = self.query_one("#ket-batas", Static)
        try:
            with memuat(self.query_one(DataTable)):
                daftar = await backend(self).daftar_batas(self._tahun)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                ket.update(Text(f"Batas gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        table = self.query_one(DataTable)
        baris = table.cursor_row
        table.clear()
        self._batas = sorted(daftar, key=lambda b: b.periode)
        for b in self._batas:
            table.add_row(fmt.nama_periode(b.periode), fmt.tanggal(b.tanggal), "bawaan" if b.bawaan else "diatur admin")
        if self._batas:
            table.move_cursor(row=min(baris, len(self._batas) - 1))
        ket.update(
            "Enter/e: ubah batas periode terpilih (kosongkan untuk kembali ke bawaan)."
            if self.admin
            else "Batas pengisian ditetapkan oleh admin instansi."
        )

    @on(DataTable.RowSelected, "#tabel-batas")
    def action_set(self) -> None:
        table = self.query_one(DataTable)
        if not self.admin or not self._batas:
            return
        b = self._batas[table.cursor_row]

        def selesai(hasil: pb.Batas | None) -> None:
            if hasil is not None:
                self.notify(
                    f"Batas {fmt.nama_periode(hasil.periode)} {hasil.tahun}: {fmt.tanggal(hasil.tanggal)}"
                    + (" (bawaan)." if hasil.bawaan else "."),
                    markup=False,
                )
                self._muat()

        self.app.push_screen(SetBatasScreen(b), selesai)
