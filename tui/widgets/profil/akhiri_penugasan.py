"""Akhiri PLT/PLH: end an assignment early by setting its last day. Admin and
helpdesk (`alasan=True`) give a reason and confirm first."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class AkhiriPenugasanScreen(FormAksiScreen):
    TOMBOL = "Akhiri"
    FOKUS = "#selesai"
    ALASAN_UMUM = (
        ("Definitif dilantik", "Pejabat definitif unit ini sudah dilantik"),
        ("Dicabut sesuai SK", "Penugasan berakhir lebih awal sesuai SK pencabutan"),
    )
    ISIAN = {"tanggal_selesai": "#selesai"}

    def __init__(self, penugasan: profil_pb2.Penugasan, alasan: bool = False) -> None:
        super().__init__(alasan)
        self._t = penugasan

    def judul(self) -> str:
        return f"Akhiri {self._t.jabatan}" + (f" - {self._t.nama}" if self.wajib_alasan and self._t.nama else "")

    def isian(self) -> ComposeResult:
        yield Petunjuk(
            f"Periode sekarang: {fmt.periode(self._t.tanggal_mulai, self._t.tanggal_selesai)}",
        )
        yield Label("Hari terakhir penugasan (DD/MM/YYYY)", markup=False)
        yield Input(compact=True, value=fmt.isian_tanggal(dt.date.today()), id="selesai", max_length=10)

    @on(Input.Submitted, "#selesai")
    def _dari_selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> dt.date:
        try:
            return fmt.baca_tanggal(self.query_one("#selesai", Input).value, "Hari terakhir")
        except ValueError as e:
            raise Salah(str(e), "#selesai") from None

    def pertanyaan(self, nilai: dt.date) -> str:
        return f"{self._t.jabatan} {self._t.nama} berakhir pada {fmt.tanggal(fmt.dari_date(nilai))}."

    async def kirim(self, request_id: str, nilai: dt.date, alasan: str) -> profil_pb2.Penugasan:
        return await backend(self).akhiri_penugasan(request_id, self._t.name, nilai, alasan=alasan)
