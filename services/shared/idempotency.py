"""Every mutating RPC carries a `request_id`. The response of the first call is
stored in the same transaction as the change itself, so a client's retry after
a lost reply gets that response again instead of acting twice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from google.protobuf.message import Message
from sqlalchemy import Column, DateTime, LargeBinary, MetaData, Row, String, Table, bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from services.shared.db import Database
from services.shared.errors import TidakValid

M = TypeVar("M", bound=Message)

_REQUEST_ID = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "permintaan",
        metadata,
        Column("akun", String(64), primary_key=True),
        Column("request_id", String(64), primary_key=True),
        Column("metode", String(200), nullable=False),
        Column("respons", LargeBinary, nullable=False),
        Column("dibuat", DateTime(timezone=True), nullable=False),
    )


KEEP = dt.timedelta(hours=24)  # how long a client may retry with the same id


async def purge(db: Database, table: Table, now: dt.datetime | None = None) -> None:
    cutoff = (now or dt.datetime.now(dt.UTC)) - KEEP
    async with db.transaction() as session:
        await session.execute(table.delete().where(table.c.dibuat < cutoff))


def validate_request_id(request_id: str) -> None:
    if request_id and not _REQUEST_ID.match(request_id):
        raise TidakValid(
            "request_id", "harus 8–64 karakter huruf, angka, '-', '_', '.' atau ':' (misalnya sebuah UUID)"
        )


async def idempotent(
    db: Database,
    table: Table,
    *,
    akun: str,
    metode: str,
    request_id: str,
    response_type: type[M],
    work: Callable[[AsyncSession], Awaitable[M]],
    sebelum: Callable[[], Awaitable[None]] | None = None,
) -> M:
    """Runs `work` in one transaction, once per (akun, request_id).
    `sebelum` runs first, outside that transaction, unless the request_id
    already has its answer: checks that keep their own count in transactions
    of their own (a password check), which would wait on this transaction's
    write turn on SQLite if they ran inside it."""
    validate_request_id(request_id)
    if not request_id:
        if sebelum is not None:
            await sebelum()
        return await _with_retry(db, work)

    def answer(row: Row[Any, Any] | None) -> M | None:
        if row is None:
            return None
        if row.metode != metode:
            raise TidakValid("request_id", "sudah dipakai untuk permintaan lain; buat request_id baru")
        return response_type.FromString(row.respons)

    pernyataan = _pernyataan(table)
    kunci = {"k_akun": akun, "k_rid": request_id}
    if sebelum is not None:
        # A retry after the first committed is answered here and never runs
        # `sebelum` (a password check against a password the first call
        # changed). A plain write skips this statement: the transaction
        # below finds the answer of a retry as well.
        async with db.read() as session:
            previous = answer((await session.execute(pernyataan.baca, kunci)).first())
        if previous is not None:
            return previous
        await sebelum()

    def baris(respons: bytes) -> dict[str, Any]:
        return {
            "akun": akun,
            "request_id": request_id,
            "metode": metode,
            "respons": respons,
            "dibuat": dt.datetime.now(dt.UTC),
        }

    async def work_and_record_giliran(session: AsyncSession) -> M:
        # SQLite: this transaction holds the database's write turn, so no
        # other writer can record this key meanwhile: look it up, and record
        # it with its answer at the end — one row written once, not a
        # reservation rewritten (services/shared/sqlite_tulis.py).
        if (previous := answer((await session.execute(pernyataan.baca, kunci)).first())) is not None:
            return previous
        response = await work(session)
        await session.execute(pernyataan.tambah, baris(response.SerializeToString()))
        return response

    async def work_and_record_akhir(session: AsyncSession) -> M:
        # PostgreSQL: the work first, then the key with its answer, in one
        # INSERT … ON CONFLICT DO NOTHING (one statement where a reservation
        # and its answer were two, issue 18). A copy of this request that is
        # still in flight makes that INSERT wait for it; if a copy committed
        # the key (then or before), nothing is inserted and this
        # transaction, work and all, is rolled back for that copy's answer.
        response = await work(session)
        simpan = await session.execute(pernyataan.pesan, baris(response.SerializeToString()))
        if simpan.rowcount == 0:  # type: ignore[attr-defined]
            raise _SudahDijawab
        return response

    async def jawaban_salinan() -> M | None:
        """The answer of a copy of this request that committed, waiting for
        one still in flight: a reservation that conflicts with its key
        (rolled back either way)."""
        try:
            async with db.transaction() as session:
                pesan = await session.execute(pernyataan.pesan, baris(b""))
                ada = pesan.rowcount == 0  # type: ignore[attr-defined]
                raise _Batalkan(answer((await session.execute(pernyataan.baca, kunci)).first()) if ada else None)
        except _Batalkan as b:
            return cast("M | None", b.jawaban)

    if db.satu_penulis:
        return await _with_retry(db, work_and_record_giliran)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with db.transaction() as session:
                return await work_and_record_akhir(session)
        except Exception as e:
            # A copy of this request may have acted first, and this one
            # failed or was undone because of it (its etag moved, a row
            # changed under it): that copy's answer is the answer. Without
            # one, a lost optimistic-locking race runs again (_with_retry).
            try:
                previous = await jawaban_salinan()
            except Exception as cek:
                if isinstance(cek, TidakValid) or isinstance(e, _SudahDijawab):
                    raise  # the request_id is another request's; or no answer to give
                raise e from cek  # the check failed (the database gone): the first error stands
            if previous is not None:
                return previous
            if isinstance(e, _SudahDijawab):
                raise AssertionError("request_id tercatat tanpa jawabannya") from e
            if not isinstance(e, (StaleDataError, IntegrityError)) or attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


class _SudahDijawab(Exception):
    """Another copy of the request committed its key: this one rolls back."""


class _Batalkan(Exception):
    """Rolls back the key check's transaction (its reservation, when nobody
    had the key) and carries out what it found: a committed copy's answer, or None."""

    def __init__(self, jawaban: object) -> None:
        super().__init__()
        self.jawaban = jawaban


@dataclass(frozen=True)
class _Pernyataan:
    """The statements of one idempotency table, built once: building them
    per call (their cache keys computed afresh) cost more than running them."""

    baca: Any
    pesan: Any  # PostgreSQL: INSERT … ON CONFLICT DO NOTHING
    tambah: Any  # SQLite: a plain INSERT, under the write turn the key cannot be taken meanwhile


_PERNYATAAN: dict[Table, _Pernyataan] = {}


def _pernyataan(table: Table) -> _Pernyataan:
    if (hasil := _PERNYATAAN.get(table)) is None:
        kunci = (table.c.akun == bindparam("k_akun")) & (table.c.request_id == bindparam("k_rid"))
        hasil = _PERNYATAAN[table] = _Pernyataan(
            baca=select(table.c.metode, table.c.respons).where(kunci),
            pesan=pg_insert(table).on_conflict_do_nothing(),
            tambah=table.insert(),
        )
    return hasil


ATTEMPTS = 3


async def _with_retry(db: Database, work: Callable[[AsyncSession], Awaitable[M]]) -> M:
    """A write that loses an optimistic-locking race (a version column moved
    between its read and its UPDATE, or a row inserted by someone else in
    the meantime) runs again on fresh data. A caller who
    sent an etag then gets ABORTED from their own etag check, as they should;
    one who did not simply has their change applied after the other."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with db.transaction() as session:
                return await work(session)
        except (StaleDataError, IntegrityError):
            # IntegrityError: two first writes of the same row (a unique key)
            # raced; on the retry the row exists and is updated instead.
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")
