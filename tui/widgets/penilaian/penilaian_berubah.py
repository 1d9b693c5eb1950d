"""The message the penilaian screens' parts send when what they show changed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual.widget import Widget

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import laporkan, masih_tampil
from tui.widgets.berubah import Berubah


class PenilaianBerubah(Berubah):
    """Something in the period's penilaian changed: the screen reads it again."""


# The callback of a penilaian form.
setelah_form = PenilaianBerubah.setelah_form


def terbuka(widget: Widget, penilaian: pb.Penilaian | None) -> bool:
    """The pegawai's entries of a period: a closed one says so instead of opening a form."""
    if penilaian is None:
        return False
    if not penilaian.periode.terbuka:
        widget.notify(
            fmt.ditutup(penilaian.periode), severity="warning", title="Periode ditutup", timeout=10, markup=False
        )
        return False
    return True


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
