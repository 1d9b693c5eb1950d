"""The message the penilaian screens' parts send when what they show changed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.message import Message
from textual.widget import Widget

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import laporkan, masih_tampil


class PenilaianBerubah(Message):
    """Something in the period's penilaian changed, or a write found it changed
    elsewhere (`usang`): the screen reads it again."""

    def __init__(self, usang: bool = False) -> None:
        super().__init__()
        self.usang = usang


def setelah_form(widget: Widget, disimpan: str) -> Callable[[object], None]:
    """The callback of a penilaian form: it returns what it saved, "usang" or
    None (cancelled)."""

    def selesai(hasil: object) -> None:
        if hasil == "usang":
            widget.post_message(PenilaianBerubah(usang=True))
        elif hasil is not None:
            widget.notify(disimpan, markup=False)
            widget.post_message(PenilaianBerubah())

    return selesai


async def kirim(
    widget: Widget, permintaan: IdPermintaan, aksi: Callable[[str], Awaitable[object]], selesai: str
) -> None:
    """Runs a change without a form (Hapus) inside the caller's worker: the
    request_id of the user's action, the server's refusal in words, and a
    reload either way (a refusal may mean the data changed)."""
    try:
        await aksi(permintaan.ambil())
    except GagalLayanan as e:
        permintaan.selesai(e)
        if e.versi_usang:
            widget.post_message(PenilaianBerubah(usang=True))
        elif laporkan(widget, e):
            widget.post_message(PenilaianBerubah())
        return
    permintaan.selesai()
    if masih_tampil(widget):
        widget.notify(selesai, markup=False)
        widget.post_message(PenilaianBerubah())
