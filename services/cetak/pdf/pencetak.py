"""Renders and signs documents off the event loop, on a small pool of
threads: typst and the hashing in pyHanko release the GIL, so two cores
print two documents at once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from services.cetak.domain.isi import Dokumen
from services.cetak.pdf.tanda_tangan import BerkasKunci, Penandatangan
from services.cetak.pdf.typst_pdf import MesinTypst, render


@dataclass(frozen=True)
class TandaTanganDigital:
    pihak: str  # "PEGAWAI" | "PENILAI": whose spot
    nama: str
    nip: str
    lokasi: str


class Pencetak:
    def __init__(self, berkas_kunci: BerkasKunci, pekerja: int | None = None) -> None:
        self._mesin = MesinTypst()
        self._ttd = Penandatangan(berkas_kunci)
        self._pool = ThreadPoolExecutor(max_workers=pekerja or min(4, os.cpu_count() or 1),
                                        thread_name_prefix="cetak")

    def periksa_kunci(self) -> None:
        """FAILED_PRECONDITION before any work when no signing key is set up."""
        self._ttd.periksa()

    def _kerja(self, dokumen: Dokumen, ttd: TandaTanganDigital | None, waktu: dt.datetime) -> bytes:
        hasil = render(self._mesin, dokumen, waktu)
        if ttd is None:
            return hasil.pdf
        return self._ttd.tandatangani(hasil.pdf, hasil.tempat[ttd.pihak], ttd.pihak, ttd.nama, ttd.nip, ttd.lokasi,
                                      waktu)

    async def cetak(self, dokumen: Dokumen, ttd: TandaTanganDigital | None, waktu: dt.datetime) -> bytes:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._kerja, dokumen, ttd, waktu)

    async def tutup(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
