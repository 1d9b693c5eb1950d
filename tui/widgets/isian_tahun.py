"""The year box of the pages that show one year (SKP Bawahan, Capaian &
Batas): four digits typed, or - / + (the screen's bindings) to step."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input


class IsianTahun(Input):
    def __init__(self) -> None:
        super().__init__(str(dt.date.today().year), compact=True, id="tahun", max_length=4, restrict=r"\d*")

    @property
    def tahun(self) -> int | None:
        """The year typed; None while it is not four digits."""
        return int(self.value) if len(self.value) == 4 else None

    def geser(self, langkah: int) -> None:
        """A year earlier or later (this year when the box holds none); Input.Changed tells the screen."""
        self.value = str((self.tahun or dt.date.today().year) + langkah)
