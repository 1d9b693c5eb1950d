"""A table of pegawai that stays usable at 80 columns with the keyboard: the
cursor picks a row, and left/right jump a whole column at a time so the
jabatan beyond the right edge is one or two keys away."""

from __future__ import annotations

from textual.widgets import DataTable


class Tabel(DataTable[str]):
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
