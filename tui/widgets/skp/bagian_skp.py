"""The base of the Detail SKP tabs that list parts of the SKP, one option
each (Perilaku Kerja, Lampiran): Enter, or the tab's key, edits the part
under the cursor while the SKP may be changed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.petunjuk import Petunjuk


class BagianSkp(Vertical):
    NAMA: ClassVar[str]  # the ids: daftar-NAMA, ket-NAMA
    AKSI: ClassVar[str]  # the action that edits the part under the cursor
    KET: ClassVar[str]  # the hint while the SKP may be changed

    def __init__(self) -> None:
        super().__init__()
        self._skp: pb.Skp | None = None
        self.ubah = False

    def compose(self) -> ComposeResult:
        yield OptionList(id=f"daftar-{self.NAMA}", markup=False)
        yield Petunjuk("", id=f"ket-{self.NAMA}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.ubah if action == self.AKSI else True

    def pilihan(self, skp: pb.Skp) -> Iterable[Option]:
        raise NotImplementedError

    def tampilkan(self, skp: pb.Skp, ubah: bool) -> None:
        """The SKP's parts, the cursor where it was; `ubah`: whether the viewer may change them now."""
        self._skp = skp
        self.ubah = ubah
        self.refresh_bindings()
        daftar = self.query_one(OptionList)
        lama = daftar.highlighted
        daftar.clear_options()
        daftar.add_options(self.pilihan(skp))
        daftar.highlighted = lama if lama is not None and lama < daftar.option_count else 0
        self.query_one(Petunjuk).update(self.KET if ubah else "")

    def terpilih(self) -> int | None:
        """The index of the part under the cursor (None before the SKP is shown)."""
        return None if self._skp is None else self.query_one(OptionList).highlighted

    @on(OptionList.OptionSelected)
    def _enter(self) -> None:
        if self.ubah:
            getattr(self, f"action_{self.AKSI}")()
