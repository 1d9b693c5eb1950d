"""What the screens about one SKP in one period share (Rencana Aksi, Pengisian
Bukti Dukung dan Lihat Hasil, Feedback Perilaku, Penilaian Bawahan): they
read the SKP (RHK, indikator, perilaku) and its penilaian of the period
together, show who and which period in the heading, and read both again
after every change, or when a write found them changed elsewhere."""

from __future__ import annotations

import asyncio

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, beri_tahu_usang, laporkan, masih_tampil, memuat
from tui.widgets.penilaian.penilaian_berubah import PenilaianBerubah


def keadaan_periode(p: pb.PeriodePenilaian) -> str:
    """'TRIWULAN I (1 Januari 2026 - 31 Maret 2026), batas 15 Mei 2026: ditutup'."""
    keadaan = "terbuka" if p.terbuka else "ditutup"
    return f"{p.nama} ({fmt.periode(p.awal, p.akhir)}), batas {fmt.tanggal(p.batas)}: {keadaan}"


def nilai(p: pb.PeriodePenilaian) -> Text:
    """The ratings as the web app prints them under the tables."""
    return Text.assemble(
        ("HASIL KERJA: ", "bold"),
        fmt.rating(p.rating_hasil_kerja),
        "  ",
        ("PERILAKU KERJA: ", "bold"),
        fmt.rating(p.rating_perilaku_kerja),
        "\n",
        ("PREDIKAT KINERJA: ", "bold"),
        (fmt.predikat(p.predikat).upper(), "bold"),
    )


class LayarPenilaian(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, skp_name: str, penilaian_name: str) -> None:
        super().__init__()
        self.skp_name = skp_name
        self.penilaian_name = penilaian_name
        self.skp: skp_pb2.Skp | None = None
        self.penilaian: pb.Penilaian | None = None

    def on_mount(self) -> None:
        self.action_muat()

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_muat(self) -> None:
        self._muat()

    def tempat_muat(self) -> Widget:
        """What the loading indicator covers: the screen's main part."""
        raise NotImplementedError

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        raise NotImplementedError

    @work(exclusive=True, group="penilaian")
    async def _muat(self) -> None:
        b = backend(self)
        try:
            with memuat(self.tempat_muat()):
                skp, penilaian = await asyncio.gather(
                    b.ambil_skp(self.skp_name), b.ambil_penilaian(self.penilaian_name)
                )
        except GagalLayanan as e:
            if laporkan(self, e):
                self.query_one("#kepala-periode", Static).update(Text(f"Penilaian gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self.skp, self.penilaian = skp, penilaian
            self.tampilkan(skp, penilaian)

    @on(PenilaianBerubah)
    def _berubah(self, event: PenilaianBerubah) -> None:
        if event.usang:
            beri_tahu_usang(self, "Penilaian")
        self.action_muat()
