"""Dashboard: the caller's own periods still open to fill, and the bawahan's
periods waiting for the caller's rating before their Batas — in a fixed
number of statements whatever the number of SKPs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain.penilaian import BELUM_DINILAI, DINILAI, dibuka_lagi
from services.penilaian.domain.periode import PeriodeNilai, periode_skp, terbuka
from services.penilaian.store import repository as repo
from services.penilaian.usecases.konteks import DataSkp, batas

BATAS_BARIS = 100


@dataclass(frozen=True)
class BarisRingkas:
    skp: DataSkp
    periode: PeriodeNilai
    batas: dt.date
    status: str  # BELUM_DINILAI, DINILAI, PERLU_PERBAIKAN


@dataclass(frozen=True)
class Ringkasan:
    batas_saya: list[BarisRingkas]
    menunggu: list[BarisRingkas]
    jumlah_menunggu: int


def _urut(b: BarisRingkas) -> tuple[dt.date, str, str, str]:
    return b.batas, b.skp.nama, b.skp.nip, b.periode.kode


async def ringkasan(s: AsyncSession, saya: list[DataSkp], bawahan: list[DataSkp], hari_ini: dt.date) -> Ringkasan:
    saya = [x for x in saya if x.disetujui]
    bawahan = [x for x in bawahan if x.disetujui]
    semua = saya + bawahan
    tanggal = {k: await batas(s, *k) for k in {(x.instansi_id, x.tahun) for x in semua}}
    status = (
        {(r.skp_id, r.periode): r.status for r in await repo.penilaian_skp(s, [x.id for x in semua])} if semua else {}
    )

    def baris(skp: DataSkp) -> list[BarisRingkas]:
        # Only periods that have started: a later quarter is not yet something to do.
        return [
            BarisRingkas(
                skp,
                per,
                tanggal[(skp.instansi_id, skp.tahun)][per.kode],
                status.get((skp.id, per.kode), BELUM_DINILAI),
            )
            for per in periode_skp(skp.awal, skp.akhir)
            if per.awal <= hari_ini
        ]

    batas_saya = []
    for skp in saya:
        buka = [b for b in baris(skp) if terbuka(hari_ini, b.batas, dibuka_lagi(b.status))]
        if buka:
            batas_saya.append(min(buka, key=_urut))
    menunggu = sorted(
        (b for skp in bawahan for b in baris(skp) if b.status != DINILAI and hari_ini <= b.batas), key=_urut
    )
    return Ringkasan(sorted(batas_saya, key=_urut)[:BATAS_BARIS], menunggu[:BATAS_BARIS], len(menunggu))
