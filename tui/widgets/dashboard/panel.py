"""What every dashboard panel is: a title, a line saying what it holds (or
why it could not be loaded), and a table whose rows Enter opens. The data
comes from the dashboard (tui/widgets/dashboard/dasbor.py), which makes at
most one call per panel; the panel only shows it. Enter posts a Buka*
message (tui/widgets/buka.py) and the app opens the screen."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from tui.widgets.judul import Judul
from tui.widgets.tabel import Tabel

T = TypeVar("T")


class PanelDasbor(Vertical, Generic[T]):
    class MuatUlang(Message):
        """A screen a row opened has closed: the dashboard reads every panel again
        (an SKP approved there leaves Menunggu Persetujuan and changes SKP Saya)."""

    JUDUL = ""
    KOLOM: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__(classes="panel-dasbor")
        self._baris: list[T] = []

    def compose(self) -> ComposeResult:
        yield Judul(self.JUDUL)
        yield Static("Memuat...", classes="keterangan-panel", markup=False)
        yield Tabel()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*self.KOLOM)

    @property
    def tabel(self) -> DataTable[str | Text]:
        return self.query_one(DataTable)

    def _keterangan(self, teks: str | Text) -> None:
        self.query_one(".keterangan-panel", Static).update(teks)

    def isi(self, baris: Sequence[T], sel: Iterable[Sequence[str | Text]], keterangan: str | Text) -> None:
        """`sel`: the cells of each row, as Text wherever the server's words appear (never markup)."""
        table = self.tabel
        table.clear()
        for i, cells in enumerate(sel):
            table.add_row(*cells, key=str(i))
        self._baris = list(baris)
        table.display = bool(self._baris)
        self._keterangan(keterangan)

    def gagal(self, pesan: str) -> None:
        self.tabel.clear()
        self.tabel.display = False
        self._baris = []
        self._keterangan(Text(f"Gagal dimuat: {pesan}"))

    def terpilih(self) -> tuple[int, T] | None:
        table = self.tabel
        if not self._baris or table.row_count == 0:
            return None
        return table.cursor_row, self._baris[table.cursor_row]

    @on(DataTable.RowSelected)
    def _enter(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if (pilihan := self.terpilih()) is not None:
            self.buka(*pilihan)

    def buka(self, indeks: int, baris: T) -> None:
        """Posts the message that opens the row's screen."""

    def muat_ulang(self, _: object = None) -> None:
        """The `kembali` of a screen that may change what the dashboard shows."""
        self.post_message(self.MuatUlang())
