"""The TUI's tables. `TabelTeks` is the base of every one: a cell is data,
never markup, so a str cell is shown as it is (a JABATAN holding
"[@click=app.screenshot(...)]" stays text, where a plain DataTable would
make it a link that runs the action when clicked) and without control
characters.

`Tabel`: a table of pegawai that stays usable at 80 columns with the
keyboard: the cursor picks a row, and left/right jump a whole column at a
time so the jabatan beyond the right edge is one or two keys away."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from tui.format import bersih, teks


def sel_literal(value: Any) -> Any:
    """A str cell as literal Text; a Text keeps its styles unless it holds control characters."""
    if isinstance(value, str):
        return teks(value)
    if isinstance(value, Text) and bersih(value.plain) != value.plain:
        return teks(value.plain)
    return value


class TabelTeks(DataTable[Any]):
    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        return super().add_row(*map(sel_literal, cells), height=height, key=key, label=sel_literal(label))

    def update_cell(self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any, *,
                    update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, sel_literal(value), update_width=update_width)


class Tabel(TabelTeks):
    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def _awal_kolom(self) -> list[int]:
        awal, x = [], 0
        for column in self.columns.values():
            awal.append(x)
            x += column.get_render_width(self)
        return awal

    def action_cursor_right(self) -> None:
        x = self.scroll_x
        berikut = [a for a in self._awal_kolom() if a > x]
        self.scroll_to(x=berikut[0] if berikut else self.max_scroll_x, animate=False)

    def action_cursor_left(self) -> None:
        x = self.scroll_x
        sebelum = [a for a in self._awal_kolom() if a < x]
        self.scroll_to(x=sebelum[-1] if sebelum else 0, animate=False)
