"""A yes/no question before an action that changes data."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class KonfirmasiScreen(ModalScreen[bool]):
    BINDINGS = [("escape", "batal", "Batal")]

    def __init__(self, pertanyaan: str) -> None:
        super().__init__()
        self._pertanyaan = pertanyaan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._pertanyaan)
            with Horizontal(classes="tombol"):
                yield Button("Ya", compact=True, variant="primary", id="ya")
                yield Button("Batal", compact=True, id="batal")

    def on_mount(self) -> None:
        self.query_one("#ya", Button).focus()

    @on(Button.Pressed, "#ya")
    def _ya(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(False)
