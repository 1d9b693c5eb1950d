"""Ekspektasi Khusus Pimpinan (docs/domain.md#perilaku-kerja): what the
pejabat penilai expects of the pegawai for one BerAKHLAK value. Empty clears
it. The penilai writes it while the SKP is DRAFT or PENGAJUAN. Saving and
its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class EkspektasiScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#ekspektasi"
    ISIAN = {"ekspektasi": "#ekspektasi"}

    def __init__(self, skp: pb.Skp, perilaku: pb.PerilakuKerja) -> None:
        super().__init__()
        self._skp = skp
        self._p = perilaku

    def judul(self) -> str:
        return f"Ekspektasi Khusus Pimpinan: {self._p.nama}"

    def isian(self) -> ComposeResult:
        yield Petunjuk("\n".join(f"{i}. {u}" for i, u in enumerate(self._p.uraian, start=1)))
        yield Label("EKSPEKTASI KHUSUS PIMPINAN (kosongkan untuk menghapus)", markup=False)
        yield TextArea(self._p.ekspektasi, compact=True, id="ekspektasi")

    def baca(self) -> str:
        return " ".join(self.query_one("#ekspektasi", TextArea).text.split())

    async def kirim(self, request_id: str, nilai: str, alasan: str) -> pb.Skp:
        return await backend(self).ubah_ekspektasi(request_id, self._skp, self._p.kode, nilai)
