"""LAMPIRAN of Detail SKP (docs/domain.md#lampiran-skp): Dukungan Sumber Daya,
Skema Pertanggungjawaban and Konsekuensi, each a list the SKP's pegawai
edits while the SKP is DRAFT."""

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
from tui.widgets.skp.edit_lampiran import EditLampiranScreen
from tui.widgets.skp.skp_berubah import setelah_form

# (field of Lampiran, the web app's heading, what it holds)
BAGIAN = [
    (
        "dukungan_sumber_daya",
        "DUKUNGAN SUMBER DAYA",
        "sumber daya manusia, anggaran, peralatan kerja, pendampingan pimpinan, sarana dan prasarana",
    ),
    (
        "skema_pertanggungjawaban",
        "SKEMA PERTANGGUNGJAWABAN",
        "jadwal pelaporan perkembangan setiap rencana kinerja, dan bukti kinerja yang diharapkan",
    ),
    (
        "konsekuensi",
        "KONSEKUENSI",
        "konsekuensi positif bila capaian memenuhi ekspektasi pimpinan, dan negatif bila tidak",
    ),
]


def isi_bagian(judul: str, isi: list[str]) -> Text:
    teks = Text(judul, style="bold")
    for i, baris in enumerate(isi, start=1):
        teks.append(f"\n   {i}. {baris}", style="not bold")
    if not isi:
        teks.append("\n   belum diisi", style="not bold dim")
    return teks


class LampiranSkp(Vertical):
    BINDINGS = [Binding("e", "edit", "Edit Lampiran")]

    def __init__(self) -> None:
        super().__init__()
        self._skp: pb.Skp | None = None
        self.ubah = False

    def compose(self) -> ComposeResult:
        yield OptionList(id="daftar-lampiran", markup=False)
        yield Petunjuk("", id="ket-lampiran")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.ubah if action == "edit" else True

    def tampilkan(self, skp: pb.Skp, ubah: bool) -> None:
        self._skp = skp
        self.ubah = ubah
        self.refresh_bindings()
        daftar = self.query_one(OptionList)
        lama = daftar.highlighted
        daftar.clear_options()
        daftar.add_options(Option(isi_bagian(judul, list(getattr(skp.lampiran, field)))) for field, judul, _ in BAGIAN)
        daftar.highlighted = lama if lama is not None else 0
        self.query_one("#ket-lampiran", Static).update("Enter/e: edit bagian lampiran terpilih." if ubah else "")

    @on(OptionList.OptionSelected, "#daftar-lampiran")
    def _enter(self) -> None:
        if self.ubah:
            self.action_edit()

    def action_edit(self) -> None:
        daftar = self.query_one(OptionList)
        if self._skp is None or daftar.highlighted is None:
            return
        field, judul, petunjuk = BAGIAN[daftar.highlighted]
        self.app.push_screen(
            EditLampiranScreen(self._skp, field, judul, petunjuk), setelah_form(self, f"{judul} disimpan.")
        )
