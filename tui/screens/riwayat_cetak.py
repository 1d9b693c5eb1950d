"""Riwayat Cetak: every print of an SKP's documents, newest first: when,
which document, who printed it and the start of the file's sha256 (to
match a PDF with its record). The row under the cursor in full below."""

from __future__ import annotations

from ekinerja.cetak.v1 import cetak_pb2 as pb
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
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel, TabelTeks

KOLOM = [("Waktu", 16), ("Dokumen", 22), ("Oleh", 15), ("SHA-256", 12)]


class RiwayatCetakScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "tutup", "Tutup"), Binding("r", "muat", "Muat Ulang", show=False)]

    def __init__(self, sumber: str, keterangan: str) -> None:
        """`sumber`: "skp/{skp}"."""
        super().__init__()
        self._sumber = sumber
        self._keterangan = keterangan
        self._riwayat: list[pb.RiwayatCetak] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar dialog-lebar"):
            yield Judul("Riwayat Cetak")
            yield Static(Text(self._keterangan), id="judul-riwayat-cetak", markup=False)
            yield Tabel(id="tabel-riwayat-cetak")
            yield Static("", id="rincian-riwayat-cetak", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Tutup", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(TabelTeks)
        table.tambah_kolom(KOLOM)
        table.focus()
        self.action_muat()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)

    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True)
    async def _muat(self) -> None:
        table = self.query_one(DataTable)
        judul = self.query_one("#judul-riwayat-cetak", Static)
        try:
            with memuat(table):
                riwayat, lagi = await backend(self).riwayat_cetak(self._sumber)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"Riwayat cetak gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        self._riwayat = riwayat
        table.clear()
        for r in riwayat:
            table.add_row(
                fmt.waktu_singkat(r.waktu),
                fmt.dokumen_cetak(r.jenis, r.sumber),
                Text(r.pencetak_nama or r.pencetak),
                fmt.sidik(r.sha256),
                key=r.name,
            )
        if not riwayat:
            judul.update(Text(f"{self._keterangan}\nDokumen SKP ini belum pernah dicetak."))
        else:
            lebih = f" ({len(riwayat)} terbaru)" if lagi else ""
            judul.update(Text(f"{self._keterangan}\n{len(riwayat)} kali dicetak{lebih}, terbaru di atas."))
        self._rincian()

    @on(DataTable.RowHighlighted, "#tabel-riwayat-cetak")
    def _rincian(self) -> None:
        table = self.query_one(DataTable)
        rincian = self.query_one("#rincian-riwayat-cetak", Static)
        if table.row_count == 0 or not self._riwayat:
            rincian.update("")
            return
        r = self._riwayat[table.cursor_row]
        ttd = fmt.PIHAK_TTD.get(r.ditandatangani, "tidak")
        rincian.update(
            kv(
                [
                    ("BERKAS", Text(f"{r.nama_berkas} ({fmt.ukuran(r.ukuran)})")),
                    ("WAKTU", fmt.waktu(r.waktu)),
                    ("PEGAWAI", Text(f"{r.pegawai_nama} ({r.pegawai_nip})")),
                    ("TTD DIGITAL", ttd + ("; bagian dari cetak massal" if r.massal else "")),
                    ("SHA-256", r.sha256),
                ]
            )
        )
