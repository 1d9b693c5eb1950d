"""An account's allowance of prints: each print with a request_id keeps its
file a day for retries (~155 KiB, a bulk zip far more), so prints per
account and hour are limited. The allowance is taken in one statement that
increments and returns the count, before anything is rendered: callers
racing each other cannot all read "still room"."""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy.exc import IntegrityError

from services.cetak.store import repository as repo
from services.shared.db import Database
from services.shared.errors import TerlaluBanyak

JENDELA = dt.timedelta(hours=1)


async def ambil(db: Database, akun: str, maks: int, sekarang: dt.datetime) -> None:
    """Counts one print for `akun`; TerlaluBanyak past `maks` in the window."""
    for _ in range(2):
        try:
            async with db.transaction() as s:
                row = await repo.tambah_jatah(s, akun, sekarang, JENDELA)
                if row is None:  # the account's first print; a racing first insert retries as an update
                    await repo.jatah_pertama(s, akun, sekarang)
                    return
            break
        except IntegrityError:
            continue
    else:
        raise AssertionError("unreachable: the row exists after a failed insert")
    jumlah, mulai = row
    if jumlah > maks:
        mulai = mulai if mulai.tzinfo else mulai.replace(tzinfo=dt.UTC)  # SQLite keeps no offset
        sisa = max(1, math.ceil((mulai + JENDELA - sekarang).total_seconds()))
        raise TerlaluBanyak(
            f"Terlalu banyak cetakan: paling banyak {maks} per jam. Silakan coba lagi dalam "
            f"{max(1, math.ceil(sisa / 60))} menit.",
            sisa,
        )
