"""Jadikan Pimpinan (admin, helpdesk): the Klaim Pimpinan Unit Kerja of a
pegawai made for them, replacing the unit's current pimpinan when there is
one (`ganti_pimpinan`), with a reason. The server still checks that the
pegawai's jabatan is the unit's jabatan pimpinan."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as ppb
from textual.app import ComposeResult

from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class GantiPimpinanScreen(FormAksiScreen):
    JUDUL = "Jadikan Pimpinan Unit Kerja"
    ALASAN_UMUM = (
        ("SK pengangkatan", "Sesuai SK pengangkatan pimpinan definitif unit ini"),
        ("Pimpinan lama pindah", "Pimpinan lama sudah mutasi atau pensiun; pegawai ini pimpinan definitifnya"),
    )
    TOMBOL = "Jadikan Pimpinan"
    PROSES = "Memproses..."

    def __init__(self, pegawai: ppb.Pegawai, unor: ppb.Unor | None) -> None:
        """`unor`: the pegawai's unit as read (its jabatan pimpinan and pimpinan)."""
        super().__init__(alasan=True)
        self._p = pegawai
        self._unor = unor

    def _sekarang(self) -> str:
        if self._unor is None:
            return ""
        x = self._unor.pimpinan
        return f"{x.nama} ({x.nip})" if x.nip else "belum ada"

    def isian(self) -> ComposeResult:
        baris = [f"{self._p.nama} ({self._p.nip}) menjadi pimpinan definitif {self._p.unor.nama}."]
        if self._unor is not None:
            baris += [
                f"Jabatan pimpinan unit: {self._unor.jabatan_pimpinan or '-'}.",
                f"Pimpinan sekarang: {self._sekarang()}.",
            ]
        baris.append("Atasan seluruh pegawai unit ini akan berubah.")
        yield Petunjuk("\n".join(baris))

    def pertanyaan(self, nilai: None) -> str:
        ganti = f", menggantikan {self._sekarang()}" if self._unor is not None and self._unor.pimpinan.nip else ""
        return f"{self._p.nama} menjadi pimpinan {self._p.unor.nama}{ganti}."

    async def kirim(self, request_id: str, nilai: None, alasan: str) -> ppb.Unor:
        return await backend(self).klaim_pimpinan(request_id, self._p.nip, ganti=True, alasan=alasan)
