"""PostgreSQL connections (services/shared/db.py, issue 18): reads on an
autocommit engine whose connections refuse writes; a connection kept in the
pool and killed meanwhile is replaced — silently when it sat unused longer
than DIAM_DETIK (pinged first), at the price of one failed statement when it
was in steady use (then the whole pool is renewed)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from services.shared import db as db_mod
from services.shared.config import Settings
from services.shared.db import Database


@pytest.fixture
async def pg(empty_settings: Settings, backend: str) -> AsyncIterator[Database]:
    if backend != "postgresql":
        pytest.skip("tentang sambungan PostgreSQL")
    database = Database.for_service(empty_settings, "profil")
    try:
        yield database
    finally:
        await database.dispose()


async def _bunuh_semua(database: Database) -> int:
    """Ends every backend of this database but the caller's (as a restart would)."""
    url = make_url(database.engine.url).set(drivername="postgresql")
    conn = await asyncpg.connect(url.render_as_string(hide_password=False))
    try:
        return int(
            await conn.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    finally:
        await conn.close()


async def _pid(database: Database) -> int:
    async with database.read() as s:
        return int(await s.scalar(text("SELECT pg_backend_pid()")))


async def test_baca_autocommit_dan_menolak_tulisan(pg: Database) -> None:
    async with pg.read() as s:
        assert await s.scalar(text("SELECT current_setting('transaction_read_only')")) == "on"
        # now() is the transaction's start: a new one for each statement, none left open.
        awal = await s.scalar(text("SELECT now()"))
        await s.execute(text("SELECT pg_sleep(0.01)"))
        assert await s.scalar(text("SELECT now()")) > awal
        with pytest.raises(DBAPIError, match="read-only"):
            await s.execute(text("CREATE TABLE tidak_boleh (id int)"))
    async with pg.transaction() as s:
        await s.execute(text("CREATE TEMP TABLE boleh (id int)"))


async def test_sambungan_diam_yang_mati_diganti_diam_diam(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    lama = await _pid(pg)
    assert await _bunuh_semua(pg) >= 1
    monkeypatch.setattr(db_mod, "DIAM_DETIK", 0.0)  # every checkout now follows a long enough pause
    assert await _pid(pg) != lama
    async with pg.transaction() as s:
        assert await s.scalar(text("SELECT 1")) == 1


async def test_sambungan_aktif_yang_mati_gagal_sekali_lalu_pulih(pg: Database) -> None:
    lama = await _pid(pg)
    assert await _bunuh_semua(pg) >= 1
    with pytest.raises(DBAPIError) as e:
        await _pid(pg)  # used a moment ago: not pinged
    assert e.value.connection_invalidated  # answered UNAVAILABLE by the Boundary
    assert await _pid(pg) != lama
