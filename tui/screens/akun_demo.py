"""Akun demo (f2 on the login screen of a demo server): the accounts `make
run` printed before the TUI covered them, as the server names them
(AuthService/InfoMasuk, demo servers only). Enter fills the login form."""

from __future__ import annotations

from ekinerja.profil.v1 import auth_pb2
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from tui.format import bersih
from tui.screens.login import berkas_demo
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk


class AkunDemoScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, info: auth_pb2.InfoMasukResponse) -> None:
        super().__init__()
        self._info = info

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="akun-demo"):
            yield Judul("Akun demo")
            yield Petunjuk(
                f"Password semuanya: {bersih(self._info.password_demo)} (juga di {berkas_demo()}). "
                "Enter: isi formulir masuk.",
            )
            yield OptionList(
                *(
                    Option(Text(f"{bersih(a.login):<20} {bersih(a.nama)} ({bersih(a.peran)})"), id=a.login)
                    for a in self._info.akun_demo
                ),
                compact=True,
                markup=False,
                id="daftar-akun-demo",
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_batal(self) -> None:
        self.dismiss(None)
