"""The base of the messages a page's parts send when what the page shows
changed (SkpBerubah, PenilaianBerubah): the screen reads it again."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.widget import Widget


class Berubah(Message):
    """Something changed, or a write found it changed elsewhere (`usang`)."""

    def __init__(self, usang: bool = False) -> None:
        super().__init__()
        self.usang = usang

    @classmethod
    def setelah_form(cls, widget: Widget, disimpan: str) -> Callable[[object], None]:
        """The callback of a form: it returns what it saved, "usang" or None (cancelled)."""

        def selesai(hasil: object) -> None:
            if hasil == "usang":
                widget.post_message(cls(usang=True))
            elif hasil is not None:
                widget.notify(disimpan, markup=False)
                widget.post_message(cls())

        return selesai
