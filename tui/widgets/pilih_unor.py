"""Picking a unit kerja from the instansi's tree: type to search (the server
filters by name), then Enter chooses the first match (once the search typed
has answered); down moves into the list, Enter there chooses the unit under
the cursor. Moving the cursor alone chooses nothing, so a search never
changes the unit by accident."""

from __future__ import annotations

import asyncio

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat


class PilihUnor(Vertical):
    BINDINGS = [Binding("down", "ke_daftar", "Daftar unit", show=False)]

    class Dipilih(Message):
        def __init__(self, unor_id: str, nama: str) -> None:
            super().__init__()
            self.unor_id = unor_id
            self.nama = nama

    def __init__(self, terpilih: str = "", nama: str = "", id: str | None = None) -> None:
        super().__init__(id=id, classes="pilih-unor")
        self.terpilih = terpilih
        self.nama_terpilih = nama
        self._nama: dict[str, str] = {}
        self._dimuat: str | None = None  # the search the list shows

    def compose(self) -> ComposeResult:
        yield Static(self._teks_terpilih(), classes="unor-terpilih", markup=False)
        yield Input(compact=True, placeholder="ketik nama unit kerja untuk mencari", classes="cari-unor")
        yield OptionList(compact=True, classes="daftar-unor", markup=False)

    def on_mount(self) -> None:
        self._muat("")

    def _teks_terpilih(self) -> Text:
        if not self.terpilih:
            return Text("Belum dipilih: cari lalu tekan Enter pada unit kerja.", style="italic")
        return Text.assemble(("Dipilih: ", "bold"), self.nama_terpilih or self.terpilih)

    @on(Input.Changed, ".cari-unor")
    def _cari(self, event: Input.Changed) -> None:
        self._muat(event.value.strip(), tunda=True)

    def action_ke_daftar(self) -> None:
        daftar = self.query_one(OptionList)
        if daftar.option_count:
            daftar.focus()
            if daftar.highlighted is None:
                daftar.highlighted = 0

    @on(Input.Submitted, ".cari-unor")
    def _enter_cari(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if not query:
            self.action_ke_daftar()
        elif query == self._dimuat:
            self._pilih_pertama()
        else:  # typed faster than the search: ask now, then choose
            self._muat(query, pilih_pertama=True)

    def _pilih_pertama(self) -> None:
        """Enter after a search: the first unit found (the list gets the focus, on it)."""
        daftar = self.query_one(OptionList)
        for i in range(daftar.option_count):
            option = daftar.get_option_at_index(i)
            if option.id and not option.disabled:
                daftar.focus()
                daftar.highlighted = i
                self._pilih_option(option.id)
                return

    @work(exclusive=True, group="unor")
    async def _muat(self, query: str, tunda: bool = False, pilih_pertama: bool = False) -> None:
        if tunda:
            await asyncio.sleep(0.25)  # typing: ask once the user pauses (a newer search cancels this one)
        try:
            with memuat(self.query_one(OptionList)):
                units, terpotong = await backend(self).daftar_unor(query)
        except GagalLayanan as e:
            laporkan(self, e)
            return
        if masih_tampil(self):
            self._isi(units, terpotong, query)
            if pilih_pertama:
                self._pilih_pertama()

    def _isi(self, units: list[pb.Unor], terpotong: bool, query: str) -> None:
        daftar = self.query_one(OptionList)
        daftar.clear_options()
        self._dimuat = query
        if not units:
            daftar.add_option(Option(Text(f"Tidak ada unit kerja yang namanya memuat '{query}'."), disabled=True))
            return
        # Tree order from the server; indentation by depth (a search result
        # starts at the shallowest match's depth).
        dasar = min(u.kedalaman for u in units)
        for u in units:
            self._nama[u.id] = u.nama
            tanda = "* " if u.id == self.terpilih else "  "
            daftar.add_option(Option(Text(tanda + "  " * (u.kedalaman - dasar) + u.nama), id=u.id))
        if terpotong:
            daftar.add_option(Option("... masih ada unit lain: ketik untuk mempersempit pencarian", disabled=True))
        if any(u.id == self.terpilih for u in units):
            daftar.highlighted = daftar.get_option_index(self.terpilih)

    @on(OptionList.OptionSelected, ".daftar-unor")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._pilih_option(event.option.id)

    def _pilih_option(self, unor_id: str) -> None:
        self.terpilih = unor_id
        self.nama_terpilih = self._nama.get(unor_id, "")
        self.query_one(".unor-terpilih", Static).update(self._teks_terpilih())
        self._tandai()
        self.post_message(self.Dipilih(self.terpilih, self.nama_terpilih))

    def _tandai(self) -> None:
        daftar = self.query_one(OptionList)
        for i in range(daftar.option_count):
            option = daftar.get_option_at_index(i)
            if option.id:
                teks = option.prompt.plain if isinstance(option.prompt, Text) else str(option.prompt)
                daftar.replace_option_prompt_at_index(
                    i, Text(("* " if option.id == self.terpilih else "  ") + teks[2:])
                )
