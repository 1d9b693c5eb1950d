"""The record of printed documents (who, what, when, sha256) and the bytes
kept a day for retries with the same request_id."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.cetak.domain.sumber import DataSkp
from services.cetak.store import repository as repo
from services.cetak.store.models import RiwayatCetakRow
from services.shared.db import Database
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid
from services.shared.idempotency import KEEP
from services.shared.principal import Principal


@dataclass(frozen=True)
class Berkas:
    nama: str
    isi: bytes
    media_type: str = "application/pdf"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.isi).hexdigest()


def sekarang() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def catatan(
    p: Principal,
    jenis: str,
    berkas: Berkas,
    waktu: dt.datetime,
    *,
    skp: DataSkp | None = None,
    periode: str = "",
    ditandatangani: str = "",
    massal_id: str | None = None,
    jumlah: int = 1,
    kode: str | None = None,
) -> RiwayatCetakRow:
    return RiwayatCetakRow(
        id=uuid.uuid4().hex,
        jenis=jenis,
        skp_id=skp.id if skp else None,
        periode=periode,
        instansi_id=skp.instansi_id if skp else p.instansi_id,
        pegawai_nip=skp.nip if skp else "",
        pegawai_nama=skp.pegawai.nama if skp else "",
        pencetak_akun=p.akun_id,
        pencetak=p.nip or p.username or p.akun_id,
        pencetak_nama=_nama(p, skp),
        waktu=waktu,
        nama_berkas=berkas.nama,
        ukuran=len(berkas.isi),
        sha256=berkas.sha256,
        ditandatangani=ditandatangani,
        massal_id=massal_id,
        jumlah_dokumen=jumlah,
        kode_verifikasi=kode or None,
    )


def _nama(p: Principal, skp: DataSkp | None) -> str:
    # The token carries no name; the SKP names its two parties.
    if skp and p.nip == skp.nip:
        return skp.pegawai.nama
    if skp and skp.penilai and p.nip == skp.penilai.nip:
        return skp.penilai.nama
    return p.username or p.nip or ""


async def simpan(s: AsyncSession, rows: list[RiwayatCetakRow], isi: bytes | None) -> None:
    """The records of one print; `isi` (the bytes of the first row, the file
    the caller gets) is kept for retries when the request has an id."""
    await repo.simpan_riwayat(s, rows, isi)


async def respons_lama(db: Database, akun: str, request_id: str, metode: str) -> bytes | None:
    """The stored answer of an earlier call with this request_id, if any."""
    if not request_id:
        return None
    async with db.read() as s:
        row = await repo.jawaban_tersimpan(s, akun, request_id)
    if row is None:
        return None
    if row.metode != metode:
        raise TidakValid("request_id", "sudah dipakai untuk permintaan lain; buat request_id baru")
    return bytes(row.respons)


async def isi_berkas(db: Database, riwayat_id: str) -> bytes:
    async with db.read() as s:
        isi = await repo.berkas(s, riwayat_id)
    if isi is None:
        raise KondisiTidakTerpenuhi("Berkas cetakan ini sudah tidak disimpan; cetak ulang dengan request_id baru.")
    return isi


async def daftar(
    s: AsyncSession, *, skp_id: str | None, akun: str | None, offset: int, limit: int
) -> list[RiwayatCetakRow]:
    return await repo.daftar_riwayat(s, skp_id=skp_id, akun=akun, offset=offset, limit=limit + 1)


async def purge(db: Database, now: dt.datetime | None = None) -> None:
    """Housekeeping: idempotency records and the kept bytes, after a day.
    The records of what was printed stay."""
    cutoff = (now or sekarang()) - KEEP
    async with db.transaction() as s:
        await repo.hapus_kedaluwarsa(s, cutoff)
