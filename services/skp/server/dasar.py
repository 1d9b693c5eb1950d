"""What every part of the SkpService servicer shares: the database, the
profil client and the idempotent unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TypeVar

from google.protobuf.message import Message
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.client import ProfilClient
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.idempotency import idempotent
from services.skp.store.models import permintaan

M = TypeVar("M", bound=Message)


class Dasar:
    def __init__(self, db: Database, profil: ProfilClient, hari_ini: Callable[[], dt.date] = dt.date.today) -> None:
        self._db = db
        self._profil = profil
        self._hari_ini = hari_ini

    async def _mutate(self, request_id: str, metode: str, response_type: type[M],
                      work: Callable[[AsyncSession], Awaitable[M]]) -> M:
        return await idempotent(self._db, permintaan, akun=pr.current().kunci, metode=metode,
                                request_id=request_id, response_type=response_type, work=work)


def tahun(value: int, field: str = "tahun") -> int:
    if not 2000 <= value <= 2100:
        raise TidakValid(field, "isi tahun SKP, misalnya 2023")
    return value
