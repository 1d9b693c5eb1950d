"""The left menu of the web app: MAIN MENU (Profil, SKP, Tim Kerja) and
DASHBOARD (Dashboard). Choosing an entry posts `MenuUtama.Dipilih`."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

HALAMAN = {"profil": "Profil", "skp": "SKP", "tim-kerja": "Tim Kerja", "dashboard": "Dashboard"}


class MenuUtama(OptionList):
    class Dipilih(Message):
        def __init__(self, halaman: str) -> None:
            super().__init__()
            self.halaman = halaman

    def __init__(self) -> None:
        super().__init__(
            Option("MAIN MENU", disabled=True),
            *(Option(f" {HALAMAN[h]}", id=h) for h in ("profil", "skp", "tim-kerja")),
            Option("DASHBOARD", disabled=True),
            Option(f" {HALAMAN['dashboard']}", id="dashboard"),
            id="menu",
        )

    def tandai(self, halaman: str) -> None:
        self.highlighted = self.get_option_index(halaman)

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Dipilih(event.option.id))
