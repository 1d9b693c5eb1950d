"""Pemantauan dan Evaluasi of Penilaian SKP (docs/domain.md#feedback-dan-rating): for a penilai,
the periods of the SKP's year, and per period Penilaian Bawahan, Rekap
Penilaian Bawahan and Lihat Kurva. Shown to everyone: whoever has no
bawahan finds the lists empty."""

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
from tui.widgets.buka import BukaKurvaPredikat, BukaNilaiBawahan, BukaRekapPenilaian
from tui.widgets.penilaian.pilih_bawahan import PilihBawahanScreen
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.tabel import Tabel
from tui.widgets.tombol import BarisTombol, Tombol

TOMBOL: list[Tombol] = [
    ("penilaian-bawahan", "Penilaian Bawahan", "penilaian_bawahan"),
    ("rekap-bawahan", "Rekap Penilaian Bawahan", "rekap"),
    ("lihat-kurva", "Lihat Kurva", "kurva"),
]


class PemantauanEvaluasi(Vertical):
    BINDINGS = [
        Binding("n", "penilaian_bawahan", "Penilaian", tooltip="Penilaian Bawahan"),
        Binding("k", "rekap", "Rekap"),
        Binding("v", "kurva", "Kurva", tooltip="Lihat Kurva"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pemantauan")
        self.tahun = 0

    def compose(self) -> ComposeResult:
        yield Tabel(id="tabel-pemantauan")
        yield Petunjuk("", id="ket-pemantauan")
        yield BarisTombol(TOMBOL, utama="penilaian-bawahan")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Periode Penilaian", "Batas", "")

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    def muat(self, tahun: int) -> None:
        self.tahun = tahun
        self._muat()

    @work(exclusive=True, group="pemantauan")
    async def _muat(self) -> None:
        ket = self.query_one("#ket-pemantauan", Static)
        try:
            with memuat(self.query_one(DataTable)):
                daftar = await backend(self).daftar_batas(self.tahun)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                ket.update(Text(f"Periode penilaian gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        table = self.query_one(DataTable)
        table.clear()
        for b in sorted(daftar, key=lambda b: b.periode):
            table.add_row(
                fmt.nama_periode(b.periode),
                fmt.tanggal(b.tanggal),
                "" if b.bawaan else "(diatur admin)",
                key=str(b.periode),
            )
        ket.update(f"Periode penilaian tahun {self.tahun}. Enter: Penilaian Bawahan pada periode terpilih.")

    def terpilih(self) -> int:
        """The Periode under the cursor (0 when there is none)."""
        kunci = self.query_one(Tabel).kunci()
        if not kunci:
            self.notify("Belum ada periode penilaian.", markup=False)
            return 0
        return int(kunci)

    @on(DataTable.RowSelected, "#tabel-pemantauan")
    def action_penilaian_bawahan(self) -> None:
        periode = self.terpilih()
        if not periode:
            return

        def dipilih(hasil: tuple[list[pb.RekapPenilaian], int] | None) -> None:
            if hasil is not None:
                self.post_message(BukaNilaiBawahan(*hasil))

        self.app.push_screen(PilihBawahanScreen(self.tahun, periode), dipilih)

    def action_rekap(self) -> None:
        if periode := self.terpilih():
            self.post_message(BukaRekapPenilaian(self.tahun, periode))

    def action_kurva(self) -> None:
        if periode := self.terpilih():
            self.post_message(BukaKurvaPredikat(self.tahun, periode))
