"""Kurva Bawahan: the predikat of the user's bawahan in the current period
against the rule of the unit's Capaian Kinerja Organisasi, as the server
computes it (GetKurva); Enter opens Lihat Kurva."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text

from tui import format as fmt
from tui.widgets.buka import BukaKurvaPredikat
from tui.widgets.dashboard.panel import PanelDasbor


def _aturan(b: pb.BatasKurva) -> str:
    if b.persen_min > 0:
        return f">= {b.persen_min:g}%"
    if b.persen_maks < 100:
        return f"<= {b.persen_maks:g}%" if b.persen_maks else "tidak boleh ada"
    return "-"


class KurvaBawahan(PanelDasbor[pb.BatasKurva]):
    JUDUL = "Kurva Bawahan"
    KOLOM = ("Predikat", "Jumlah", "Persen", "Aturan", "Sesuai")

    def __init__(self) -> None:
        super().__init__()
        self.tahun = 0
        self.periode = 0

    def tampilkan(self, k: pb.Kurva, tahun: int, periode: int) -> None:
        self.tahun, self.periode = tahun, periode
        kepala = Text(
            f"{fmt.nama_periode(periode)} {tahun}, {k.unor_induk_nama}: {k.jumlah_dinilai} dinilai, "
            f"{k.jumlah_belum_dinilai} belum. "
        )
        if not k.capaian:
            kepala.append("Capaian Kinerja Organisasi belum diisi: belum ada aturan untuk diperiksa.")
        else:
            kepala.append(f"Capaian {fmt.capaian(k.capaian)}{' (final)' if k.capaian_final else ''}: ")
            kepala.append(
                "sesuai aturan." if k.sesuai else "TIDAK sesuai: " + " ".join(k.pelanggaran),
                style="" if k.sesuai else "bold",
            )
        kepala.append(" Enter: Lihat Kurva.")
        if not k.jumlah_dinilai and not k.jumlah_belum_dinilai:
            self.isi([], [], Text(f"{fmt.nama_periode(periode)} {tahun}: belum ada bawahan yang dinilai."))
            return
        self.isi(
            list(k.distribusi),
            (
                (fmt.predikat(b.predikat), str(b.jumlah), f"{b.persen:.0f}%", _aturan(b), "ya" if b.sesuai else "TIDAK")
                for b in k.distribusi
            ),
            kepala,
        )

    def buka(self, indeks: int, baris: pb.BatasKurva) -> None:
        self.post_message(BukaKurvaPredikat(self.tahun, self.periode))
