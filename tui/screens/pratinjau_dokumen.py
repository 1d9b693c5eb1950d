"""Pratinjau: the document as the Cetak dialog would print it, as text lines
(PratinjauDokumen), to read before printing: identities, hasil kerja,
perilaku, the place, date and signers (with the anchors where they go)."""

from __future__ import annotations

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, TextArea

from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk


class PratinjauDokumenScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "tutup", "Kembali ke dialog")]

    def __init__(self, pratinjau: pb.Pratinjau, judul: str) -> None:
        super().__init__()
        self._pratinjau = pratinjau
        self._judul = judul

    def compose(self) -> ComposeResult:
        p = self._pratinjau
        with Vertical(classes="dialog dialog-lebar", id="dialog-pratinjau"):
            yield Judul(f"Pratinjau {self._judul}")
            yield Petunjuk(
                Text(f"{p.nama_berkas}: panah/PgUp/PgDn menggulir, esc kembali ke dialog cetak."),
            )
            # A read-only text area: scrolls with the keys, selects and copies, and never reads markup.
            yield TextArea("\n".join(p.baris), read_only=True, compact=True, id="isi-pratinjau")
            with Horizontal(classes="tombol"):
                yield Button("Kembali", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)
