"""A row table whose one text column takes the width the screen leaves and
wraps, so long RHK and feedback stay readable at 80 columns. Each row keeps
what it stands for (`data`), which the cursor selects for an action."""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.text import Text

from tui.widgets.tabel import TabelTeks

D = TypeVar("D")
Sel = str | Text
Baris = tuple[str, D, tuple[Sel, ...]]  # key, what the row stands for, cells


class TabelLentur(TabelTeks, Generic[D]):
    def __init__(self, kolom: list[tuple[str, int | None]], id: str | None = None) -> None:
        """`kolom`: (label, width); the one with width None takes the rest."""
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._kolom = kolom
        self._isi: list[Baris[D]] = []
        self._arti: dict[str, D] = {}
        self._lebar = 0

    def isi(self, baris: list[Baris[D]], pilih: str = "") -> None:
        """Replaces the rows; the cursor stays on the same key (or goes to `pilih`)."""
        lama = pilih or self.kunci()
        self._isi = baris
        self._arti = {k: d for k, d, _ in baris}
        self._gambar(lama)

    def on_resize(self) -> None:
        if self.size.width != self._lebar:
            self._gambar(self.kunci())

    def _gambar(self, pilih: str) -> None:
        self._lebar = self.size.width
        if not self._lebar:
            return  # hidden (another tab): drawn on the next resize
        self.clear(columns=True)
        tetap = sum(lebar or 0 for _, lebar in self._kolom)
        lentur = max(16, self._lebar - tetap - 2 * len(self._kolom) * self.cell_padding - 2)
        for label, lebar in self._kolom:
            self.add_column(label, width=lebar or lentur)
        for key, _, cells in self._isi:
            self.add_row(*cells, *([""] * (len(self._kolom) - len(cells))), key=key, height=None)
        if pilih in self._arti:
            self.move_cursor(row=self.get_row_index(pilih), scroll=True)
        else:
            self.ke_baris_pertama()

    def terpilih(self) -> D | None:
        return self._arti.get(self.kunci())

    def pilih(self, kunci: str) -> bool:
        if kunci not in self._arti or self.row_count == 0:
            return False
        self.move_cursor(row=self.get_row_index(kunci), scroll=True)
        return True

    def semua(self) -> list[Baris[D]]:
        return list(self._isi)
