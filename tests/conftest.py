"""Shared fixtures. Database tests run on SQLite and on PostgreSQL.

The schema and the test organisation (tests/data.py) are built once per
session into a template; each test gets its own copy (SQLite files copied, or
`CREATE DATABASE … TEMPLATE …` on PostgreSQL), so tests never see each other's
writes. Without a PostgreSQL server the PostgreSQL cases skip, unless
EKINERJA_TEST_REQUIRE_POSTGRES=1 (set by .ci/run), where they fail.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import asyncpg
import grpc
import pytest
from sqlalchemy.engine import make_url

from services.registry import MODULES
from services.shared.config import SERVICES, Settings
from services.shared.db import Database, url_for
from services.shared.migrations import upgrade
from services.shared.server import Running, start
from services.shared.tokens import ensure_keypair
from tests import data
from tests.fuzz.summary import pytest_terminal_summary  # noqa: F401  (fuzz case counts at session end)

T = TypeVar("T")

PG_URL = os.environ.get("EKINERJA_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("EKINERJA_TEST_REQUIRE_POSTGRES") == "1"
BACKENDS = ["sqlite", "postgresql"]


def _pg_dsn(database: str) -> str:
    url = make_url(PG_URL).set(drivername="postgresql", database=database)
    return url.render_as_string(hide_password=False)


def _off_loop(fn: Callable[[], T]) -> T:
    """Runs blocking set-up (which may start its own event loop) on another
    thread. asyncio.run() on the main thread between tests replaces the loop
    that grpc.aio's poller thread talks to, and a later test then hangs."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def _pg_admin(sql: str) -> None:
    async def run() -> None:
        conn = await asyncpg.connect(_pg_dsn(make_url(PG_URL).database or "postgres"), timeout=5)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    _off_loop(lambda: asyncio.run(run()))


@pytest.fixture(scope="session")
def postgres_available() -> bool:
    try:
        _pg_admin("SELECT 1")
        return True
    except (OSError, asyncpg.PostgresError) as exc:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (EKINERJA_TEST_REQUIRE_POSTGRES=1) but unreachable: {exc}")
        return False


def _migrate(settings: Settings, names: tuple[str, ...] = SERVICES) -> None:
    for name in names:
        _off_loop(lambda n=name: upgrade(n, MODULES[n].migrations_dir, url_for(settings, n)))


def _build(settings: Settings) -> None:
    _migrate(settings)

    async def fill() -> None:
        db = Database.for_service(settings, "profil")
        try:
            await data.isi(db)
        finally:
            await db.dispose()

    _off_loop(lambda: asyncio.run(fill()))


@dataclass
class Template:
    backend: str
    source: str  # a folder (sqlite) or a database name (postgresql)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory, postgres_available: bool) -> Iterator[dict[str, Template]]:
    made: dict[str, Template] = {}
    folder = tmp_path_factory.mktemp("template-sqlite")
    _build(Settings(data_dir=folder))
    made["sqlite"] = Template("sqlite", str(folder))
    pg_name = None
    if postgres_available:
        pg_name = f"ekinerja_tpl_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE DATABASE "{pg_name}"')
        _build(Settings(data_dir=folder, database_url=_url(pg_name)))
        made["postgresql"] = Template("postgresql", pg_name)
    yield made
    if pg_name:
        _pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


def _url(database: str) -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, postgres_available: bool) -> str:
    if request.param == "postgresql" and not postgres_available:
        pytest.skip("PostgreSQL tidak tersedia")
    return str(request.param)


@pytest.fixture
def settings(backend: str, templates: dict[str, Template], tmp_path: Path) -> Iterator[Settings]:
    """Settings of a fresh copy of the test organisation on `backend`."""
    template = templates[backend]
    data_dir = tmp_path / "data"
    if backend == "sqlite":
        shutil.copytree(template.source, data_dir)
        yield Settings(data_dir=data_dir, port=0, log_level="WARNING")
        return
    name = f"ekinerja_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template.source}"')
    data_dir.mkdir()
    try:
        yield Settings(data_dir=data_dir, database_url=_url(name), port=0, log_level="WARNING")
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def empty_settings(backend: str, tmp_path: Path) -> Iterator[Settings]:
    """A migrated profil store with no data at all, on `backend`."""
    data_dir = tmp_path / "kosong"
    name = f"ekinerja_kosong_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        settings = Settings(data_dir=data_dir, port=0, log_level="WARNING")
    else:
        _pg_admin(f'CREATE DATABASE "{name}"')
        settings = Settings(data_dir=data_dir, database_url=_url(name), port=0, log_level="WARNING")
    try:
        _migrate(settings, ("profil",))
        yield settings
    finally:
        if backend == "postgresql":
            _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def profil_db(empty_settings: Settings) -> AsyncIterator[Database]:
    db = Database.for_service(empty_settings, "profil")
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
async def server(settings: Settings) -> AsyncIterator[Running]:
    """All four services in-process on a free port, as `ekinerja serve` runs them."""
    ensure_keypair(settings.private_key_path, settings.public_key_path)
    running = await start(settings, list(MODULES.values()), port=0)
    try:
        yield running
    finally:
        await running.stop(grace=1)


@pytest.fixture
def address(server: Running) -> str:
    return f"{server.context.settings.host}:{server.port}"


class Client:
    """A real channel to the test server, with a helper to log in as someone."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        from ekinerja.cetak.v1 import cetak_pb2_grpc
        from ekinerja.penilaian.v1 import penilaian_pb2_grpc
        from ekinerja.profil.v1 import auth_pb2_grpc, profil_pb2_grpc
        from ekinerja.skp.v1 import skp_pb2_grpc

        self.channel = channel
        self.auth = auth_pb2_grpc.AuthServiceStub(channel)
        self.profil = profil_pb2_grpc.ProfilServiceStub(channel)
        self.skp = skp_pb2_grpc.SkpServiceStub(channel)
        self.penilaian = penilaian_pb2_grpc.PenilaianServiceStub(channel)
        self.cetak = cetak_pb2_grpc.CetakServiceStub(channel)

    async def login(
        self, nip: str = "", username: str = "", password: str = data.PASSWORD
    ) -> tuple[tuple[str, str], ...]:
        from ekinerja.profil.v1 import auth_pb2

        resp = await self.auth.Login(auth_pb2.LoginRequest(nip=nip, username=username, password=password))
        return (("authorization", f"Bearer {resp.access_token}"),)


@pytest.fixture
async def client(address: str) -> AsyncIterator[Client]:
    async with grpc.aio.insecure_channel(address) as channel:
        yield Client(channel)
