"""Batas Berikutnya: for each of the user's approved SKPs, the period still
open to fill with the nearest Batas; Enter opens Penilaian SKP."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import work

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.buka import BukaPenilaian
from tui.widgets.dashboard.panel import PanelDasbor


class BatasBerikutnya(PanelDasbor[pb.PeriodeRingkas]):
    JUDUL = "Batas Pengisian Berikutnya"
    KOLOM = ("Batas", "Periode", "Status")

    def tampilkan(self, daftar: list[pb.PeriodeRingkas]) -> None:
        self.isi(
            daftar,
            (
                (
                    fmt.tanggal_singkat(b.batas),
                    Text(f"{b.nama_periode} {b.tahun}"),
                    fmt.STATUS_PENILAIAN.get(b.status, "-"),
                )
                for b in daftar
            ),
            "Isi realisasi dan bukti dukung sebelum batas. Enter: Penilaian SKP."
            if daftar
            else "Tidak ada periode penilaian yang terbuka untuk SKP Anda yang sudah disetujui.",
        )

    def buka(self, indeks: int, baris: pb.PeriodeRingkas) -> None:
        self._penilaian_skp(baris.skp)

    @work(exclusive=True, group="buka-penilaian-skp")
    async def _penilaian_skp(self, name: str) -> None:
        # The row names the SKP; Penilaian SKP is opened with the SKP itself, as Daftar SKP has it.
        try:
            skp = await backend(self).ambil_skp(name)
        except GagalLayanan as e:
            laporkan(self, e)
            return
        if masih_tampil(self):
            self.post_message(BukaPenilaian(skp, self.muat_ulang))
