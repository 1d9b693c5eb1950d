"""Kembalikan SKP (pejabat penilai): back to DRAFT so the pegawai can fix
it, with the reason, which the pegawai sees as the SKP's Keterangan.
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class KembalikanSkpScreen(FormAksiScreen):
    JUDUL = "Kembalikan SKP"
    TOMBOL = "Kembalikan"
    PROSES = "Memproses..."

    def __init__(self, skp: pb.Skp) -> None:
        super().__init__()
        self._skp = skp

    def isian(self) -> ComposeResult:
        s = self._skp
        yield Petunjuk(
            f"SKP {s.pegawai.nama} periode {fmt.periode(s.periode_awal, s.periode_akhir)} kembali "
            "menjadi DRAFT agar dapat diperbaiki pegawai.",
        )
        yield Label("ALASAN (dibaca pegawai sebagai Keterangan)", markup=False)
        yield Input(compact=True, id="alasan")  # Enter on it saves (FormAksiScreen)

    def baca(self) -> str:
        alasan = self.query_one("#alasan", Input).value.strip()
        if not alasan:
            raise Salah("ALASAN wajib diisi.", "#alasan")
        return alasan

    async def kirim(self, request_id: str, nilai: str, alasan: str) -> pb.Skp:
        return await backend(self).kembalikan_skp(request_id, self._skp, nilai)
