"""LAMPIRAN of Detail SKP (docs/domain.md#lampiran-skp): Dukungan Sumber Daya,
Skema Pertanggungjawaban and Konsekuensi, each a list the SKP's pegawai
edits while the SKP is DRAFT."""

from __future__ import annotations

from collections.abc import Iterable

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual.binding import Binding
from textual.widgets.option_list import Option

from tui.widgets.skp.bagian_skp import BagianSkp
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


class LampiranSkp(BagianSkp):
    BINDINGS = [Binding("e", "edit", "Edit Lampiran")]
    NAMA, AKSI, KET = "lampiran", "edit", "Enter/e: edit bagian lampiran terpilih."

    def pilihan(self, skp: pb.Skp) -> Iterable[Option]:
        return (Option(isi_bagian(judul, list(getattr(skp.lampiran, field)))) for field, judul, _ in BAGIAN)

    def action_edit(self) -> None:
        i = self.terpilih()
        if self._skp is None or i is None:
            return
        field, judul, petunjuk = BAGIAN[i]
        self.app.push_screen(
            EditLampiranScreen(self._skp, field, judul, petunjuk), setelah_form(self, f"{judul} disimpan.")
        )
