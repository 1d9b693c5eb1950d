"""Core statements straight to sqlite3 (services/shared/sqlite_langsung.py,
issue 18): the same values, errors and transactions as through SQLAlchemy,
and SQLAlchemy's own path whenever it must be (a statement built per call,
ORM statements, an engine someone listens to)."""

from __future__ import annotations

import datetime as dt
import decimal
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    bindparam,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.shared import sqlite_langsung
from services.shared.config import Settings
from services.shared.db import Database

META = MetaData()
ISI = Table(
    "isi",
    META,
    Column("id", Integer, primary_key=True),
    Column("nama", String(50), nullable=False),
    Column("aktif", Boolean, nullable=False),
    Column("waktu", DateTime(timezone=True)),
    Column("tanggal", Date),
    Column("nilai", Numeric(10, 2)),
    Column("data", JSON),
    Column("bita", LargeBinary),
)


class Base(DeclarativeBase):
    metadata = META


class Isi(Base):
    __table__ = ISI
    id: Mapped[int]
    nama: Mapped[str]
    aktif: Mapped[bool]


class Catatan(Base):
    __tablename__ = "catatan"
    id: Mapped[int] = mapped_column(primary_key=True)
    teks: Mapped[str] = mapped_column(String(20), default="bawaan")


# Built once, as the services' hot statements are.
TAMBAH = ISI.insert()
BACA = select(ISI).where(ISI.c.id == bindparam("id")).order_by(ISI.c.id)
UBAH = ISI.update().where(ISI.c.id == bindparam("k_id")).values(nama=bindparam("nama"))
HAPUS = ISI.delete().where(ISI.c.id == bindparam("id"))
HITUNG = select(func.count()).select_from(ISI)

BARIS: dict[str, Any] = {
    "id": 1,
    "nama": "Budi",
    "aktif": True,
    "waktu": dt.datetime(2026, 12, 5, 7, 30, 15, 123456, tzinfo=dt.UTC),
    "tanggal": dt.date(2026, 1, 31),
    "nilai": decimal.Decimal("12.50"),
    "data": {"a": [1, 2], "b": "ß"},
    "bita": b"\x00\x01",
}


@pytest.fixture
async def db(tmp_path: Path) -> Any:
    database = Database.for_service(Settings(data_dir=tmp_path / "data"), "uji")
    async with database.engine.begin() as c:
        await c.run_sync(META.create_all)
    # The inline writer sets WAL; readers are inline only on a WAL database.
    async with database.transaction() as s:
        await s.execute(sqlalchemy.text("SELECT 1"))
    yield database
    await database.dispose()


def _rencana(pernyataan: object) -> bool:
    """Whether `pernyataan` now runs straight on sqlite3."""
    return any(
        k[0] == id(pernyataan) and isinstance(v, sqlite_langsung.Rencana)
        for k, v in sqlite_langsung.RENCANA._rencana.items()
    )


async def _dua_kali(db: Database, pernyataan: Any, params: dict[str, Any]) -> Any:
    async with db.transaction() as s:
        await s.execute(pernyataan, params)
        return await s.execute(pernyataan, params)


async def test_nilai_sama_dengan_sqlalchemy(db: Database) -> None:
    async with db.transaction() as s:
        await s.execute(TAMBAH, BARIS)
        await s.execute(TAMBAH, {**BARIS, "id": 2, "aktif": False, "waktu": None, "data": None, "nilai": None})
    async with db.read() as s:
        for _ in range(3):  # the third run is surely straight to sqlite3
            langsung = (await s.execute(BACA, {"id": 1})).one()
            kosong = (await s.execute(BACA, {"id": 2})).one()
    assert _rencana(BACA) and _rencana(TAMBAH)
    # The same rows read by SQLAlchemy itself, on the plain engine.
    async with db.engine.connect() as c:
        asli = (await c.execute(select(ISI).where(ISI.c.id == 1))).one()
        asli_kosong = (await c.execute(select(ISI).where(ISI.c.id == 2))).one()
    assert tuple(langsung) == tuple(asli) and tuple(kosong) == tuple(asli_kosong)
    assert langsung.waktu == BARIS["waktu"].replace(tzinfo=None)  # as SQLite's DateTime gives it back
    assert langsung.aktif is True and kosong.aktif is False
    assert langsung.nilai == decimal.Decimal("12.50") and langsung.data == BARIS["data"]
    assert langsung._mapping["nama"] == "Budi" and langsung[0] == 1
    async with db.read() as s:
        assert await s.scalar(HITUNG) == 2 and await s.scalar(HITUNG) == 2
        assert list(await s.scalars(BACA, {"id": 1})) == [1]


async def test_rowcount_dan_transaksi(db: Database) -> None:
    async with db.transaction() as s:
        for i in range(1, 4):
            await s.execute(TAMBAH, {**BARIS, "id": i})
    assert (await _dua_kali(db, UBAH, {"k_id": 2, "nama": "Ani"})).rowcount == 1
    assert (await _dua_kali(db, UBAH, {"k_id": 99, "nama": "X"})).rowcount == 0
    with pytest.raises(RuntimeError):
        async with db.transaction() as s:
            await s.execute(HAPUS, {"id": 1})
            await s.execute(HAPUS, {"id": 3})
            raise RuntimeError("batal")
    async with db.read() as s:
        assert await s.scalar(HITUNG) == 3  # rolled back, both
        assert (await s.execute(BACA, {"id": 2})).one().nama == "Ani"


async def test_orm_dan_langsung_dalam_satu_transaksi(db: Database) -> None:
    async with db.transaction() as s:
        await s.execute(TAMBAH, {**BARIS, "id": 10})
        s.add(Catatan(id=1))  # a Python-side default: SQLAlchemy's path
        await s.execute(TAMBAH, {**BARIS, "id": 11})
    async with db.read() as s:
        assert await s.scalar(HITUNG) == 2
        assert (await s.get(Catatan, 1)).teks == "bawaan"  # type: ignore[union-attr]
        assert [x.nama for x in await s.scalars(select(Isi).order_by(Isi.id))] == ["Budi", "Budi"]
    assert not _rencana(select(Isi))


async def test_kesalahan_dibungkus_seperti_sqlalchemy(db: Database) -> None:
    async with db.transaction() as s:
        await s.execute(TAMBAH, {**BARIS, "id": 5})
        await s.execute(TAMBAH, {**BARIS, "id": 6})
    with pytest.raises(IntegrityError):
        async with db.transaction() as s:
            await s.execute(TAMBAH, {**BARIS, "id": 7})
            await s.execute(TAMBAH, {**BARIS, "id": 5})
    async with db.read() as s:
        assert await s.scalar(HITUNG) == 2  # the whole transaction undone


async def test_pernyataan_sekali_pakai_tidak_disusun(db: Database) -> None:
    for i in range(5):
        async with db.transaction() as s:
            sekali = ISI.insert().values(id=100 + i, nama=f"n{i}", aktif=True)
            await s.execute(sekali)
            assert not _rencana(sekali)
    async with db.read() as s:
        assert await s.scalar(HITUNG) == 5


async def test_engine_yang_didengar_lewat_sqlalchemy(db: Database) -> None:
    async with db.transaction() as s:
        await s.execute(TAMBAH, {**BARIS, "id": 1})
        await s.execute(TAMBAH, {**BARIS, "id": 2})
    dilihat: list[str] = []

    def catat(_c: Any, _cur: Any, sql: str, *_: Any) -> None:
        dilihat.append(sql)

    engines = [e.sync_engine for e in db.engines]
    for e in engines:
        sqlalchemy.event.listen(e, "before_cursor_execute", catat)
    try:
        async with db.transaction() as s:
            await s.execute(TAMBAH, {**BARIS, "id": 3})
        async with db.read() as s:
            await s.execute(BACA, {"id": 3})
    finally:
        for e in engines:
            sqlalchemy.event.remove(e, "before_cursor_execute", catat)
    assert sum(x.startswith("INSERT INTO isi") for x in dilihat) == 1
    assert sum(x.startswith("SELECT isi.id") for x in dilihat) == 1


async def test_waktu_pernyataan_tercatat(db: Database) -> None:
    from services.shared import pantau_db
    from services.shared.metrik import DB_STATEMENT

    pantau_db.ukur(db.engines, "uji-langsung")
    jumlah = _jumlah(DB_STATEMENT, "uji-langsung")
    async with db.transaction() as s:
        for i in range(1, 5):
            await s.execute(TAMBAH, {**BARIS, "id": i})
    # Four statements timed, whichever way each ran (the first by SQLAlchemy).
    assert _jumlah(DB_STATEMENT, "uji-langsung") - jumlah == 4
    assert _rencana(TAMBAH)


def _jumlah(histogram: Any, label: str) -> float:
    for metric in histogram.collect():
        for sample in metric.samples:
            if sample.name.endswith("_count") and sample.labels.get("layanan") == label:
                return float(sample.value)
    return 0.0


async def test_tulisan_langsung_sebelum_sqlalchemy_menyambung(db: Database, tmp_path: Path) -> None:
    """A new Database (another process, a restart) whose first write goes
    straight to sqlite3 and then through SQLAlchemy: SQLAlchemy's first
    connect rolls its connection back, so it must have happened before."""
    async with db.transaction() as s:
        await s.execute(TAMBAH, {**BARIS, "id": 1})
        await s.execute(TAMBAH, {**BARIS, "id": 2})
    assert _rencana(TAMBAH)
    baru = Database.for_service(Settings(data_dir=tmp_path / "data"), "uji")
    try:
        async with baru.transaction() as s:
            await s.execute(TAMBAH, {**BARIS, "id": 3})  # straight to sqlite3
            await s.execute(sqlalchemy.text("SELECT count(*) FROM isi"))  # SQLAlchemy's path
        async with baru.read() as s:
            assert await s.scalar(HITUNG) == 3
    finally:
        await baru.dispose()


async def test_after_commit_melihat_data_yang_sudah_tersimpan(db: Database, tmp_path: Path) -> None:
    """Listeners of SQLAlchemy's after_commit (a mail sent, a cache
    forgetting) run once everything, written straight or through the ORM,
    is committed: another connection already sees it then."""
    terlihat: list[int] = []

    def hitung(_s: Any) -> None:
        lain = sqlite3.connect(tmp_path / "data" / "uji.db")
        try:
            terlihat.append(lain.execute("SELECT count(*) FROM isi").fetchone()[0])
            terlihat.append(lain.execute("SELECT count(*) FROM catatan").fetchone()[0])
        finally:
            lain.close()

    async with db.transaction() as s:
        await s.execute(TAMBAH, {**BARIS, "id": 1})
        await s.execute(TAMBAH, {**BARIS, "id": 2})  # straight to sqlite3 from here on
    async with db.transaction() as s:
        sqlalchemy.event.listen(s.sync_session, "after_commit", hitung, once=True)
        await s.execute(TAMBAH, {**BARIS, "id": 3})  # SQLAlchemy never touched the connection
    async with db.transaction() as s:
        sqlalchemy.event.listen(s.sync_session, "after_commit", hitung, once=True)
        await s.execute(TAMBAH, {**BARIS, "id": 4})
        s.add(Catatan(id=7))
    assert terlihat == [3, 0, 4, 1]
