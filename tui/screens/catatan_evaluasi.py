"""CATATAN / REKOMENDASI (penilai): one text per bawahan and period,
printed as part 5 of the Dokumen Evaluasi Kinerja Pegawai. Empty clears it."""

from __future__ import annotations

from typing import ClassVar

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from tui.dialog.form_aksi import FormAksiScreen, Salah, TidakBerubah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk

MAKS = 2000
PETUNJUK = (
    "Catatan atau rekomendasi pejabat penilai atas kinerja pegawai pada periode ini (mis. pengembangan "
    "kompetensi). Tercetak pada Dokumen Evaluasi Kinerja Pegawai bagian 5. Kosongkan untuk menghapus."
)


class CatatanEvaluasiScreen(FormAksiScreen):
    KELAS = "dialog dialog-lebar"
    FOKUS = "#catatan"
    ISIAN: ClassVar[dict[str, str]] = {"catatan": "#catatan"}

    def __init__(self, penilaian: pb.Penilaian, nama: str) -> None:
        super().__init__()
        self._penilaian = penilaian
        self._nama = nama

    def judul(self) -> str:
        return f"Catatan / Rekomendasi - {self._nama}, {self._penilaian.periode.nama}"

    def isian(self) -> ComposeResult:
        yield Label("CATATAN / REKOMENDASI", markup=False)
        yield TextArea(self._penilaian.catatan, id="catatan", compact=True)
        yield Petunjuk(PETUNJUK)

    def baca(self) -> str:
        teks = self.query_one("#catatan", TextArea).text.strip()
        if len(teks) > MAKS:
            raise Salah(f"CATATAN / REKOMENDASI paling banyak {MAKS} karakter (sekarang {len(teks)}).", "#catatan")
        if teks == self._penilaian.catatan.strip():
            raise TidakBerubah("Catatan / rekomendasi tidak berubah.")
        return teks

    async def kirim(self, request_id: str, nilai: str, alasan: str) -> pb.Penilaian:
        return await backend(self).tulis_catatan_evaluasi(request_id, self._penilaian, nilai)
