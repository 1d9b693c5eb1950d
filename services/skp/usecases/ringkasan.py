"""Dashboard: what the caller's SKP work looks like at a glance — their own
SKPs with status, and their bawahan's SKPs waiting for approval — in a fixed
number of statements."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.principal import Principal
from services.skp.store import repository as repo
from services.skp.store.models import SkpRow
from services.skp.usecases.skp import nip_pemanggil

BATAS = 50  # rows per list; the totals say how many more there are


@dataclass(frozen=True)
class Ringkasan:
    saya: list[SkpRow]
    jumlah_saya: int
    menunggu: list[SkpRow]
    jumlah_menunggu: int
    indikator: dict[str, int]  # SKP id → number of indikator


async def ringkasan(s: AsyncSession, p: Principal) -> Ringkasan:
    nip = nip_pemanggil(p)
    saya, jumlah_saya = await repo.list_skp(s, nip, 0, BATAS)
    menunggu, jumlah_menunggu = await repo.skp_menunggu(s, nip, BATAS)
    indikator = await repo.jumlah_indikator(s, [r.id for r in saya + menunggu])
    return Ringkasan(saya, jumlah_saya, menunggu, jumlah_menunggu, indikator)
