"""CARI and its box above a list that filters as one types (the screen
reloads on Input.Changed); Enter goes on to the list below."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label


class KotakCari(Horizontal):
    def __init__(self, id_isian: str, placeholder: str = "nama atau NIP") -> None:
        super().__init__(classes="saring")
        self._id_isian = id_isian
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Label("CARI", markup=False)
        yield Input(compact=True, placeholder=self._placeholder, id=self._id_isian)

    @property
    def teks(self) -> str:
        return self.query_one(Input).value.strip()

    @on(Input.Submitted)
    def _ke_daftar(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()
