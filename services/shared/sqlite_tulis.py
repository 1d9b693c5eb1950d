"""Writes to SQLite: one writer at a time, handed on at once, run on the
event loop's own thread (issue 18).

SQLite lets one connection write at a time. Left to itself, a second writer
waits in SQLite's busy handler, which sleeps 1, 2, 5 … up to 100 ms between
tries: under 32 clients writing (and with `serve --workers N`, N processes
on one file) most of a write's time was spent asleep after the lock was
already free (p99 over a second), and each statement of a write also paid
aiosqlite's thread hop.

So each SQLite database has a write turn (`GiliranTulis`): first an
asyncio.Lock among the tasks of this process (fair, FIFO), then an exclusive
flock on a file beside the database among the processes sharing it (the
workers of `serve`, a CLI command). The holder of the turn is the only
writer of ours, so its statements never wait for SQLite's lock and can run
inline (`mesin_tulis`, as sqlite_baca does for reads) without holding up the
loop. While another process holds the flock, one thread of this process
waits in it (the kernel wakes it on release), never the loop's thread and
never inside SQLite; after `TUNGGU_DETIK` the call gives up (UNAVAILABLE,
as a lost database), which no caller's deadline shortens.

A nested write transaction on the same database in one task would wait for
itself: it is refused at once instead (a programming error).

What still writes without the turn: migrations (`ekinerja migrate`, before
`serve` starts its workers) and SQLite's own checkpoint, which runs inline
on a commit now and then (every ~1,000 pages of WAL). For those the inline
connection keeps a busy timeout (`TUNGGU_SQLITE_MS`).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import queue
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from services.shared import berkas_rahasia
from services.shared.errors import TidakTersedia
from services.shared.sqlite_baca import KoneksiLangsung, berkas_sqlite

TUNGGU_DETIK = 30.0  # as the busy_timeout writers had before
TUNGGU_SQLITE_MS = 5_000  # a migration or checkpoint of another process; holds up the loop meanwhile

SIBUK = "Basis data sedang sibuk; coba lagi sebentar lagi."


class GiliranTulis:
    """The write turn of one SQLite database file."""

    def __init__(self, berkas: str) -> None:
        self._berkas = berkas
        self._kunci_file = Path(berkas + "-tulis")
        self._fd: int | None = None
        self._lock = asyncio.Lock()
        self._pemegang: asyncio.Task[object] | None = None
        self._kembalikan: asyncio.Task[None] | None = None  # see _ambil_flock
        self._penunggu: queue.SimpleQueue[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] | None = None

    def _buka(self) -> int:
        if self._fd is None:
            # 0600 from the moment it exists, as the database beside it; a
            # symlink put in its place is refused, not followed.
            fd = os.open(self._kunci_file, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, berkas_rahasia.MODE_BERKAS)
            os.set_inheritable(fd, False)
            self._fd = fd
        return self._fd

    def _coba(self) -> bool:
        try:
            fcntl.flock(self._buka(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _tunggu_di_utas(self) -> None:
        """The thread that waits in flock for this process (one at a time:
        the asyncio.Lock is held meanwhile): the kernel wakes it the moment
        another process lets go, where polling would wake late."""
        assert self._penunggu is not None
        while True:
            loop, fut = self._penunggu.get()
            try:
                fcntl.flock(self._buka(), fcntl.LOCK_EX)
            except BaseException as e:  # noqa: BLE001 - handed to the waiting task
                loop.call_soon_threadsafe(_gagal, fut, e)
            else:
                loop.call_soon_threadsafe(_selesai, fut)

    async def _ambil_flock(self, batas: float) -> bool:
        """True with the flock taken. False when time ran out: the thread
        still waits and will get it, so this process's writers stay behind
        it (the asyncio.Lock passes to a task that gives both back then)."""
        if self._coba():
            return True
        if self._penunggu is None:
            self._penunggu = queue.SimpleQueue()
            # A daemon: one stuck in flock never holds up the process's exit.
            threading.Thread(target=self._tunggu_di_utas, name="giliran-tulis", daemon=True).start()
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[None] = loop.create_future()
        self._penunggu.put((loop, fut))
        try:
            await asyncio.wait_for(asyncio.shield(fut), max(0.0, batas - time.monotonic()))
        except (TimeoutError, asyncio.CancelledError) as e:
            self._kembalikan = loop.create_task(self._kembalikan_nanti(fut))
            if isinstance(e, asyncio.CancelledError):
                raise
            return False
        return True

    async def _kembalikan_nanti(self, fut: asyncio.Future[None]) -> None:
        try:
            await fut
            fcntl.flock(self._buka(), fcntl.LOCK_UN)
        finally:
            self._lock.release()

    @contextlib.asynccontextmanager
    async def __call__(self) -> AsyncIterator[None]:
        if self._lock.locked() and self._pemegang is asyncio.current_task():
            raise RuntimeError(f"transaksi tulis bersarang pada {self._berkas}: menunggu dirinya sendiri")
        batas = time.monotonic() + TUNGGU_DETIK
        try:
            await asyncio.wait_for(self._lock.acquire(), TUNGGU_DETIK)
        except TimeoutError:
            raise TidakTersedia(SIBUK) from None
        try:
            dapat = await self._ambil_flock(batas)
        except asyncio.CancelledError:
            raise  # the lock went to _kembalikan_nanti
        except BaseException:
            self._lock.release()
            raise
        if not dapat:
            raise TidakTersedia(SIBUK)
        # The task, not a context variable: a task started inside the
        # transaction inherits the context but is another writer, who waits.
        self._pemegang = asyncio.current_task()
        try:
            yield
        finally:
            self._pemegang = None
            fcntl.flock(self._buka(), fcntl.LOCK_UN)
            self._lock.release()

    def tutup(self) -> None:
        if self._fd is not None and not self._lock.locked():
            os.close(self._fd)
            self._fd = None


def _selesai(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)


def _gagal(fut: asyncio.Future[None], e: BaseException) -> None:
    if not fut.done():
        fut.set_exception(e)


async def _buka_koneksi(berkas: str) -> KoneksiLangsung:
    conn = sqlite3.connect(berkas, check_same_thread=False)
    # As db.create_engine's writers: WAL so that readers run beside the
    # writer, NORMAL: a commit does not wait for the disk (the WAL is synced
    # at checkpoints), foreign keys enforced.
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={TUNGGU_SQLITE_MS}")
    return KoneksiLangsung(conn)


class SatuKoneksi:
    """The one connection of a database's write engine. SQLAlchemy's pool
    hands it out (StaticPool: one writer holds the turn at a time, so one
    connection is all the engine needs) and sqlite_langsung writes on it,
    so the statements of both are one transaction.

    It is always opened by the pool, never here: SQLAlchemy's first connect
    sets the connection up and then rolls it back, which would undo
    statements already written on it."""

    def __init__(self, berkas: str) -> None:
        self._berkas = berkas
        self._koneksi: KoneksiLangsung | None = None
        self.mesin: AsyncEngine | None = None

    async def buat(self) -> KoneksiLangsung:
        """The pool's creator: asked once, and again after the pool closed
        the last one (dispose, invalidate)."""
        self._koneksi = await _buka_koneksi(self._berkas)
        return self._koneksi

    async def sqlite(self) -> sqlite3.Connection:
        if self._koneksi is None or self._koneksi._connection is None:
            assert self.mesin is not None
            async with self.mesin.connect():
                pass  # the pool opens it
        assert self._koneksi is not None
        return self._koneksi._buka()


def mesin_tulis(url: URL) -> tuple[AsyncEngine, GiliranTulis, SatuKoneksi] | None:
    """The inline write engine of a SQLite file database, its write turn
    and its one connection; None for PostgreSQL and in-memory databases."""
    berkas = berkas_sqlite(url)
    if berkas is None:
        return None
    satu = SatuKoneksi(berkas)
    satu.mesin = create_async_engine(url, async_creator=satu.buat, poolclass=StaticPool)
    return satu.mesin, GiliranTulis(berkas), satu
