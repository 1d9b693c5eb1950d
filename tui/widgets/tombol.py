"""A row of buttons, each (id, label, action): a button runs the action of
the nearest panel or screen around the row that has it. The screen lists the same rows in
the command palette, so a button and its palette entry cannot drift apart."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

Tombol = tuple[str, str, str]  # id, label, the action's name without "action_"


class BarisTombol(Horizontal):
    def __init__(self, tombol: Sequence[Tombol], utama: str) -> None:
        """`utama`: the id of the primary button, the panel's main action."""
        super().__init__(classes="tombol")
        self._tombol = tombol
        self._utama = utama

    def compose(self) -> ComposeResult:
        for id_, label, _ in self._tombol:
            yield Button(label, compact=True, id=id_, variant="primary" if id_ == self._utama else "default")

    @on(Button.Pressed)
    def _tekan(self, event: Button.Pressed) -> None:
        for id_, _, aksi in self._tombol:
            if event.button.id == id_:
                event.stop()
                pemilik = next(n for n in self.ancestors if hasattr(n, f"action_{aksi}"))
                getattr(pemilik, f"action_{aksi}")()
