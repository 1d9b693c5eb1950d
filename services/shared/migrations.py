"""Alembic, one migration folder per service (services/<name>/migrations).

Each service's env.py calls `run_env()`; `upgrade()` is what `ekinerja migrate`
and the tests call."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from services.shared.db import create_engine, is_postgres


def alembic_config(service: str, migrations_dir: Path, url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["service"] = service
    return cfg


def upgrade(service: str, migrations_dir: Path, url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(service, migrations_dir, url), revision)


class SkemaUsang(RuntimeError):
    """The store's schema is behind the code: run `ekinerja migrate`."""


async def assert_current(service: str, migrations_dir: Path, engine: AsyncEngine) -> None:
    """Refuses to serve a store whose schema is behind the code."""
    heads = set(ScriptDirectory.from_config(alembic_config(service, migrations_dir, "sqlite://")).get_heads())
    try:
        async with engine.connect() as conn:
            current = set((await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars())
    except DBAPIError:
        current = set()
    if current != heads:
        raise SkemaUsang(
            f"Skema basis data layanan {service} belum mutakhir ({', '.join(sorted(current)) or 'kosong'}; "
            f"seharusnya {', '.join(sorted(heads))}). Jalankan `ekinerja migrate` terlebih dahulu."
        )


def run_env(target_metadata: MetaData) -> None:
    """The body of every service's migrations/env.py (online mode only)."""
    cfg = context.config
    url = cfg.get_main_option("sqlalchemy.url")
    service = cfg.attributes["service"]
    assert url

    def do_run(connection: Connection) -> None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite alters tables by copying them
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_engine(url, service)
        try:
            async with engine.begin() as conn:
                if is_postgres(url):
                    await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{service}"'))
                    await conn.execute(text(f'SET search_path TO "{service}"'))
                await conn.run_sync(do_run)
        finally:
            await engine.dispose()

    # alembic's command API is synchronous; `ekinerja migrate` calls it off the loop.
    asyncio.run(run())


def buat_jejak_audit_v1() -> None:
    """In a migration: the jejak audit table every service keeps (jejak_audit.py),
    as it was first created — a frozen copy, so later changes to the model
    come as migrations of their own — with its indexes, and with the
    database itself refusing to change or delete a row: not even a bug in a
    service (or a hand-typed UPDATE through its connection) rewrites history."""
    import sqlalchemy as sa
    from alembic import op

    teks = [
        (nama, sa.String(length=n))
        for nama, n in (
            ("instansi_id", 32),
            ("metode", 100),
            ("aktor", 64),
            ("aktor_nama", 200),
            ("aktor_peran", 100),
            ("atas_nama", 18),
            ("sasaran", 300),
        )
    ]
    op.create_table(
        "jejak_audit",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        *(sa.Column(nama, jenis, nullable=False) for nama, jenis in teks),
        *(sa.Column(nama, sa.Text(), nullable=False) for nama in ("sebelum", "sesudah", "alasan")),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jejak_audit")),
    )
    op.create_index("ix_jejak_audit_atas_nama_waktu", "jejak_audit", ["atas_nama", "waktu"])
    op.create_index("ix_jejak_audit_instansi_waktu", "jejak_audit", ["instansi_id", "waktu"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE OR REPLACE FUNCTION jejak_audit_tetap() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'jejak audit tidak dapat diubah atau dihapus'; END;
            $$ LANGUAGE plpgsql""")
        op.execute(
            "CREATE TRIGGER jejak_audit_tetap BEFORE UPDATE OR DELETE ON jejak_audit "
            "FOR EACH ROW EXECUTE FUNCTION jejak_audit_tetap()"
        )
    else:
        for aksi in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER jejak_audit_tetap_{aksi.lower()} BEFORE {aksi} ON jejak_audit "
                "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah atau dihapus'); END"
            )


def hapus_jejak_audit_v1() -> None:
    from alembic import op

    op.drop_table("jejak_audit")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS jejak_audit_tetap()")


def buat_giliran_v1() -> None:
    """In a migration: the turn table of services/shared/giliran.py, frozen."""
    import sqlalchemy as sa
    from alembic import op

    op.create_table(
        "giliran",
        sa.Column("kunci", sa.String(length=100), nullable=False),
        sa.Column("kali", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kunci", name=op.f("pk_giliran")),
    )


def hapus_giliran_v1() -> None:
    from alembic import op

    op.drop_table("giliran")
