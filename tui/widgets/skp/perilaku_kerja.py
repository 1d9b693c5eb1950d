"""PERILAKU KERJA of Detail SKP: the seven BerAKHLAK values with their
standard descriptions, and the pejabat penilai's Ekspektasi Khusus Pimpinan
for each, which the penilai writes while the SKP is DRAFT or PENGAJUAN."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.widgets.petunjuk import Petunjuk
from tui.widgets.skp.ekspektasi import EkspektasiScreen
from tui.widgets.skp.skp_berubah import setelah_form


def uraian(p: pb.PerilakuKerja) -> Text:
    teks = Text(f"{p.nomor}. {p.nama}", style="bold")
    for i, u in enumerate(p.uraian, start=1):
        teks.append(f"\n   {i}. {u}", style="not bold")
    teks.append("\n   Ekspektasi Khusus Pimpinan: ", style="not bold italic")
    teks.append(p.ekspektasi or "-", style="not bold")
    return teks


class PerilakuKerja(Vertical):
    BINDINGS = [Binding("e", "ekspektasi", "Ekspektasi", tooltip="Ekspektasi Khusus Pimpinan")]

    def __init__(self) -> None:
        super().__init__()
        self._skp: pb.Skp | None = None
        self.ubah = False

    def compose(self) -> ComposeResult:
        yield OptionList(id="daftar-perilaku", markup=False)
        yield Petunjuk("", id="ket-perilaku")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.ubah if action == "ekspektasi" else True

    def tampilkan(self, skp: pb.Skp, ubah: bool) -> None:
        self._skp = skp
        self.ubah = ubah
        self.refresh_bindings()
        daftar = self.query_one(OptionList)
        lama = daftar.highlighted
        daftar.clear_options()
        daftar.add_options(Option(uraian(p), id=p.kode) for p in sorted(skp.perilaku, key=lambda p: p.nomor))
        daftar.highlighted = lama if lama is not None and lama < daftar.option_count else 0
        self.query_one("#ket-perilaku", Static).update(
            "Enter/e: isi Ekspektasi Khusus Pimpinan untuk perilaku terpilih." if ubah else ""
        )

    @on(OptionList.OptionSelected, "#daftar-perilaku")
    def _enter(self) -> None:
        if self.ubah:
            self.action_ekspektasi()

    def action_ekspektasi(self) -> None:
        daftar = self.query_one(OptionList)
        if self._skp is None or daftar.highlighted is None:
            return
        kode = daftar.get_option_at_index(daftar.highlighted).id
        perilaku = next((p for p in self._skp.perilaku if p.kode == kode), None)
        if perilaku is None:
            return
        self.app.push_screen(
            EkspektasiScreen(self._skp, perilaku),
            setelah_form(self, f"Ekspektasi Khusus Pimpinan untuk {perilaku.nama} disimpan."),
        )
