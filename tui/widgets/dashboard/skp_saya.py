"""SKP Saya: the user's SKPs with their status; Enter opens Detail SKP."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaDetailSkp
from tui.widgets.dashboard.panel import PanelDasbor


class SkpSaya(PanelDasbor[pb.Skp]):
    JUDUL = "SKP Saya"
    KOLOM = ("Periode", "Status", "Jabatan")

    def tampilkan(self, daftar: list[pb.Skp], jumlah: int) -> None:
        lebih = f" (tampil {len(daftar)} dari {jumlah}; semuanya di menu SKP)" if jumlah > len(daftar) else ""
        self.isi(
            daftar,
            ((fmt.periode(s.periode_awal, s.periode_akhir), fmt.status_skp(s.status), Text(s.jabatan)) for s in daftar),
            f"{jumlah} SKP{lebih}. Enter: Detail SKP."
            if daftar
            else "Belum ada SKP. Buat SKP di menu SKP (s), Tambah SKP (t).",
        )

    def buka(self, indeks: int, baris: pb.Skp) -> None:
        self.post_message(BukaDetailSkp(baris.name, self.muat_ulang))
