"""A page's or a panel's title line. Never markup: a title may hold what the
server sent (a name, a unit)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Judul(Static):
    def __init__(self, teks: str | Text = "", *, id: str | None = None) -> None:
        super().__init__(teks, id=id, classes="judul", markup=False)
