"""Bantuan tombol (`f1`, or `?` outside a text box): every key of the screen
it was opened on, with what it does, and every command of that screen's
palette (ctrl+p). At 80 columns the footer holds only the most used keys;
this page holds all of them, so that no action of a screen is hidden."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from tui.widgets.judul import Judul

# Textual's own keys (focus moves, copy, quit) are named once, in Indonesian, at the end.
UMUM = [
    ("tab / shift+tab", "Pindah ke isian atau tombol berikutnya / sebelumnya"),
    ("enter", "Pilih baris, tekan tombol, atau kirim isian"),
    ("ctrl+p", "Cari menu dan perintah layar ini (palet perintah)"),
    ("ctrl+q", "Tutup aplikasi"),
]
_LEWATI = {"tab", "shift+tab", "ctrl+c", "super+c", "ctrl+q", "ctrl+p", "f1", "question_mark"}


def tombol_layar(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) of every binding of this app on `screen`, in the footer or not; also the
    letters a text box takes while it has the focus (the footer leaves those out then)."""
    app = screen.app
    fokus = screen.focused
    rantai = [*(fokus.ancestors_with_self if fokus is not None else (screen, app))]
    if app not in rantai:
        rantai.append(app)
    hasil: dict[str, tuple[str, str]] = {}
    for node in rantai:
        if not type(node).__module__.startswith("tui."):
            continue  # Textual's widget keys (cursor moves) are not this app's actions
        for key, b in node._bindings:
            if key in _LEWATI or key in hasil or not b.description or "copy_text" in b.action:
                continue
            if app._check_action_state(b.action, node) is False:
                continue
            kunci = key if b.key_display and "-" in b.key_display else app.get_key_display(b)
            if b.tooltip and b.description in b.tooltip:
                hasil[key] = (kunci, b.tooltip)
            else:
                hasil[key] = (kunci, b.description + (f": {b.tooltip}" if b.tooltip else ""))
    return list(hasil.values())


def perintah_layar(screen: Screen[object]) -> list[tuple[str, str]]:
    fn = getattr(screen, "perintah", None)
    return [(nama, bantuan) for nama, _, bantuan in fn()] if callable(fn) else []


def _baris(pasangan: Iterable[tuple[str, str]], lebar: int) -> str:
    return "\n".join(f"  {k:<{lebar}} {v}" for k, v in pasangan)


class BantuanScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "tutup", "Tutup")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._tombol = tombol_layar(screen)
        self._perintah = perintah_layar(screen)
        self._nama = screen.__class__.__name__

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar", id="bantuan"):
            yield Judul("Bantuan tombol layar ini")
            with VerticalScroll(id="isi-bantuan"):
                bagian = []
                if self._tombol:
                    bagian.append("Tombol:\n" + _baris(self._tombol, 10))
                bagian.append("Tombol umum:\n" + _baris(UMUM, 16))
                if self._perintah:
                    bagian.append("Perintah (ctrl+p, ketik sebagian namanya):\n" + _baris(self._perintah, 0))
                yield Static("\n\n".join(bagian), id="teks-bantuan", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#isi-bantuan").focus()

    def action_tutup(self) -> None:
        self.dismiss(None)
