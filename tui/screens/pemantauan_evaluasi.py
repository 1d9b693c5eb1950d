"""Pemantauan dan Evaluasi on its own, for a year: the penilai's periods with
Penilaian Bawahan, Rekap and Kurva, without going through an SKP of their
own (the top of an instansi has none approved; SKP Bawahan leads here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.commands import Perintah
from tui.widgets.judul import Judul
from tui.widgets.penilaian.pemantauan_evaluasi import TOMBOL, PemantauanEvaluasi


class PemantauanEvaluasiScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        # One footer entry for both years, as in Capaian & Batas: 80 columns hold the page's keys then.
        Binding("minus", "tahun(-1)", "Tahun", key_display="-/+"),
        Binding("plus,equals_sign", "tahun(1)", "Tahun +", show=False),
    ]

    def __init__(self, tahun: int | None = None) -> None:
        super().__init__()
        self._tahun = tahun or dt.date.today().year

    def compose(self) -> ComposeResult:
        with Vertical(id="layar-penilaian"):
            yield Judul("Pemantauan dan Evaluasi")
            yield Static("", id="tahun-pemantauan", markup=False)
            yield PemantauanEvaluasi()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#tabel-pemantauan"))  # before the loading cover, which would pass it on
        self._muat()

    def perintah(self) -> Iterable[Perintah]:
        pemantauan = self.query_one(PemantauanEvaluasi)
        for _, label, aksi in TOMBOL:
            yield label, getattr(pemantauan, f"action_{aksi}"), f"Pemantauan dan Evaluasi > {label}"
        yield "Kembali", self.action_kembali, "(esc)"

    def _muat(self) -> None:
        self.query_one("#tahun-pemantauan", Static).update(f"Tahun {self._tahun} (- / + mengganti tahun)")
        self.query_one(PemantauanEvaluasi).muat(self._tahun)

    def action_tahun(self, langkah: int) -> None:
        self._tahun += langkah
        self._muat()

    def action_kembali(self) -> None:
        self.dismiss(None)
