"""Menunggu Penilaian: the bawahan's periods that have started, are not rated
yet and whose Batas has not passed; Enter opens Penilaian Bawahan, where ] and
[ walk this list."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaNilaiBawahan
from tui.widgets.dashboard.panel import PanelDasbor


def rekap(b: pb.PeriodeRingkas) -> pb.RekapPenilaian:
    """The row as Penilaian Bawahan reads a bawahan."""
    return pb.RekapPenilaian(
        name=b.name, skp=b.skp, nip=b.nip, nama=b.nama, jabatan=b.jabatan, batas=b.batas, status=b.status
    )


class MenungguPenilaian(PanelDasbor[pb.PeriodeRingkas]):
    JUDUL = "Menunggu Penilaian Anda"
    KOLOM = ("Batas", "Nama", "Periode", "Status")

    def tampilkan(self, daftar: list[pb.PeriodeRingkas], jumlah: int) -> None:
        lebih = f" (tampil {len(daftar)})" if jumlah > len(daftar) else ""
        self.isi(
            daftar,
            (
                (
                    fmt.tanggal_singkat(b.batas),
                    Text(b.nama),
                    Text(f"{b.nama_periode} {b.tahun}"),
                    fmt.STATUS_PENILAIAN.get(b.status, "-"),
                )
                for b in daftar
            ),
            f"{jumlah} periode bawahan belum dinilai sebelum batasnya{lebih}. Enter: Penilaian Bawahan."
            if daftar
            else "Tidak ada periode bawahan yang menunggu penilaian.",
        )

    def buka(self, indeks: int, baris: pb.PeriodeRingkas) -> None:
        self.post_message(BukaNilaiBawahan([rekap(b) for b in self._baris], indeks, self.muat_ulang))
