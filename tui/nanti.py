"""A generated module imported on first use, not when the TUI starts.

The SKP, penilaian, cetak and audit messages (and their stubs) are ~1.4 MiB
each once imported; one TUI process runs per SSH session, and right after
login a user sees only the Profil page (profil and auth messages). So the
modules that call or format those services name them through `modul_nanti`:

    if TYPE_CHECKING:
        from ekinerja.skp.v1 import skp_pb2 as pb
    else:
        pb = modul_nanti("ekinerja.skp.v1.skp_pb2")

mypy sees the real module; at run time `pb.X` imports it the first time."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class ModulNanti:
    """Stands for a module until an attribute is read; then it is the module's."""

    __slots__ = ("_nama",)

    def __init__(self, nama: str) -> None:
        self._nama = nama

    def __getattr__(self, atribut: str) -> Any:
        # import_module is a sys.modules lookup once the module is loaded.
        modul: ModuleType = importlib.import_module(self._nama)
        return getattr(modul, atribut)

    def __repr__(self) -> str:
        return f"<modul nanti {self._nama}>"


def modul_nanti(nama: str) -> Any:
    return ModulNanti(nama)
