"""What every part of the SkpService servicer shares: the database, the
profil and penilaian clients and the idempotent unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from ekinerja.skp.v1 import skp_pb2 as pb
from google.protobuf.message import Message

from services.penilaian.client import PenilaianClient
from services.profil.client import ProfilClient
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.mutasi import Mutasi
from services.shared.tembolok_versi import TembolokVersi
from services.skp.store.models import jejak, permintaan
from services.skp.usecases.umum import SkpApa

M = TypeVar("M", bound=Message)


class Dasar:
    def __init__(
        self,
        db: Database,
        profil: ProfilClient,
        penilaian: PenilaianClient,
        hari_ini: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._db = db
        self._mutasi = Mutasi(db, permintaan, jejak)
        self._profil = profil
        self._penilaian = penilaian
        self._hari_ini = hari_ini
        # Detail SKP answers, (row, answer) by SKP id, while skp's database is unchanged.
        self._detail: TembolokVersi[str, tuple[SkpApa, pb.Skp]] = TembolokVersi()


def tahun(value: int, field: str = "tahun") -> int:
    if not 2000 <= value <= 2100:
        raise TidakValid(field, "isi tahun SKP, misalnya 2023")
    return value
