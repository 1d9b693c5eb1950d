"""Edit Realisasi (docs/domain.md#pelaksanaan-kinerja): what was achieved on one
indikator in the chosen period, and where the number comes from. Both empty
clear it."""

from __future__ import annotations

from typing import ClassVar

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk

PETUNJUK = (
    "Isikan realisasi sesuai periode penilaian yang dipilih (Triwulan atau Akhir Tahun) serta sumber datanya. "
    "Realisasi triwulan adalah realisasi yang diperoleh pada triwulan yang bersangkutan saja. Kosongkan "
    "keduanya untuk menghapus."
)


class EditRealisasiScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#realisasi"
    ISIAN: ClassVar[dict[str, str]] = {"realisasi": "#realisasi", "sumber_data": "#sumber-data"}

    def __init__(
        self, penilaian: str, periode: str, indikator: skp_pb2.Indikator, realisasi: pb.Realisasi | None = None
    ) -> None:
        super().__init__()
        self._penilaian = penilaian
        self._periode = periode
        self._indikator = indikator
        self._realisasi = realisasi

    def judul(self) -> str:
        return f"Edit Realisasi - {self._periode}"

    def isian(self) -> ComposeResult:
        ind, r = self._indikator, self._realisasi
        yield Petunjuk(
            f"Indikator: {ind.teks}\nAspek: {fmt.ASPEK.get(ind.aspek, '-')}   Target tahunan: {ind.target or '-'}",
        )
        yield Label("REALISASI", markup=False)
        yield Input(r.realisasi if r else "", compact=True, placeholder="3 bulan", id="realisasi")
        yield Label("SUMBER DATA", markup=False)
        yield Input(r.sumber_data if r else "", compact=True, id="sumber-data")
        yield Petunjuk(PETUNJUK)

    @on(Input.Submitted, "#realisasi")
    def _ke_sumber(self) -> None:
        self.query_one("#sumber-data").focus()

    @on(Input.Submitted, "#sumber-data")
    def _selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> tuple[str, str]:
        return (
            " ".join(self.query_one("#realisasi", Input).value.split()),
            " ".join(self.query_one("#sumber-data", Input).value.split()),
        )

    async def kirim(self, request_id: str, nilai: tuple[str, str], alasan: str) -> pb.Realisasi:
        return await backend(self).ubah_realisasi(
            request_id, self._penilaian, self._indikator.name, *nilai, self._realisasi.etag if self._realisasi else ""
        )
