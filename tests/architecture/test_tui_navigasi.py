"""A panel asks for a screen with a Buka* message (tui/widgets/buka.py) that
the app alone handles (tui/navigasi.py)."""

import importlib
import pkgutil

from textual.screen import Screen

import tui.screens
from tui.widgets.buka import Buka


def subkelas(cls: type) -> set[type]:
    return {k for s in cls.__subclasses__() for k in {s, *subkelas(s)}}


def test_tidak_ada_layar_yang_menangkap_pesan_buka():
    """Textual names a handler after the message's class: a screen with a method of that
    name (the dashboard's own Buka* messages) would open a second, or the wrong, screen."""
    for m in pkgutil.iter_modules(tui.screens.__path__):
        importlib.import_module(f"tui.screens.{m.name}")
    nama = {k.handler_name for k in subkelas(Buka) | {Buka}}
    ditangkap = [
        (s.__name__, n) for s in subkelas(Screen) if s.__module__.startswith("tui.") for n in nama if hasattr(s, n)
    ]
    assert ditangkap == []
