"""`Database.transaction()` on SQLite (issue 18): one writer at a time per
database file, across processes (services/shared/sqlite_tulis.py). Two
Database objects on one file stand for two processes: each has its own
open lock file, and flock locks conflict between open files as between
processes."""

from __future__ import annotations

import asyncio
import fcntl
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from services.shared import sqlite_tulis
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.errors import TidakTersedia


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


async def _buat(settings: Settings) -> None:
    db = Database.for_service(settings, "uji")
    async with db.transaction() as s:
        await s.execute(text("CREATE TABLE hitungan (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"))
        await s.execute(text("INSERT INTO hitungan (id, n) VALUES (1, 0)"))
    await db.dispose()


async def test_dua_proses_menambah_tanpa_kehilangan_satu_pun(settings: Settings) -> None:
    # Read, yield to the other writers, then write what was read plus one:
    # without one writer at a time across both "processes", increments are lost.
    await _buat(settings)
    dbs = [Database.for_service(settings, "uji") for _ in range(2)]

    async def tambah(db: Database) -> None:
        async with db.transaction() as s:
            n = await s.scalar(text("SELECT n FROM hitungan WHERE id = 1"))
            await asyncio.sleep(0.001)
            await s.execute(text("UPDATE hitungan SET n = :n WHERE id = 1"), {"n": n + 1})

    try:
        await asyncio.gather(*(tambah(dbs[i % 2]) for i in range(60)))
        async with dbs[0].read() as s:
            assert await s.scalar(text("SELECT n FROM hitungan WHERE id = 1")) == 60
    finally:
        for db in dbs:
            await db.dispose()


async def test_giliran_yang_tak_kunjung_lepas_tidak_tersedia_lalu_pulih(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _buat(settings)
    monkeypatch.setattr(sqlite_tulis, "TUNGGU_DETIK", 0.3)
    db = Database.for_service(settings, "uji")
    lain = os.open(settings.data_dir / "uji.db-tulis", os.O_RDWR)  # another process holding the turn
    try:
        fcntl.flock(lain, fcntl.LOCK_EX)
        with pytest.raises(TidakTersedia):
            async with db.transaction() as s:
                await s.execute(text("UPDATE hitungan SET n = 99"))
        fcntl.flock(lain, fcntl.LOCK_UN)
        # The thread that kept waiting got the turn and gave it back: writes go on.
        async with asyncio.timeout(5), db.transaction() as s:
            await s.execute(text("UPDATE hitungan SET n = n + 1 WHERE id = 1"))
        async with db.read() as s:
            assert await s.scalar(text("SELECT n FROM hitungan WHERE id = 1")) == 1
    finally:
        os.close(lain)
        await db.dispose()


async def test_transaksi_bersarang_ditolak_bukan_menunggu_dirinya(settings: Settings) -> None:
    await _buat(settings)
    db = Database.for_service(settings, "uji")
    try:
        async with db.transaction():
            with pytest.raises(RuntimeError, match="bersarang"):
                async with db.transaction():
                    pass
    finally:
        await db.dispose()


async def test_berkas_kunci_0600(settings: Settings) -> None:
    lama = os.umask(0o022)
    try:
        await _buat(settings)
    finally:
        os.umask(lama)
    assert stat.S_IMODE((settings.data_dir / "uji.db-tulis").stat().st_mode) == 0o600


async def test_tugas_yang_dimulai_di_dalam_transaksi_menunggu_gilirannya(settings: Settings) -> None:
    # A task started inside a transaction (mail sent in the background) is
    # another writer: it waits for the turn, it is not a nested transaction.
    await _buat(settings)
    db = Database.for_service(settings, "uji")

    async def tambah() -> None:
        async with db.transaction() as s:
            await s.execute(text("UPDATE hitungan SET n = n * 10 WHERE id = 1"))

    try:
        async with db.transaction() as s:
            await s.execute(text("UPDATE hitungan SET n = 1 WHERE id = 1"))
            tugas = asyncio.create_task(tambah())
            await asyncio.sleep(0.05)
            assert not tugas.done()
        await asyncio.wait_for(tugas, 5)
        async with db.read() as s:
            assert await s.scalar(text("SELECT n FROM hitungan WHERE id = 1")) == 10
    finally:
        await db.dispose()


async def test_symlink_di_tempat_berkas_kunci_tidak_diikuti(settings: Settings, tmp_path: Path) -> None:
    await _buat(settings)
    (settings.data_dir / "uji.db-tulis").unlink()
    sasaran = tmp_path / "di-luar"
    (settings.data_dir / "uji.db-tulis").symlink_to(sasaran)
    db = Database.for_service(settings, "uji")
    try:
        with pytest.raises(OSError):
            async with db.transaction() as s:
                await s.execute(text("UPDATE hitungan SET n = 5"))
        assert not sasaran.exists()
    finally:
        await db.dispose()


async def test_transaksi_dan_bacaan_tidak_menyerahkan_loop(settings: Settings) -> None:
    """From its first statement to the end of its close, a write on SQLite
    runs without handing the loop to another task: others would run while
    it holds the write turn (AsyncSession's own close does, in a task behind
    asyncio.shield; Database closes the inline sessions with a plain await).
    Reads likewise, for what that task costs."""
    db = Database.for_service(settings, "uji")
    giliran = 0
    berhenti = asyncio.Event()

    async def lain() -> None:
        nonlocal giliran
        while not berhenti.is_set():
            giliran += 1
            await asyncio.sleep(0)

    tugas = asyncio.create_task(lain())
    try:
        async with db.transaction() as s:
            await s.execute(text("CREATE TABLE IF NOT EXISTS catatan (id INTEGER PRIMARY KEY, teks TEXT)"))
        await asyncio.sleep(0)
        for _ in range(3):
            async with db.transaction() as s:
                awal = giliran
                await s.execute(text("INSERT INTO catatan (teks) VALUES ('x')"))
                await s.execute(text("SELECT count(*) FROM catatan"))
            assert giliran == awal, "the loop ran another task inside a write"
            async with db.read() as s:
                awal = giliran
                await s.execute(text("SELECT count(*) FROM catatan"))
            assert giliran == awal, "the loop ran another task inside a read"
            await asyncio.sleep(0)
    finally:
        berhenti.set()
        await tugas
        await db.dispose()
