"""The message Detail SKP's parts send when the SKP changed under them."""

from __future__ import annotations

from tui.widgets.berubah import Berubah


class SkpBerubah(Berubah):
    """The Detail SKP screen reads the SKP again. Always a fresh read: an
    SKP's etag changes with any change to its content."""


# The callback of a form on the SKP (RHK, indikator, ekspektasi, lampiran).
setelah_form = SkpBerubah.setelah_form
