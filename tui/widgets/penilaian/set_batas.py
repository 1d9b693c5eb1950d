"""Set Batas (admin instansi): the last day the pegawai of the instansi may
fill a period. Empty returns to the default rule (Triwulan: the 15th of the
second month after it; Akhir Tahun: 7 May of the next year)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class SetBatasScreen(FormAksiScreen):
    TOMBOL = "OK"
    FOKUS = "#batas"
    ISIAN: ClassVar[dict[str, str]] = {"tanggal": "#batas"}

    def __init__(self, batas: pb.Batas) -> None:
        super().__init__()
        self._batas = batas

    def judul(self) -> str:
        return f"Batas {fmt.nama_periode(self._batas.periode)} {self._batas.tahun}"

    def isian(self) -> ComposeResult:
        b = self._batas
        sekarang = fmt.tanggal(b.tanggal) + (" (bawaan)" if b.bawaan else " (diatur admin)")
        yield Petunjuk(f"Sekarang: {sekarang}")
        yield Label("BATAS (DD/MM/YYYY, kosongkan untuk kembali ke bawaan)", markup=False)
        diatur = fmt.ke_date(b.tanggal) if not b.bawaan else None
        yield Input(
            fmt.isian_tanggal(diatur) if diatur else "",
            compact=True,
            placeholder="DD/MM/YYYY",
            id="batas",
            max_length=10,
        )

    @on(Input.Submitted, "#batas")
    def _selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> dt.date | None:
        teks = self.query_one("#batas", Input).value.strip()
        try:
            return fmt.baca_tanggal(teks, "BATAS") if teks else None
        except ValueError as e:
            raise Salah(str(e), "#batas") from None

    async def kirim(self, request_id: str, nilai: dt.date | None, alasan: str) -> pb.Batas:
        return await backend(self).ubah_batas(request_id, self._batas.tahun, self._batas.periode, nilai)
