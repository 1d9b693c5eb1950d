"""PERILAKU KERJA of Detail SKP: the seven BerAKHLAK values with their
standard descriptions, and the pejabat penilai's Ekspektasi Khusus Pimpinan
for each, which the penilai writes while the SKP is DRAFT or PENGAJUAN."""

from __future__ import annotations

from collections.abc import Iterable

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.skp.bagian_skp import BagianSkp
from tui.widgets.skp.ekspektasi import EkspektasiScreen
from tui.widgets.skp.skp_berubah import setelah_form


def uraian(p: pb.PerilakuKerja) -> Text:
    teks = Text(f"{p.nomor}. {p.nama}", style="bold")
    for i, u in enumerate(p.uraian, start=1):
        teks.append(f"\n   {i}. {u}", style="not bold")
    teks.append("\n   Ekspektasi Khusus Pimpinan: ", style="not bold italic")
    teks.append(p.ekspektasi or "-", style="not bold")
    return teks


class PerilakuKerja(BagianSkp):
    BINDINGS = [Binding("e", "ekspektasi", "Ekspektasi", tooltip="Ekspektasi Khusus Pimpinan")]
    NAMA, AKSI = "perilaku", "ekspektasi"
    KET = "Enter/e: isi Ekspektasi Khusus Pimpinan untuk perilaku terpilih."

    def pilihan(self, skp: pb.Skp) -> Iterable[Option]:
        return (Option(uraian(p), id=p.kode) for p in sorted(skp.perilaku, key=lambda p: p.nomor))

    def action_ekspektasi(self) -> None:
        i = self.terpilih()
        if self._skp is None or i is None:
            return
        kode = self.query_one(OptionList).get_option_at_index(i).id
        perilaku = next((p for p in self._skp.perilaku if p.kode == kode), None)
        if perilaku is None:
            return
        self.app.push_screen(
            EkspektasiScreen(self._skp, perilaku),
            setelah_form(self, f"Ekspektasi Khusus Pimpinan untuk {perilaku.nama} disimpan."),
        )
