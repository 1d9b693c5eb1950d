"""One async database per service: a SQLite file under the data directory by
default, or a schema of its own in PostgreSQL when EKINERJA_DATABASE_URL is set.

One AsyncSession per RPC (sessions are not safe across tasks); `transaction()`
is the unit of work: commit on success, roll back on any error.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection, ExceptionContext, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.util import greenlet_spawn

from services.shared import berkas_rahasia, sqlite_baca, sqlite_langsung, sqlite_tulis
from services.shared.config import Settings

# Constraint names are stable across SQLite and PostgreSQL, so Alembic can
# alter them later (SQLite batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING)


T = TypeVar("T")


class Base(DeclarativeBase):
    """Only for typing helpers; each service declares its own base and metadata."""


def url_for(settings: Settings, service: str) -> str:
    if settings.database_url:
        return settings.database_url
    berkas_rahasia.folder(settings.data_dir)
    berkas = settings.data_dir / f"{service}.db"
    _sqlite_rahasia(berkas)
    return f"sqlite+aiosqlite:///{berkas.resolve()}"


def _sqlite_rahasia(berkas: Path) -> None:
    """SQLite gives its -wal and -shm the mode of the database file, so a
    0600 database keeps them 0600 too: the file is made 0600 before SQLite
    first opens it (an empty file is an empty database), and one made by an
    older version is narrowed."""
    try:
        os.close(berkas_rahasia.buka_tulis(berkas, eksklusif=True))
    except FileExistsError:
        for akhiran in ("", "-wal", "-shm"):
            berkas_rahasia.sempitkan_berkas(berkas.with_name(berkas.name + akhiran))


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


# SQLSTATEs that say the server is not there right now, not that the query is
# wrong: connection exceptions (class 08) and a server shutting down, crashed
# or still starting up (57P01–57P03). asyncpg reports the last ones as server
# errors, so SQLAlchemy does not see a disconnect, and an RPC made while
# PostgreSQL restarts ended INTERNAL instead of UNAVAILABLE (tests/faults).
_SERVER_TIDAK_ADA = ("08", "57P01", "57P02", "57P03")


def _tandai_putus(ctx: ExceptionContext) -> None:
    sqlstate = getattr(ctx.original_exception, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith(_SERVER_TIDAK_ADA):
        # Sets connection_invalidated on the raised error, which the boundary
        # answers UNAVAILABLE; on an open connection SQLAlchemy also discards
        # it and the rest of the pool, all connected to the old server.
        ctx.is_disconnect = True


DIAM_DETIK = 10.0


def _periksa_bila_diam(engine: AsyncEngine) -> None:
    """A pooled PostgreSQL connection left unused for DIAM_DETIK is pinged
    before it is handed out; a dead one is replaced (SQLAlchemy's recipe for
    pessimistic disconnect handling, by a checkout listener raising
    DisconnectionError). SQLAlchemy's `pool_pre_ping` pings on every
    checkout, and on a connection with transactions its ping is BEGIN, a
    query and ROLLBACK: three round trips before each write (issue 18). A
    connection in steady use was just shown alive by its last statement,
    and one that died meanwhile (a restart) fails its next statement, which
    `_tandai_putus` answers UNAVAILABLE and by which the pool discards every
    connection to the old server."""
    pool = engine.sync_engine.pool

    def tandai(_dbapi: Any, rekaman: Any, *_: Any) -> None:
        rekaman.info["ekinerja_dipakai"] = time.monotonic()

    def periksa(dbapi: Any, rekaman: Any, _proxy: Any) -> None:
        if time.monotonic() - rekaman.info.get("ekinerja_dipakai", 0.0) > DIAM_DETIK:
            try:
                dbapi.ping()
            except Exception as e:
                raise DisconnectionError("sambungan basis data terputus") from e
        rekaman.info["ekinerja_dipakai"] = time.monotonic()

    event.listen(pool, "connect", tandai)
    event.listen(pool, "checkin", tandai)
    event.listen(pool, "checkout", periksa)


def create_engine(url: str, service: str, pool_size: int = 10, *, baca: bool = False) -> AsyncEngine:
    """The service's engine; on PostgreSQL with `baca`, the engine of its
    reads (Database.read, baca_langsung): autocommit, on connections that
    refuse writes."""
    if is_postgres(url):
        # Each service owns a schema named after it; unqualified names resolve there.
        server = {"search_path": service}
        opsi: dict[str, Any] = {}
        if baca:
            # A read is one statement or a few, each seeing what was
            # committed before it began, as under READ COMMITTED inside a
            # transaction, without BEGIN and ROLLBACK: two round trips of
            # three for a one-statement read (issue 18). Writes are refused
            # by the server, as SQLite's read-only readers refuse them.
            server["default_transaction_read_only"] = "on"
            opsi["isolation_level"] = "AUTOCOMMIT"
        # Each connection is kept once opened (no "overflow", which is closed
        # when returned: under a rush of writes that was a new PostgreSQL
        # backend — a fork, a TLS try, every statement prepared again — every
        # few calls).
        pg = create_async_engine(
            url, pool_size=pool_size, max_overflow=0, connect_args={"server_settings": server}, **opsi
        )
        event.listen(pg.sync_engine, "handle_error", _tandai_putus)
        _periksa_bila_diam(pg)
        return pg
    engine = create_async_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        # WAL lets readers run beside the one writer; busy_timeout makes a
        # second writer wait instead of failing at once.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    return engine


@contextlib.asynccontextmanager
async def _sesi(buat: async_sessionmaker[Any], sebaris: bool) -> AsyncIterator[AsyncSession]:
    """A session, closed on the way out. AsyncSession's own `async with`
    closes it in a task of its own behind asyncio.shield, so that a
    cancellation cannot cut a close that waits for the network (PostgreSQL):
    a task and at least one turn of the loop per session, in which other
    calls run — inside a write, while it holds SQLite's write turn (issue
    18: more than one RPC began per write turn). `sebaris`: the session's
    connections are SQLite's inline ones (sqlite_baca, sqlite_tulis), whose
    close completes without waiting for anything, so a plain await cannot
    be cut either."""
    if not sebaris:
        async with buat() as session:
            yield session
        return
    session = buat()
    try:
        yield session
    finally:
        await session.close()


class Database:
    def __init__(self, engine: AsyncEngine, baca_pg: AsyncEngine | None = None) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # SQLite: reads run inline on the loop, read-only (sqlite_baca);
        # PostgreSQL reads on their own autocommit engine (create_engine's
        # `baca`) when given one, else on the one engine.
        sqlite_sebaris = sqlite_baca.mesin_baca(engine.url)
        self._baca_sebaris = sqlite_sebaris is not None
        self._baca_engine = sqlite_sebaris or baca_pg
        berkas = sqlite_baca.berkas_sqlite(engine.url)
        self._penanda = sqlite_baca.PenandaUbah(berkas) if berkas is not None else None
        # SQLite's Core statements skip SQLAlchemy's execution (sqlite_langsung):
        # a read's on a read-only connection of their own, a write's on the
        # write engine's one connection.
        self._pembaca = sqlite_baca.PembacaLangsung(berkas) if self._baca_sebaris and berkas else None
        self._baca: async_sessionmaker[Any] = self._sessions
        if self._pembaca is not None:
            self._baca = async_sessionmaker(
                self._baca_engine,
                class_=sqlite_langsung.SesiLangsung,
                expire_on_commit=False,
                sumber=self._pembaca.sqlite,
            )
        elif self._baca_engine is not None:
            self._baca = async_sessionmaker(self._baca_engine, expire_on_commit=False)
        # SQLite: a write transaction takes the database's write turn, then
        # runs inline (sqlite_tulis); PostgreSQL writers share the one engine.
        tulis = sqlite_tulis.mesin_tulis(engine.url)
        self._tulis_engine: AsyncEngine | None = tulis[0] if tulis is not None else None
        self._giliran: sqlite_tulis.GiliranTulis | None = tulis[1] if tulis is not None else None
        self._satu: sqlite_tulis.SatuKoneksi | None = tulis[2] if tulis is not None else None
        self._tulis = (
            async_sessionmaker(
                self._tulis_engine,
                class_=sqlite_langsung.SesiLangsung,
                expire_on_commit=False,
                sumber=tulis[2].sqlite,
            )
            if tulis is not None
            else self._sessions
        )

    @property
    def satu_penulis(self) -> bool:
        """SQLite: one writer at a time, who waits for the write turn."""
        return self._giliran is not None

    @property
    def engines(self) -> list[AsyncEngine]:
        """Every engine (for tracing and metrics): the writer's first."""
        if self._tulis_engine is None:
            return [self.engine] + ([self._baca_engine] if self._baca_engine is not None else [])
        # SQLite: `engine` itself only migrates and answers health checks.
        return [e for e in (self._tulis_engine, self._baca_engine, self.engine) if e is not None]

    @classmethod
    def for_service(cls, settings: Settings, service: str) -> Database:
        url = url_for(settings, service)
        baca = create_engine(url, service, settings.db_pool_size, baca=True) if is_postgres(url) else None
        return cls(create_engine(url, service, settings.db_pool_size), baca)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        if self._giliran is None or self._satu is None or self._tulis_engine is None:
            async with _sesi(self._tulis, False) as session, session.begin():
                yield session
            return
        async with self._giliran(), _sesi(self._tulis, True) as session:
            # The statements that went straight to sqlite3 are committed or
            # rolled back here, on the one connection SQLAlchemy's statements
            # share: the ORM's changes are flushed first and everything is
            # committed at once, before SQLAlchemy's commit (then a no-op)
            # runs its after_commit listeners (a mail, a cache forgetting).
            conn = await self._satu.sqlite()
            try:
                async with session.begin():
                    yield session
                    await session.flush()
                    sqlite_langsung.commit(conn, self._tulis_engine.dialect)
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.rollback()
                raise

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session that only reads: on SQLite it refuses writes ("attempt
        to write a readonly database"), so anything that writes belongs in
        `transaction()`."""
        async with _sesi(self._baca, self._baca_sebaris) as session:
            yield session

    async def dispose(self) -> None:
        for e in (self._baca_engine, self._tulis_engine):
            if e is not None:
                await e.dispose()
        await self.engine.dispose()
        if self._giliran is not None:
            self._giliran.tutup()
        if self._penanda is not None:
            self._penanda.tutup()
        if self._pembaca is not None:
            self._pembaca.tutup()

    def versi_data(self) -> int | None:
        """A number that moves whenever anything is committed to this
        database, by any process (SQLite in WAL mode: sqlite_baca.PenandaUbah);
        None where there is no such cheap signal (PostgreSQL): a read cached
        under this number may be used only while it is the same and not None."""
        return self._penanda.versi() if self._penanda is not None else None

    async def baca_langsung(self, kerja: Callable[[Connection], T]) -> T:
        """`kerja(c)` on a connection of `read()`'s engine, in SQLAlchemy
        Core, for a hot read that needs no ORM object (issue 18): no
        Session's bookkeeping, and the connect, the statements and the close
        all in one greenlet — an AsyncConnection starts one for each. `kerja`
        is synchronous: the statements still wait for PostgreSQL without
        blocking the loop, as SQLAlchemy's asyncio layer always does."""
        mesin = (self._baca_engine or self.engine).sync_engine

        def jalan() -> T:
            with mesin.connect() as c:
                return kerja(c)

        return await greenlet_spawn(jalan)
