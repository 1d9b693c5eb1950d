"""Picking a unit kerja from the instansi's tree: type to search, arrows to move."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from tui.backend import GagalLayanan


class PilihUnor(Vertical):
    def __init__(self, terpilih: str = "", id: str | None = None) -> None:
        super().__init__(id=id, classes="pilih-unor")
        self.terpilih = terpilih

    def compose(self) -> ComposeResult:
        yield Input(compact=True, placeholder="ketik untuk mencari unit kerja", classes="cari-unor")
        yield OptionList(compact=True, classes="daftar-unor")

    def on_mount(self) -> None:
        self._muat("")

    @on(Input.Changed, ".cari-unor")
    def _cari(self, event: Input.Changed) -> None:
        self._muat(event.value.strip())

    @on(Input.Submitted, ".cari-unor")
    def _ke_daftar(self) -> None:
        self.query_one(OptionList).focus()

    @work(exclusive=True, group="unor")
    async def _muat(self, query: str) -> None:
        try:
            units = await self.app.backend.daftar_unor(query)  # type: ignore[attr-defined]
        except GagalLayanan as e:
            self.notify(e.pesan, severity="error")
            return
        daftar = self.query_one(OptionList)
        daftar.clear_options()
        # The tree shows as indentation when not searching; a search lists matches flat.
        daftar.add_options(
            Option(("" if query else "  " * u.kedalaman) + u.nama, id=u.id) for u in units
        )
        for i, u in enumerate(units):
            if u.id == self.terpilih:
                daftar.highlighted = i
                break

    @on(OptionList.OptionHighlighted)
    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        if event.option.id:
            self.terpilih = event.option.id
