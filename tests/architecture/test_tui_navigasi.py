"""A panel asks for a screen with a Buka* message (tui/widgets/buka.py) that
the app alone handles (tui/navigasi.py)."""

import importlib
import pkgutil

from textual.message import Message
from textual.screen import Screen

import tui.screens
import tui.widgets
from tui.widgets.buka import Buka


def subkelas(cls: type) -> set[type]:
    return {k for s in cls.__subclasses__() for k in {s, *subkelas(s)}}


def test_tidak_ada_layar_yang_menangkap_pesan_buka():
    """Textual names a handler after the message's class: a screen with a method of that
    name would open a second, or the wrong, screen."""
    for m in pkgutil.iter_modules(tui.screens.__path__):
        importlib.import_module(f"tui.screens.{m.name}")
    nama = {k.handler_name for k in subkelas(Buka) | {Buka}}
    ditangkap = [
        (s.__name__, n) for s in subkelas(Screen) if s.__module__.startswith("tui.") for n in nama if hasattr(s, n)
    ]
    assert ditangkap == []


def test_setiap_pesan_buka_adalah_buka():
    """One way for a panel to ask for a screen: a Buka* message of its own (the
    dashboard had one set, which the screens holding it handled) bypasses the app's
    handler and the map in tui/navigasi.py."""
    for m in pkgutil.walk_packages(tui.widgets.__path__, "tui.widgets."):
        importlib.import_module(m.name)
    lain = [
        f"{k.__module__}.{k.__qualname__}"
        for k in subkelas(Message)
        if k.__module__.startswith("tui.") and k.__name__.startswith("Buka") and not issubclass(k, Buka)
    ]
    assert lain == []
