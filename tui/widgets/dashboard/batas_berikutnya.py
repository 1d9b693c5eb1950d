"""Batas Berikutnya: for each of the user's approved SKPs, the period still
open to fill with the nearest Batas; Enter opens Penilaian SKP."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.dashboard.panel import PanelDasbor
from tui.widgets.dashboard.pesan import BukaPenilaianSkp


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
        self.post_message(BukaPenilaianSkp(baris.skp))
