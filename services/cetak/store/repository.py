"""cetak's queries. Use cases call these; nothing else touches SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Row, Table, case, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.cetak.store.models import BerkasCetakRow, JatahCetakRow, RiwayatCetakRow, permintaan

_JATAH = cast(Table, JatahCetakRow.__table__)


async def simpan_riwayat(s: AsyncSession, rows: list[RiwayatCetakRow], isi: bytes | None) -> None:
    """The records of one print; `isi`, the bytes of the first row, kept when given."""
    s.add_all(rows)
    await s.flush()
    if isi is not None:
        s.add(BerkasCetakRow(riwayat_id=rows[0].id, isi=isi, dibuat=rows[0].waktu))
        await s.flush()


async def jawaban_tersimpan(s: AsyncSession, akun: str, request_id: str) -> Row[Any, Any] | None:
    """(metode, respons) of an earlier call with this request_id."""
    return (
        await s.execute(
            select(permintaan.c.metode, permintaan.c.respons).where(
                permintaan.c.akun == akun, permintaan.c.request_id == request_id
            )
        )
    ).first()


async def berkas(s: AsyncSession, riwayat_id: str) -> bytes | None:
    row = await s.get(BerkasCetakRow, riwayat_id)
    return row.isi if row is not None else None


async def daftar_riwayat(
    s: AsyncSession, *, skp_id: str | None, akun: str | None, offset: int, limit: int
) -> list[RiwayatCetakRow]:
    """An SKP's prints, or an account's own (bulk prints as their zip only), newest first."""
    stmt = select(RiwayatCetakRow)
    stmt = (
        stmt.where(RiwayatCetakRow.skp_id == skp_id)
        if skp_id
        else stmt.where(RiwayatCetakRow.pencetak_akun == akun, RiwayatCetakRow.massal_id.is_(None))
    )
    stmt = stmt.order_by(RiwayatCetakRow.waktu.desc(), RiwayatCetakRow.id).offset(offset).limit(limit)
    return list(await s.scalars(stmt))


async def riwayat_dengan_sha256(s: AsyncSession, sha256: str) -> RiwayatCetakRow | None:
    """A document (not a bulk print's zip) delivered as exactly these bytes."""
    return await s.scalar(
        select(RiwayatCetakRow).where(RiwayatCetakRow.sha256 == sha256, RiwayatCetakRow.jenis != "MASSAL").limit(1)
    )


async def riwayat_dengan_kode(s: AsyncSession, kode: str) -> RiwayatCetakRow | None:
    return await s.scalar(select(RiwayatCetakRow).where(RiwayatCetakRow.kode_verifikasi == kode))


async def hapus_kedaluwarsa(s: AsyncSession, sebelum: dt.datetime) -> None:
    """Idempotency answers and kept bytes older than `sebelum`; the records stay."""
    await s.execute(permintaan.delete().where(permintaan.c.dibuat < sebelum))
    await s.execute(delete(BerkasCetakRow).where(BerkasCetakRow.dibuat < sebelum))


async def tambah_jatah(
    s: AsyncSession, akun: str, sekarang: dt.datetime, jendela: dt.timedelta
) -> tuple[int, dt.datetime] | None:
    """Counts one print in one statement that increments and returns
    (count, window start); a window over starts again at one. None when the
    account has no row yet (then `jatah_pertama`)."""
    habis = _JATAH.c.mulai <= sekarang - jendela
    row = (
        await s.execute(
            update(_JATAH)
            .where(_JATAH.c.akun == akun)
            .values(
                jumlah=case((habis, 1), else_=_JATAH.c.jumlah + 1), mulai=case((habis, sekarang), else_=_JATAH.c.mulai)
            )
            .returning(_JATAH.c.jumlah, _JATAH.c.mulai)
        )
    ).first()
    return (row[0], row[1]) if row is not None else None


async def jatah_pertama(s: AsyncSession, akun: str, sekarang: dt.datetime) -> None:
    """The account's first print. Raises IntegrityError when a racing first
    print inserted it meanwhile (the caller counts again)."""
    await s.execute(insert(_JATAH).values(akun=akun, mulai=sekarang, jumlah=1))
