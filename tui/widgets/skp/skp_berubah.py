"""The message Detail SKP's parts send when the SKP changed under them."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.widget import Widget


class SkpBerubah(Message):
    """Something in the SKP changed, or a write found it changed elsewhere
    (`usang`): the Detail SKP screen reads it again. Always a fresh read: an
    SKP's etag changes with any change to its content."""

    def __init__(self, usang: bool = False) -> None:
        super().__init__()
        self.usang = usang


def setelah_form(widget: Widget, disimpan: str) -> Callable[[object], None]:
    """The callback of a form on the SKP (RHK, indikator, ekspektasi,
    lampiran): it returns what it saved, "usang" or None (cancelled)."""

    def selesai(hasil: object) -> None:
        if hasil == "usang":
            widget.post_message(SkpBerubah(usang=True))
        elif hasil is not None:
            widget.notify(disimpan, markup=False)
            widget.post_message(SkpBerubah())

    return selesai
