"""`Database.read()` on SQLite (issue 18): reads run on the event loop's own
thread over read-only connections (writes: test_tulis_sqlite.py)."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import sqlite_baca
from services.shared.config import Settings
from services.shared.db import Database


async def _driver(s: AsyncSession) -> object:
    conn = await s.connection()
    return (await conn.get_raw_connection()).driver_connection


async def _isi(settings: Settings) -> None:
    """A table with a row, written the ordinary way (which also puts the
    database in WAL mode); the Database is closed afterwards."""
    db = Database.for_service(settings, "uji")
    async with db.transaction() as s:
        await s.execute(text("CREATE TABLE catatan (id INTEGER PRIMARY KEY, teks TEXT)"))
        await s.execute(text("INSERT INTO catatan (teks) VALUES ('pertama')"))
    await db.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def umask_longgar() -> Iterator[None]:
    lama = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(lama)


async def test_baca_langsung_di_thread_loop_tanpa_thread_aiosqlite(settings: Settings) -> None:
    await _isi(settings)
    db = Database.for_service(settings, "uji")
    try:
        thread_awal = set(threading.enumerate())
        async with db.read() as s:
            assert isinstance(await _driver(s), sqlite_baca.KoneksiLangsung)
            assert (await s.scalars(text("SELECT teks FROM catatan"))).all() == ["pertama"]
        # A write commits on the writer's connection (inline too: sqlite_tulis); the next read sees it.
        async with db.transaction() as s:
            assert isinstance(await _driver(s), sqlite_baca.KoneksiLangsung)
            await s.execute(text("INSERT INTO catatan (teks) VALUES ('kedua')"))
        assert set(threading.enumerate()) == thread_awal  # no aiosqlite worker was started
        async with db.read() as s:
            assert (await s.scalars(text("SELECT teks FROM catatan ORDER BY id"))).all() == ["pertama", "kedua"]
    finally:
        await db.dispose()


async def test_sesi_baca_menolak_menulis(settings: Settings) -> None:
    await _isi(settings)
    db = Database.for_service(settings, "uji")
    try:
        async with db.read() as s:
            with pytest.raises(OperationalError, match="readonly"):
                await s.execute(text("INSERT INTO catatan (teks) VALUES ('tidak boleh')"))
            assert (await s.scalar(text("PRAGMA query_only"))) == 1
        async with db.read() as s:
            assert (await s.scalars(text("SELECT teks FROM catatan"))).all() == ["pertama"]
    finally:
        await db.dispose()


async def test_tanpa_wal_pembaca_memakai_aiosqlite(settings: Settings) -> None:
    # A database in rollback-journal mode: there a reader waits for a
    # writer's lock, which must not happen on the loop.
    berkas = settings.data_dir / "uji.db"
    db = Database.for_service(settings, "uji")  # makes the (empty) file 0600
    try:
        with sqlite3.connect(berkas) as conn:
            conn.execute("CREATE TABLE catatan (id INTEGER PRIMARY KEY, teks TEXT)")
        conn.close()
        async with db.read() as s:
            assert isinstance(await _driver(s), aiosqlite.Connection)
            assert (await s.scalars(text("SELECT count(*) FROM catatan"))).all() == [0]
            with pytest.raises(OperationalError, match="readonly"):
                await s.execute(text("INSERT INTO catatan (teks) VALUES ('tidak boleh')"))
    finally:
        await db.dispose()


@pytest.mark.usefixtures("umask_longgar")
async def test_berkas_yang_dibuat_pembaca_tetap_0600(settings: Settings) -> None:
    await _isi(settings)
    berkas = settings.data_dir / "uji.db"
    # The writer's last close removed the -wal and -shm: the reader makes them.
    assert not berkas.with_name("uji.db-wal").exists()
    db = Database.for_service(settings, "uji")
    try:
        async with db.read() as s:
            await s.execute(text("SELECT count(*) FROM catatan"))
            for akhiran in ("", "-wal", "-shm"):
                assert stat.S_IMODE(berkas.with_name("uji.db" + akhiran).stat().st_mode) == 0o600, akhiran
    finally:
        await db.dispose()


def test_postgresql_dan_memori_tanpa_pembaca_langsung() -> None:
    from sqlalchemy.engine import make_url

    assert sqlite_baca.berkas_sqlite(make_url("postgresql+asyncpg://u@h/db")) is None
    assert sqlite_baca.berkas_sqlite(make_url("sqlite+aiosqlite://")) is None
    assert sqlite_baca.berkas_sqlite(make_url("sqlite+aiosqlite:///:memory:")) is None
    assert sqlite_baca.berkas_sqlite(make_url("sqlite+aiosqlite:////data/skp.db")) == "/data/skp.db"


async def test_versi_data_bergerak_dengan_setiap_commit_dari_mana_pun(settings: Settings) -> None:
    """The number read caches are tagged with (services/shared/tembolok_versi.py,
    skp's Detail SKP, penilaian's periods): unchanged while nothing is committed,
    moved by a commit of this Database, of another one on the same file
    (another worker process) and of a plain sqlite3 connection."""
    await _isi(settings)
    db = Database.for_service(settings, "uji")
    lain = Database.for_service(settings, "uji")
    try:
        awal = db.versi_data()
        assert awal is not None and db.versi_data() == awal
        async with db.read() as s:  # a read is not a change
            await s.execute(text("SELECT count(*) FROM catatan"))
        assert db.versi_data() == awal
        dilihat = [awal]
        for tulis in (db, lain):
            async with tulis.transaction() as s:
                await s.execute(text("INSERT INTO catatan (teks) VALUES ('lagi')"))
            dilihat.append(db.versi_data())
        with sqlite3.connect(settings.data_dir / "uji.db") as conn:
            conn.execute("UPDATE catatan SET teks = 'diubah' WHERE id = 1")
        conn.close()
        dilihat.append(db.versi_data())
        assert len(set(dilihat)) == len(dilihat), dilihat
        async with db.transaction() as s:  # a transaction that commits nothing
            await s.execute(text("SELECT 1"))
        assert db.versi_data() == dilihat[-1]
    finally:
        await db.dispose()
        await lain.dispose()


async def test_versi_data_tidak_ada_tanpa_wal_dan_di_postgresql(settings: Settings) -> None:
    db = Database.for_service(settings, "uji")
    try:
        with sqlite3.connect(settings.data_dir / "uji.db") as conn:
            conn.execute("CREATE TABLE catatan (id INTEGER PRIMARY KEY)")
        conn.close()
        assert db.versi_data() is None  # rollback journal: no cache may be used
    finally:
        await db.dispose()
    pg = Database.for_service(Settings(data_dir=settings.data_dir, database_url="postgresql+asyncpg://u@h/db"), "uji")
    try:
        assert pg.versi_data() is None
    finally:
        await pg.dispose()
