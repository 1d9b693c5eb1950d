"""A turn per key. Rules that check and then insert (no two SKPs of one
pegawai for overlapping periods, no two PLT/PLH of one unit at once) cannot
lean on a unique index; the writers for one key take turns instead. The
first statement of such a transaction bumps the key's row: PostgreSQL makes a
second writer wait on that row lock until the first commits, SQLite has one
writer at a time, and either way the check that follows sees the rows the
previous turn inserted."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table
from sqlalchemy.ext.asyncio import AsyncSession


def giliran_table(metadata: MetaData) -> Table:
    return Table(
        "giliran",
        metadata,
        Column("kunci", String(100), primary_key=True),
        Column("kali", Integer, nullable=False),
    )


async def ambil(s: AsyncSession, table: Table, kunci: str) -> None:
    hasil = await s.execute(table.update().where(table.c.kunci == kunci).values(kali=table.c.kali + 1))
    if hasil.rowcount == 0:  # type: ignore[attr-defined]
        # The key's first writer. A racing first insert fails on the primary
        # key and the unit of work runs again (idempotency._with_retry), then
        # waiting its turn on the row that now exists.
        await s.execute(table.insert().values(kunci=kunci, kali=1))
