"""The TUI's tables. `TabelTeks` is the base of every one: a cell is data,
never markup, so a str cell is shown as it is (a JABATAN holding
"[@click=app.screenshot(...)]" stays text, where a plain DataTable would
make it a link that runs the action when clicked) and without control
characters.

`Tabel`: a table of pegawai that stays usable at 80 columns with the
keyboard: the cursor picks a row, and left/right jump a whole column at a
time so the jabatan beyond the right edge is one or two keys away. Its
`lentur` columns (Jabatan, Unit Kerja) share the width the others leave and
wrap their text there, word by word, so that none is cut mid-word at the
screen's edge."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


# Row keys of group headers ("Utama", "Tambahan"): shown, never where the cursor starts.
KEPALA = ("jenis:",)


class TabelTeks(DataTable[Any]):
    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> RowKey:
        return super().add_row(*map(sel_literal, cells), height=height, key=key, label=sel_literal(label))

    def update_cell(
        self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any, *, update_width: bool = False
    ) -> None:
        super().update_cell(row_key, column_key, sel_literal(value), update_width=update_width)

    def tambah_kolom(self, kolom: Iterable[tuple[str, int]]) -> None:
        """Columns of fixed widths, (label, width) each."""
        for label, lebar in kolom:
            self.add_column(label, width=lebar)

    def isi_ulang(self, baris: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """The rows, (key, cells) each, in place of the old ones; the cursor stays on
        the row with the same key (a reload keeps one's place)."""
        lama = self.kunci()
        self.clear()
        kunci = set()
        for key, sel in baris:
            self.add_row(*sel, key=key)
            kunci.add(key)
        if lama in kunci:
            self.move_cursor(row=self.get_row_index(lama))

    def kunci(self) -> str:
        """The key of the row under the cursor ("" when the table is empty)."""
        if self.row_count == 0:
            return ""
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def ke_baris_pertama(self) -> None:
        """The cursor on the first row that is not a group header (its key starts
        with one of `KEPALA`): Enter or Edit right after opening acts on a row."""
        for i, key in enumerate(self.rows):
            if not str(key.value).startswith(KEPALA):
                self.move_cursor(row=i, scroll=True)
                return


LEBAR_MIN_LENTUR = 8


class Tabel(TabelTeks):
    def __init__(self, id: str | None = None, lentur: tuple[str, ...] = ()) -> None:
        """`lentur`: the labels of the columns that wrap."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._lentur = lentur
        self._rekam: list[tuple[tuple[Any, ...], str | None, Any]] = []
        self._diatur = False  # the widths follow the rows shown
        self._mengatur = False
        self._lebar_lentur: dict[Any, int] = {}

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> RowKey:
        if not self._lentur:
            return super().add_row(*cells, height=height, key=key, label=label)
        self._rekam.append((cells, key, label))
        if not self._mengatur and self._diatur:
            self._diatur = False
            self.call_after_refresh(self._atur_lebar)
        return super().add_row(*cells, height=None, key=key, label=label)

    def clear(self, columns: bool = False) -> Tabel:
        if not self._mengatur:
            self._rekam = []
            self._diatur = True
        super().clear(columns)
        return self

    def on_resize(self) -> None:
        if self._lentur:
            self._atur_lebar()

    def _atur_lebar(self) -> None:
        """The lentur columns get what the others leave (at least LEBAR_MIN_LENTUR
        each); the rows are added again so that their height follows."""
        self._diatur = True
        kolom = list(self.columns.values())
        lentur = [c for c in kolom if str(c.label) in self._lentur]
        if not lentur or not self.size.width:
            return
        for c in lentur:  # their natural width first: the others' may depend on nothing else
            c.auto_width = True
        tetap = sum(c.get_render_width(self) for c in kolom if c not in lentur)
        # What shows beside the scrollbar, even before it appears (a long list brings it).
        sisa = self.size.width - self.styles.gutter.width - 4 - tetap - 2 * self.cell_padding * len(lentur)
        urutan = list(self.columns)

        def kata_terpanjang(c: Any) -> int:
            """Never narrower than the longest word: wrapped between words only."""
            i = urutan.index(c.key)
            sel = [str(cells[i]) for cells, _, _ in self._rekam if i < len(cells)]
            return max((len(k) for teks in [*sel, str(c.label)] for k in teks.split()), default=0)

        # Shared out narrowest first: a column needing less than its share leaves the rest to the others.
        lebar: dict[Any, int] = {}
        for n, c in enumerate(sorted(lentur, key=lambda c: max(c.content_width, len(str(c.label))))):
            bagian = max(LEBAR_MIN_LENTUR, kata_terpanjang(c), sisa // (len(lentur) - n))
            lebar[c.key] = min(max(c.content_width, len(str(c.label))), bagian)
            sisa -= lebar[c.key]
        if self._lebar_lentur == lebar:
            for c in lentur:
                c.auto_width = False
            return  # the rows already wrap at these widths
        self._lebar_lentur = lebar
        for c in lentur:
            c.auto_width = False
            c.width = lebar[c.key]
        baris = self.cursor_row
        rekam, self._rekam, self._mengatur = self._rekam, [], True
        try:
            super().clear()
            for cells, key, label in rekam:
                self.add_row(*cells, key=key, label=label)
        finally:
            self._mengatur = False
        if self.row_count:
            self.move_cursor(row=min(baris, self.row_count - 1), scroll=False)

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
