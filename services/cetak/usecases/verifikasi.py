"""VerifikasiDokumen: the file's own signatures and code (pdf/periksa_pdf.py)
against the print records: the record whose sha256 the file has, else the
one whose code it carries."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from services.cetak.pdf.periksa_pdf import IsiPdf, periksa
from services.cetak.store import repository as repo
from services.cetak.store.models import RiwayatCetakRow
from services.shared.db import Database
from services.shared.errors import TidakValid

MAKS_POTONGAN = 32 * 1024
MAKS_BYTE = 5 * 1024 * 1024


class Unggahan:
    """The pieces of the PDF as they arrive, refused as soon as one or the
    whole passes its limit, so a caller cannot make the server hold more."""

    def __init__(self) -> None:
        self._isi = bytearray()

    def tambah(self, potongan: bytes) -> None:
        if len(potongan) > MAKS_POTONGAN:
            raise TidakValid("isi", f"satu potongan berkas paling besar {MAKS_POTONGAN // 1024} KiB")
        if len(self._isi) + len(potongan) > MAKS_BYTE:
            raise TidakValid("isi", f"berkas paling besar {MAKS_BYTE // (1024 * 1024)} MiB")
        self._isi += potongan

    @property
    def isi(self) -> bytes:
        if not self._isi:
            raise TidakValid("isi", "berkas kosong")
        return bytes(self._isi)


@dataclass(frozen=True)
class Verifikasi:
    sha256: str
    pdf: IsiPdf
    riwayat: RiwayatCetakRow | None
    sama: bool  # byte for byte the file that record delivered


async def verifikasi(db: Database, isi: bytes, akar: list[Path]) -> Verifikasi:
    sha = hashlib.sha256(isi).hexdigest()
    pdf = await periksa(isi, akar)
    async with db.read() as s:
        row = await repo.riwayat_dengan_sha256(s, sha)
        if row is not None:
            return Verifikasi(sha, pdf, row, True)
        if pdf.kode:
            row = await repo.riwayat_dengan_kode(s, pdf.kode)
    return Verifikasi(sha, pdf, row, False)
