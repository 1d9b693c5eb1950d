"""A hint under a title or a field: dim text that tells what to do next.
Never markup: a hint may hold what the server sent (a name, a period)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Petunjuk(Static):
    def __init__(self, teks: str | Text = "", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(teks, id=id, classes=f"petunjuk {classes}".strip(), markup=False)
