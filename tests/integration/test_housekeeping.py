"""Records kept only for a while are deleted, and only once they are old."""

import datetime as dt

from sqlalchemy import func, select

from services.profil.module import housekeeping
from services.profil.store.models import PercobaanRow, permintaan
from services.shared.db import Database


async def test_catatan_lama_dihapus_yang_baru_tetap(settings):
    db = Database.for_service(settings, "profil")
    now = dt.datetime.now(dt.UTC)
    try:
        async with db.transaction() as s:
            for umur, rid in [(dt.timedelta(hours=30), "lama-000001"), (dt.timedelta(hours=1), "baru-000001")]:
                await s.execute(
                    permintaan.insert().values(akun="a", request_id=rid, metode="X", respons=b"", dibuat=now - umur)
                )
            s.add_all(
                [
                    PercobaanRow(kunci="login:x", waktu=now - dt.timedelta(days=2)),
                    PercobaanRow(kunci="login:x", waktu=now),
                ]
            )
        await housekeeping(db)
        async with db.read() as s:
            assert (await s.scalars(select(permintaan.c.request_id))).all() == ["baru-000001"]
            assert await s.scalar(select(func.count()).select_from(PercobaanRow)) == 1
    finally:
        await db.dispose()
