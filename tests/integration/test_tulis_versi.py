"""penilaian's hot writes keep the ORM's optimistic locking by hand (store/
repository.py): a new row starts at versi 1, each write bumps it, and a
write or delete against a versi that has moved raises StaleDataError, which
idempotency._with_retry runs again — on SQLite as on PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy.orm.exc import StaleDataError

from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.shared.db import Database

SKP, IND = "a" * 32, "b" * 32


async def test_realisasi_versi_dan_basi(settings):
    db = Database.for_service(settings, "penilaian")
    now = dt.datetime.now(dt.UTC)
    try:
        async with db.transaction() as s:
            pertama = await repo.tambah_realisasi(s, bacaan.Realisasi(SKP, "tw1", IND, "r", "1 bulan", "", 0), now)
        async with db.transaction() as s:
            kedua = await repo.ubah_realisasi(s, pertama, "2 bulan", "laporan", now)
        assert (pertama.versi, kedua.versi) == (1, 2)
        for basi in (
            lambda s: repo.ubah_realisasi(s, pertama, "3 bulan", "", now),
            lambda s: repo.hapus_realisasi(s, pertama),
        ):
            with pytest.raises(StaleDataError):
                async with db.transaction() as s:
                    await basi(s)
        async with db.read() as s:
            _, ada = await repo.kepala_realisasi(s, SKP, "tw1", "x", 2026, IND)
        assert ada == kedua
        async with db.transaction() as s:
            await repo.hapus_realisasi(s, kedua)
        async with db.read() as s:
            assert (await repo.kepala_realisasi(s, SKP, "tw1", "x", 2026, IND))[1] is None
    finally:
        await db.dispose()


async def test_nilai_versi_dan_basi(settings):
    db = Database.for_service(settings, "penilaian")
    pemilik = bacaan.PemilikNilai(2026, "x", "1" * 18, "induk", "2" * 18)
    nilai = bacaan.Nilai("SESUAI", "SESUAI", "BAIK", "DINILAI", False, "Penilai", dt.datetime.now(dt.UTC), 0)
    try:
        async with db.transaction() as s:
            pertama = await repo.tulis_nilai(s, SKP, "tw1", None, nilai, pemilik)
        async with db.transaction() as s:
            kedua = await repo.tulis_nilai(s, SKP, "tw1", pertama, nilai, pemilik)
        assert (pertama.versi, kedua.versi) == (1, 2)
        with pytest.raises(StaleDataError):
            async with db.transaction() as s:
                await repo.tulis_nilai(s, SKP, "tw1", pertama, nilai, pemilik)
        async with db.read() as s:
            k = await repo.kepala_periode(s, SKP, "tw1", "x", 2026, "")
        assert k.nilai is not None and k.nilai.versi == 2 and k.nilai.predikat == "BAIK"
    finally:
        await db.dispose()
