"""The main screen after login: the manual's left menu (MAIN MENU: Profil, SKP,
Tim Kerja; DASHBOARD: Dashboard) and the chosen page beside it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static, TabbedContent
from textual.widgets.option_list import Option

from tui.widgets.profil import ProfilPegawai

BELUM_ADA = {
    "skp": "SKP",
    "tim-kerja": "Tim Kerja",
    "dashboard": "Dashboard",
}


class UtamaScreen(Screen[None]):
    BINDINGS = [
        ("p", "buka('profil')", "Profil"),
        ("s", "buka('skp')", "SKP"),
        ("ctrl+l", "app.keluar", "Keluar"),
        ("ctrl+u", "app.ubah_password", "Ubah Password"),
        *((str(i), f"tab({i})", tab) for i, tab in enumerate(
            ["Pribadi", "Atasan", "Satu Unit", "Bawahan", "Klaim", "PLT/PLH"], start=1)),
    ]
    TAB = ("data-pribadi", "data-atasan", "satu-unit", "bawahan", "klaim", "plt")

    def __init__(self, nama: str) -> None:
        super().__init__()
        self._nama = nama

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            with Vertical(id="menu"):
                yield Static(f"Hi, {self._nama}", id="sapaan")
                yield OptionList(
                    Option("MAIN MENU", disabled=True),
                    Option(" Profil", id="profil"),
                    Option(" SKP", id="skp"),
                    Option(" Tim Kerja", id="tim-kerja"),
                    Option("DASHBOARD", disabled=True),
                    Option(" Dashboard", id="dashboard"),
                    id="daftar-menu",
                )
            with ContentSwitcher(initial="profil", id="halaman"):
                yield ProfilPegawai()
                yield Static("", id="belum-ada", classes="pemberitahuan")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self._nama
        menu = self.query_one("#daftar-menu", OptionList)
        menu.highlighted = 1
        self.query_one("#tab-profil Tabs").focus()

    def action_tab(self, nomor: int) -> None:
        self.action_buka("profil")
        self.query_one("#tab-profil", TabbedContent).active = self.TAB[nomor - 1]
        self.query_one("#tab-profil Tabs").focus()

    @on(OptionList.OptionSelected, "#daftar-menu")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_buka(event.option.id)

    def action_buka(self, halaman: str) -> None:
        switcher = self.query_one("#halaman", ContentSwitcher)
        if halaman == "profil":
            switcher.current = "profil"
            return
        nama = BELUM_ADA[halaman]
        self.query_one("#belum-ada", Static).update(
            f"Menu {nama} belum tersedia pada versi ini.\n\nSaat ini tersedia: Profil (data pribadi, atasan, "
            "pegawai satu unit kerja, bawahan, klaim pimpinan, PLT/PLH).")
        switcher.current = "belum-ada"
