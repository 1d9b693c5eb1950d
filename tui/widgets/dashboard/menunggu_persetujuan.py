"""SKP Bawahan Menunggu Persetujuan: SKPs in PENGAJUAN whose penilai is the
user; Enter opens Detail SKP as penilai (Setujui / Kembalikan)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaDetailSkp
from tui.widgets.dashboard.panel import PanelDasbor


class MenungguPersetujuan(PanelDasbor[pb.Skp]):
    JUDUL = "SKP Bawahan Menunggu Persetujuan"
    KOLOM = ("Nama", "NIP", "Periode")

    def tampilkan(self, daftar: list[pb.Skp], jumlah: int) -> None:
        lebih = f" (tampil {len(daftar)})" if jumlah > len(daftar) else ""
        self.isi(
            daftar,
            ((Text(s.pegawai.nama), Text(s.nip), fmt.periode(s.periode_awal, s.periode_akhir)) for s in daftar),
            f"{jumlah} SKP menunggu persetujuan Anda{lebih}. Enter: Detail SKP (s Setujui, k Kembalikan)."
            if daftar
            else "Tidak ada SKP bawahan yang menunggu persetujuan.",
        )

    def buka(self, indeks: int, baris: pb.Skp) -> None:
        self.post_message(BukaDetailSkp(baris.name, self.muat_ulang, penilai=True))
