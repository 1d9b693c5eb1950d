"""Reads from SQLite on the event loop's own thread (issue 18).

aiosqlite runs every statement on a worker thread of its own and wakes the
loop with call_soon_threadsafe: for the few-millisecond reads an RPC makes,
the hop (queue, thread switch, selector wakeup, future) cost more CPU than
the query. `Database.read()` on SQLite instead uses an engine whose
connections look like aiosqlite's to SQLAlchemy's `sqlite+aiosqlite` dialect
(the `async_creator` it documents) but whose coroutines run sqlite3 at once
and complete without suspending.

Only safe because these connections cannot write and, in WAL mode, a reader
never waits for a writer: each is opened `mode=ro` with `PRAGMA
query_only=ON`. Writes (`Database.transaction()`) run inline too, but only
while holding the database's write turn, so that they never wait for SQLite's
lock on the loop (sqlite_tulis.py). A
database not (yet) in WAL mode — where a reader does wait for a writer —
gets an ordinary aiosqlite reader instead.

The price: a statement holds the loop for as long as it runs (before, SQLite
ran it on aiosqlite's thread with the GIL released). The reads of an RPC
take well under a millisecond each; a read that scans much (a report over
thousands of rows) holds up every other RPC meanwhile, and is better given
an aiosqlite session of its own if one appears.

No file is created wider than 0600: the database exists (db.url_for made it
0600) before any reader opens it, and SQLite gives the -wal and -shm a
reader may create the database file's mode.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiosqlite
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

# A WAL reader waits only while another connection recovers the WAL (the
# first open after a crash): briefly, and then it holds up the whole loop.
TUNGGU_MS = 250


class KursorLangsung:
    """An aiosqlite.Cursor's surface over a sqlite3 cursor, completed at once."""

    __slots__ = ("_c",)

    def __init__(self, c: sqlite3.Cursor) -> None:
        self._c = c

    async def __aenter__(self) -> KursorLangsung:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._c.close()

    @property
    def description(self) -> Any:
        return self._c.description

    @property
    def rowcount(self) -> int:
        return self._c.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._c.lastrowid

    @property
    def arraysize(self) -> int:
        return self._c.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._c.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> KursorLangsung:
        self._c.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> KursorLangsung:
        self._c.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._c.fetchone()

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        return self._c.fetchmany(self._c.arraysize if size is None else size)

    async def fetchall(self) -> Sequence[Any]:
        return self._c.fetchall()

    async def close(self) -> None:
        self._c.close()


class KoneksiLangsung:
    """An aiosqlite.Connection's surface (what SQLAlchemy's adapter uses) over
    a read-only sqlite3 connection, completed at once on the calling thread."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # The adapter asks `_connection` whether the connection is still open.
        self._connection: sqlite3.Connection | None = conn

    def _buka(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._buka().isolation_level

    def cursor(self) -> KursorLangsung:
        return KursorLangsung(self._buka().cursor())

    async def execute(self, sql: str, parameters: Any = ()) -> KursorLangsung:
        return await self.cursor().execute(sql, parameters)

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._buka().create_function(*args, **kw)

    async def commit(self) -> None:
        self._buka().commit()

    async def rollback(self) -> None:
        self._buka().rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        """What aiosqlite's terminate calls: nothing runs in the background."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _uri(berkas: str) -> str:
    return f"file:{quote(berkas)}?mode=ro"


async def buka(berkas: str) -> KoneksiLangsung | aiosqlite.Connection:
    conn = sqlite3.connect(_uri(berkas), uri=True, check_same_thread=False)
    try:
        # busy_timeout 0 while asking: this answer must not wait either.
        conn.execute("PRAGMA busy_timeout=0")
        wal = conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    except sqlite3.OperationalError:
        wal = False
    if not wal:
        conn.close()
        lambat = aiosqlite.connect(_uri(berkas), uri=True, check_same_thread=False, timeout=30)
        # As SQLAlchemy does for its own: a reader left open never holds up exit.
        if isinstance(lambat, threading.Thread):
            lambat.daemon = True
        else:
            lambat._thread.daemon = True
        hasil = await lambat
        await hasil.execute("PRAGMA query_only=ON")
        return hasil
    conn.execute(f"PRAGMA busy_timeout={TUNGGU_MS}")
    conn.execute("PRAGMA query_only=ON")
    return KoneksiLangsung(conn)


class PembacaLangsung:
    """One read-only connection for sqlite_langsung's statements of every
    read session of a database: each runs and is fetched whole before
    anything else runs on the loop, so one connection serves them all (as
    through SQLAlchemy, each SELECT sees the database as of its own start).
    None while the database is not in WAL mode: then SQLAlchemy reads."""

    def __init__(self, berkas: str) -> None:
        self._berkas = berkas
        self._koneksi: KoneksiLangsung | None = None

    async def sqlite(self) -> sqlite3.Connection | None:
        if self._koneksi is None or self._koneksi._connection is None:
            k = await buka(self._berkas)
            if not isinstance(k, KoneksiLangsung):
                await k.close()
                return None
            self._koneksi = k
        return self._koneksi._connection

    def tutup(self) -> None:
        if self._koneksi is not None:
            self._koneksi.stop()


class PenandaUbah:
    """Whether anything was committed to a SQLite database since last asked,
    by any connection of any process: `PRAGMA data_version` on a read-only
    connection of its own, which never writes, so every commit it reports
    is somebody else's (https://www.sqlite.org/pragma.html#pragma_data_version).
    A cache of reads tagged with this number is never stale: the number
    moves with the first commit after it was read (issue 18). It costs one
    pragma, no table read. None when it cannot say (not WAL, the file
    unreadable for a moment): then nothing may be taken from such a cache."""

    def __init__(self, berkas: str) -> None:
        self._berkas = berkas
        self._conn: sqlite3.Connection | None = None

    def versi(self) -> int | None:
        try:
            if self._conn is None:
                conn = sqlite3.connect(_uri(self._berkas), uri=True, check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout={TUNGGU_MS}")
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.close()
                    return None
                self._conn = conn
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            self.tutup()
            return None

    def tutup(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def berkas_sqlite(url: URL) -> str | None:
    """The file of a SQLite database URL; None for PostgreSQL and in-memory ones."""
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database or ""
    if not db or db == ":memory:" or db.startswith("file:") or "mode=memory" in db:
        return None
    return str(Path(db))


def mesin_baca(url: URL, pool_size: int = 5) -> AsyncEngine | None:
    """The inline read engine for a SQLite file database, None otherwise."""
    berkas = berkas_sqlite(url)
    if berkas is None:
        return None

    async def pencipta() -> Any:
        return await buka(berkas)

    return create_async_engine(
        url,
        async_creator=pencipta,
        pool_size=pool_size,
        # Never wait for a free connection: a wait would be on the loop
        # itself (a session that awaits something else keeps its connection).
        max_overflow=-1,
    )
