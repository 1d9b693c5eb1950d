"""PERIODE AWAL and PERIODE AKHIR side by side, typed DD/MM/YYYY as on the
web forms (Tambah SKP, PLT/PLH). Enter in the first moves to the second;
Enter in the second is the form's own (save, or on to ALASAN)."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from tui import format as fmt
from tui.dialog.form_aksi import Salah

LABEL = ("PERIODE AWAL", "PERIODE AKHIR")


class IsianPeriode(Horizontal):
    def __init__(self, awal: dt.date | None, akhir: dt.date | None, ids: tuple[str, str]) -> None:
        """`ids`: of the two inputs, the names the form's ISIAN maps the server's fields to."""
        super().__init__(classes="baris-tanggal")
        self._nilai = (awal, akhir)
        self._ids = ids

    def compose(self) -> ComposeResult:
        for label, nilai, id_ in zip(LABEL, self._nilai, self._ids, strict=True):
            with Vertical():
                yield Label(label, markup=False)
                yield Input(
                    compact=True,
                    value=fmt.isian_tanggal(nilai) if nilai else "",
                    placeholder="DD/MM/YYYY",
                    id=id_,
                    max_length=10,
                )

    @on(Input.Submitted)
    def _ke_akhir(self, event: Input.Submitted) -> None:
        if event.input.id == self._ids[0]:
            event.stop()
            self.query_one(f"#{self._ids[1]}", Input).focus()

    def baca(self) -> tuple[dt.date, dt.date]:
        """Both dates, or `Salah` naming the one that is not a date."""
        hasil = []
        for label, id_ in zip(LABEL, self._ids, strict=True):
            try:
                hasil.append(fmt.baca_tanggal(self.query_one(f"#{id_}", Input).value, label))
            except ValueError as e:
                raise Salah(str(e), f"#{id_}") from None
        return hasil[0], hasil[1]
