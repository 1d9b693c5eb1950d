"""Capaian Belum Final (admin instansi): the Capaian Kinerja Organisasi of
each unor induk for the periods of the year that have started and are not
final yet; Enter goes (back) to Capaian Organisasi & Batas, where a capaian
is set and finalized."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaCapaianOrganisasi
from tui.widgets.dashboard.panel import PanelDasbor


class CapaianBelumFinal(PanelDasbor[pb.CapaianOrganisasi]):
    JUDUL = "Capaian Kinerja Organisasi Belum Final"
    KOLOM = ("Periode", "Capaian", "Unit Induk")  # the long name last: 80 columns show the rest

    def tampilkan(self, daftar: list[pb.CapaianOrganisasi], tahun: int) -> None:
        self.isi(
            daftar,
            (
                (
                    fmt.nama_periode(c.periode),
                    fmt.capaian(c.capaian) if c.capaian else "belum diisi",
                    Text(c.unor_induk_nama),
                )
                for c in daftar
            ),
            f"{len(daftar)} capaian tahun {tahun} belum final. Enter: Capaian Organisasi & Batas."
            if daftar
            else f"Semua capaian tahun {tahun} untuk periode yang sudah dimulai sudah final.",
        )

    def buka(self, indeks: int, baris: pb.CapaianOrganisasi) -> None:
        self.post_message(BukaCapaianOrganisasi())
