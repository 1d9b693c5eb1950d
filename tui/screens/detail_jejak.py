"""One record of the jejak audit in full: who (with their roles), about
whom, what, the state before and after, the reason and the request id (the
`rid` of the server's log lines for that call)."""

from __future__ import annotations

from ekinerja.audit.v1 import audit_pb2 as apb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from tui import format as fmt
from tui.screens.jejak_audit import aktor
from tui.widgets.judul import Judul
from tui.widgets.profil.label_nilai import kv


class DetailJejakScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "tutup", "Tutup")]

    def __init__(self, jejak: apb.JejakAudit) -> None:
        super().__init__()
        self._j = jejak

    def compose(self) -> ComposeResult:
        j = self._j
        with Vertical(classes="dialog dialog-besar dialog-lebar"):
            yield Judul(f"Jejak Audit: {j.metode}")
            with VerticalScroll(id="gulir-jejak"):
                yield Static(
                    kv(
                        [
                            ("WAKTU", fmt.waktu_detik(j.waktu)),
                            ("LAYANAN", j.layanan),
                            ("METODE", j.metode),
                            ("AKTOR", Text(aktor(j))),
                            ("PERAN AKTOR", Text(", ".join(j.aktor_peran) or "-")),
                            ("ATAS NAMA", j.atas_nama),
                            ("SASARAN", Text(j.sasaran)),
                            ("ALASAN", Text(j.alasan)),
                            ("SEBELUM", Text(j.sebelum)),
                            ("SESUDAH", Text(j.sesudah)),
                            ("REQUEST ID", j.request_id),
                            ("ID", j.id),
                        ]
                    ),
                    id="isi-jejak",
                    markup=False,
                )
            with Horizontal(classes="tombol"):
                yield Button("Tutup", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#gulir-jejak").focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)
