"""Penilaian Bawahan, first step (docs/domain.md#feedback-dan-rating: "Cari dan pilih
bawahan yang akan dinilai"): the rows of the Rekap of the period, searchable
by name or NIP. Enter returns every row and the chosen one, so Penilaian
Bawahan can go on to the next bawahan without coming back here."""

from __future__ import annotations

import asyncio

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.kotak_cari import KotakCari
from tui.widgets.tabel import Tabel

Pilihan = tuple[list[pb.RekapPenilaian], int] | None


class PilihBawahanScreen(ModalScreen[Pilihan]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, tahun: int, periode: int) -> None:
        super().__init__()
        self._tahun = tahun
        self._periode = periode
        self._rekap: list[pb.RekapPenilaian] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar dialog-lebar"):
            yield Judul(f"Penilaian Bawahan - {fmt.nama_periode(self._periode)} {self._tahun}")
            yield KotakCari("cari-bawahan")
            yield Static("Memuat...", id="judul-pilih-bawahan", markup=False)
            yield Tabel(id="tabel-pilih-bawahan")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Nama", "NIP", "Status", "Predikat")
        self.set_focus(self.query_one(DataTable))  # before the loading cover, which would pass it on
        self._muat()

    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Changed, "#cari-bawahan")
    def _cari(self) -> None:
        self._muat(tunda=True)

    @work(exclusive=True)
    async def _muat(self, tunda: bool = False) -> None:
        if tunda:
            await asyncio.sleep(0.25)  # typing: ask once the user pauses
        query = self.query_one(KotakCari).teks
        judul = self.query_one("#judul-pilih-bawahan", Static)
        try:
            with memuat(self.query_one(DataTable)):
                resp = await backend(self).rekap_penilaian(self._tahun, self._periode, query)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"Daftar bawahan gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        self._rekap = list(resp.rekap)
        table = self.query_one(DataTable)
        table.clear()
        for r in self._rekap:
            table.add_row(
                Text(r.nama), r.nip, fmt.STATUS_PENILAIAN.get(r.status, "-"), fmt.predikat(r.predikat), key=r.name
            )
        cari = f" yang memuat '{query}'" if query else ""
        judul.update(
            Text(
                f"{len(self._rekap)} bawahan{cari}. Enter: nilai bawahan terpilih."
                if self._rekap
                else f"Tidak ada SKP bawahan yang disetujui pada periode ini{cari}."
            )
        )

    @on(DataTable.RowSelected, "#tabel-pilih-bawahan")
    def _pilih(self) -> None:
        table = self.query_one(DataTable)
        if self._rekap and table.row_count:
            self.dismiss((self._rekap, table.cursor_row))
