"""Feedback Perilaku (docs/domain.md#feedback-dan-rating): what the
pegawai reads of the penilai's evaluation of one period: the seven perilaku
with the Ekspektasi Khusus Pimpinan and the feedback on each, the ratings
and the Predikat Kinerja."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.screens.layar_penilaian import LayarPenilaian, keadaan_periode, nilai
from tui.widgets.judul import Judul
from tui.widgets.penilaian.perilaku_penilaian import PerilakuPenilaian


class FeedbackPerilakuScreen(LayarPenilaian):
    def compose(self) -> ComposeResult:
        with Vertical(id="layar-penilaian"):
            yield Judul("Feedback Perilaku")
            yield Static("Memuat...", id="kepala-periode", markup=False)
            yield Static("", id="nilai-periode", markup=False)
            yield PerilakuPenilaian(penilai=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(PerilakuPenilaian).tabel)  # before the loading cover
        super().on_mount()

    def tempat_muat(self) -> Widget:
        return self.query_one(PerilakuPenilaian)

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        p = penilaian.periode
        kepala = Text(keadaan_periode(p))
        if penilaian.dinilai_oleh:
            kepala.append(f"\nDinilai oleh {penilaian.dinilai_oleh}")
        self.query_one("#kepala-periode", Static).update(kepala)
        self.query_one("#nilai-periode", Static).update(nilai(p))
        self.query_one(PerilakuPenilaian).tampilkan(skp, penilaian)
