"""Renders and signs documents off the event loop, on a small pool of
threads: typst and the hashing in pyHanko release the GIL, so two cores
print two documents at once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from services.cetak.domain.isi import Dokumen
from services.cetak.pdf.tanda_tangan import BerkasKunci, Penandatangan
from services.cetak.pdf.tte import KredensialTte, PenandatanganTte
from services.cetak.pdf.typst_pdf import MesinTypst, render
from services.cetak.pengaturan import LayananTte
from services.shared.errors import KondisiTidakTerpenuhi


@dataclass(frozen=True)
class TandaTanganDigital:
    pihak: str  # "PEGAWAI" | "PENILAI": whose spot
    nama: str
    nip: str
    lokasi: str
    tte: KredensialTte | None = None  # signing through the TTE service: the signer's credentials
    anchor: str = ""  # that spot's anchor text, where the TTE service may place the signature


class Pencetak:
    """Signs with cetak's own key, or through the national TTE service when
    one is configured (then only through it: a document signed "for" a
    person must carry that person's own certificate)."""

    def __init__(
        self,
        berkas_kunci: BerkasKunci,
        pekerja: int | None = None,
        tte: LayananTte | None = None,
        tsa_url: str | None = None,
        akar: Callable[[], list[Path]] = list,
    ) -> None:
        self._mesin = MesinTypst()
        self._ttd = Penandatangan(berkas_kunci, tsa_url, akar)
        self._tte = PenandatanganTte(tte) if tte is not None else None
        self._pool = ThreadPoolExecutor(max_workers=pekerja or min(4, os.cpu_count() or 1), thread_name_prefix="cetak")

    @property
    def lewat_tte(self) -> bool:
        return self._tte is not None

    def periksa_kunci(self, tte: KredensialTte | None = None) -> None:
        """FAILED_PRECONDITION before any work when there is nothing to sign with."""
        if self._tte is None:
            self._ttd.periksa()
        elif tte is None:
            raise KondisiTidakTerpenuhi(
                "Server ini menandatangani lewat layanan TTE dengan NIK dan passphrase penanda tangan, satu "
                "dokumen sekali minta: cetak dokumen itu satu per satu untuk menandatanganinya."
            )

    def _kerja(self, dokumen: Dokumen, ttd: TandaTanganDigital | None, waktu: dt.datetime) -> bytes:
        hasil = render(self._mesin, dokumen, waktu)
        if ttd is None:
            return hasil.pdf
        return self._ttd.tandatangani(
            hasil.pdf, hasil.tempat[ttd.pihak], ttd.pihak, ttd.nama, ttd.nip, ttd.lokasi, waktu
        )

    async def cetak(self, dokumen: Dokumen, ttd: TandaTanganDigital | None, waktu: dt.datetime) -> bytes:
        loop = asyncio.get_running_loop()
        if ttd is None or self._tte is None:
            return await loop.run_in_executor(self._pool, self._kerja, dokumen, ttd, waktu)
        if ttd.tte is None:
            self.periksa_kunci()  # raises: the TTE service needs the signer's credentials
            raise AssertionError("unreachable")
        hasil = await loop.run_in_executor(self._pool, render, self._mesin, dokumen, waktu)
        tempat = hasil.tempat[ttd.pihak]
        gambar = None
        if not ttd.tte.tak_tampak:
            gambar = await loop.run_in_executor(self._pool, self._tte.gambar, tempat, ttd.nama, ttd.nip, waktu)
        return await self._tte.tandatangani(
            hasil.pdf, ttd.tte, tempat, ttd.anchor, gambar, ttd.lokasi, f"Tanda tangan {ttd.nama} ({ttd.nip})"
        )

    async def tutup(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._tte is not None:
            await self._tte.tutup()
