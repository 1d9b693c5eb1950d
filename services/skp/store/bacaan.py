"""The hot reads (Detail SKP, Daftar SKP) in SQLAlchemy Core (issue 18).

The answer is a protobuf built once: loading ORM objects for it (identity
map, instrumented attributes, version tracking) cost more than the query.
These return plain rows whose attribute names are the tables' column names,
the same names the ORM classes in models.py use, so convert.py and the
access rules read either. Writes keep using the ORM (repository.py).

`skp` and `isi` are synchronous, on a Core connection: Detail SKP runs both
in one greenlet (Database.baca_langsung).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, bindparam, func, over, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.skp.domain import akses
from services.skp.store.models import IndikatorRow, RhkRow, SkpRow

SKP = SkpRow.__table__
RHK = RhkRow.__table__
INDIKATOR = IndikatorRow.__table__

# An SKP read as a row: every column of `skp`, by its name.
SkpBaca = Row[Any]


class RhkBaca(NamedTuple):
    """The columns of `rhk` Detail SKP shows (convert.rhk, umum.isi)."""

    id: str
    skp_id: str
    jenis: str
    klasifikasi: str
    unor_id: str | None
    unor_nama: str
    rhk_atasan_id: str | None
    rhk_atasan_skp_id: str | None
    rhk_atasan_teks: str
    perjanjian_kinerja: str
    teks: str
    perspektif: str
    urutan: int
    diwarisi_dari: str | None
    versi: int


class IndikatorBaca(NamedTuple):
    """The columns of `indikator` Detail SKP shows (convert.indikator)."""

    id: str
    rhk_id: str
    aspek: str
    teks: str
    target: str
    target_angka: float | None
    target_satuan: str
    target_sampai: float | None
    urutan: int
    versi: int


_N_RHK = len(RhkBaca._fields)

# RHK with their indikator in one statement; an RHK without any comes once
# with NULLs on the right. The order is repository.rhk_skp's and
# repository.indikator_rhk's.
# The statements are built once, with bind parameters: building one per
# call cost more than running it (its cache key is computed afresh).
_SKP = select(SKP).where(SKP.c.id == bindparam("skp_id"))

_ISI = (
    select(
        *(RHK.c[f] for f in RhkBaca._fields),
        *(INDIKATOR.c[f].label(f"indikator_{f}") for f in IndikatorBaca._fields),
    )
    .select_from(RHK.outerjoin(INDIKATOR, INDIKATOR.c.rhk_id == RHK.c.id))
    .where(RHK.c.skp_id == bindparam("skp_id"))
    .order_by(RHK.c.jenis.desc(), RHK.c.urutan, RHK.c.id, INDIKATOR.c.urutan)
)


def skp(c: Connection, skp_id: str) -> SkpBaca:
    row = c.execute(_SKP, {"skp_id": skp_id}).first()
    if row is None:
        raise akses.skp_tidak_ditemukan()  # the same words as repository.get_skp's
    return row


def isi(c: Connection, skp_id: str) -> tuple[list[RhkBaca], dict[str, list[IndikatorBaca]]]:
    """An SKP's RHKs in their order and each one's indikator in theirs."""
    rhk: list[RhkBaca] = []
    indikator: dict[str, list[IndikatorBaca]] = {}
    for row in c.execute(_ISI, {"skp_id": skp_id}):
        kolom = tuple(row)
        rhk_id = kolom[0]
        if rhk_id not in indikator:
            rhk.append(RhkBaca._make(kolom[:_N_RHK]))
            indikator[rhk_id] = []
        if kolom[_N_RHK] is not None:
            indikator[rhk_id].append(IndikatorBaca._make(kolom[_N_RHK:]))
    return rhk, indikator


def _daftar(per_instansi: bool) -> Any:
    syarat = [SKP.c.nip == bindparam("nip")]
    if per_instansi:
        syarat.append(SKP.c.instansi_id == bindparam("instansi_id"))
    jumlah_indikator = (
        select(func.count(INDIKATOR.c.id))
        .select_from(INDIKATOR.join(RHK, RHK.c.id == INDIKATOR.c.rhk_id))
        .where(RHK.c.skp_id == SKP.c.id)
        .scalar_subquery()
        .label("jumlah_indikator")
    )
    halaman = (
        select(SKP, jumlah_indikator, over(func.count()).label("total_semua"))
        .where(*syarat)
        .order_by(SKP.c.awal.desc(), SKP.c.dibuat.desc(), SKP.c.id)
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )
    return halaman, select(func.count()).select_from(SKP).where(*syarat)


# By whether the list is limited to one instansi: (the page, the count).
_DAFTAR = {False: _daftar(False), True: _daftar(True)}


async def daftar(
    s: AsyncSession, nip: str, offset: int, limit: int, instansi_id: str | None = None
) -> tuple[Sequence[SkpBaca], int]:
    """A page of a pegawai's SKPs, each with `jumlah_indikator`, and how many
    there are in all (`instansi_id`: only that instansi's): one statement
    (the total rides along as a window count), a second only for a page
    past the end."""
    halaman, hitung = _DAFTAR[instansi_id is not None]
    nilai: dict[str, Any] = {"nip": nip, "instansi_id": instansi_id}
    rows = (await s.execute(halaman, {**nilai, "offset": offset, "limit": limit})).all()
    if rows:
        return rows, rows[0].total_semua
    return rows, await s.scalar(hitung, nilai) or 0
