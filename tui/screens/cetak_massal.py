"""Cetak Massal in progress: the penilai's bulk print of every bawahan's
document of a period, run by the Cetak dialog (tui/screens/cetak_dokumen.py,
which sends, saves and reports). Each document the server reports is a line
(who, and ok or why it was skipped) and a step of the bar; then where the zip
went, or why it did not. The lines stay on screen after the end: the skipped
ones say what is missing (e.g. not rated yet). Escape while it runs stops it
(nothing is recorded until the zip is made).

Dismissed with True when the dialog closes it itself (a refusal it shows on
its fields), None when the user does."""

from __future__ import annotations

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, ProgressBar, Static

from tui.layanan import masih_tampil
from tui.widgets.tabel import Tabel

KOLOM = [("No", 4), ("Pegawai", 30), ("Hasil", 34)]


class CetakMassalScreen(ModalScreen[bool | None]):
    BINDINGS = [Binding("escape", "tutup", "Tutup")]

    def __init__(self, judul: str) -> None:
        super().__init__()
        self._judul = judul
        self.kemajuan: list[pb.Kemajuan] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar dialog-besar", id="dialog-massal"):
            yield Static(self._judul, classes="judul", markup=False)
            yield ProgressBar(show_eta=False, id="kemajuan-massal")
            yield Static("Menyiapkan dokumen setiap bawahan...", id="ringkasan-massal", markup=False)
            yield Tabel(id="tabel-kemajuan")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Batal", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, lebar in KOLOM:
            table.add_column(label, width=lebar)
        table.focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)  # a running print stops: the dialog cancels its call

    def tambah(self, k: pb.Kemajuan) -> None:
        """One document done (or skipped)."""
        if not masih_tampil(self):
            return
        self.kemajuan.append(k)
        self.query_one(ProgressBar).update(total=k.jumlah, progress=k.selesai)
        hasil = Text(f"dilewati: {k.gagal}", style="bold yellow") if k.gagal else Text("ok")
        table = self.query_one(DataTable)
        table.add_row(str(k.selesai), Text(f"{k.nama} ({k.nip})"), hasil, height=None)
        table.move_cursor(row=table.row_count - 1)
        self.query_one("#ringkasan-massal", Static).update(f"{k.selesai} dari {k.jumlah} dokumen diproses...")

    def menyimpan(self) -> None:
        if masih_tampil(self):
            self.query_one("#ringkasan-massal", Static).update("Menyimpan zip...")

    def _ringkas(self) -> str:
        lewat = sum(1 for k in self.kemajuan if k.gagal)
        ringkas = f"{len(self.kemajuan) - lewat} dokumen dalam zip"
        return ringkas + (f", {lewat} dilewati (lihat alasannya di bawah)." if lewat else ".")

    def selesai(self, pesan: str, berhasil: bool = False) -> None:
        """The end: where the zip went (`berhasil`, said here beside the skipped
        ones, not in a toast), or why there is none."""
        if not masih_tampil(self):
            return
        ringkasan = self.query_one("#ringkasan-massal", Static)
        if berhasil:
            self.query_one(ProgressBar).update(total=max(len(self.kemajuan), 1), progress=len(self.kemajuan))
            ringkasan.update(Text(f"{self._ringkas()} {pesan}"))
        else:
            ringkasan.update(self._ringkas() if self.kemajuan else "")
            self.query_one("#pesan", Static).update(Text(pesan))
        self.query_one("#tutup", Button).label = "Tutup"
