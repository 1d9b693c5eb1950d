"""A yes/no question before an action that changes data."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from tui.widgets.judul import Judul


class KonfirmasiScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, judul: str, pertanyaan: str, ya: str = "Ya") -> None:
        super().__init__()
        self._judul = judul
        self._pertanyaan = pertanyaan
        self._ya = ya

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Judul(self._judul)
            yield Static(self._pertanyaan, id="pertanyaan", markup=False)  # may quote typed text
            with Horizontal(classes="tombol"):
                yield Button(self._ya, compact=True, variant="primary", id="ya")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#ya", Button).focus()

    @on(Button.Pressed, "#ya")
    def _ya_dipilih(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(False)
