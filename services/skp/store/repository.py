"""skp's queries. Use cases call these; nothing else touches SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.errors import TidakDitemukan
from services.skp.domain import akses
from services.skp.store.models import IndikatorRow, MphAnggotaRow, PeranHasilRow, RhkRow, RiwayatRow, SkpRow


async def get_skp(s: AsyncSession, skp_id: str, *, kunci: bool = False) -> SkpRow:
    # `kunci`: a writer locks the row (PostgreSQL) so two transitions of one
    # SKP serialize instead of both reading the old status.
    stmt = select(SkpRow).where(SkpRow.id == skp_id)
    if kunci:
        stmt = stmt.with_for_update()
    row = (await s.scalars(stmt)).first()
    if row is None:
        raise akses.skp_tidak_ditemukan()  # the same words as for another instansi's
    return row


async def list_skp(
    s: AsyncSession, nip: str, offset: int, limit: int, instansi_id: str | None = None
) -> tuple[list[SkpRow], int]:
    """`instansi_id`: only that instansi's SKPs of the pegawai."""
    syarat = [SkpRow.nip == nip] + ([SkpRow.instansi_id == instansi_id] if instansi_id is not None else [])
    total = await s.scalar(select(func.count()).select_from(SkpRow).where(*syarat)) or 0
    rows = await s.scalars(
        select(SkpRow)
        .where(*syarat)
        .order_by(SkpRow.awal.desc(), SkpRow.dibuat.desc(), SkpRow.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


async def skp_tahun(s: AsyncSession, nips: Iterable[str], tahun: int) -> list[SkpRow]:
    nips = list(set(nips))
    if not nips:
        return []
    return list(await s.scalars(select(SkpRow).where(SkpRow.nip.in_(nips), SkpRow.tahun == tahun)))


async def skp_dinilai(
    s: AsyncSession, penilai_nip: str, tahun: int, query: str = "", offset: int = 0, limit: int | None = None
) -> tuple[list[SkpRow], int]:
    return await _daftar_dinilai(s, [SkpRow.penilai_nip == penilai_nip, SkpRow.tahun == tahun], query, offset, limit)


async def skp_penilai_eksternal(
    s: AsyncSession, instansi_id: str, tahun: int, query: str = "", offset: int = 0, limit: int | None = None
) -> tuple[list[SkpRow], int]:
    """The SKPs of an instansi rated by a penilai eksternal (its admin acts for him)."""
    cond = [SkpRow.instansi_id == instansi_id, SkpRow.penilai_eksternal.is_(True), SkpRow.tahun == tahun]
    return await _daftar_dinilai(s, cond, query, offset, limit)


async def _daftar_dinilai(
    s: AsyncSession, cond: list[ColumnElement[bool]], query: str, offset: int, limit: int | None
) -> tuple[list[SkpRow], int]:
    q = query.strip()
    if q.isdigit():
        cond.append(SkpRow.nip.startswith(q))
    elif q:
        cond.append(func.lower(SkpRow.pegawai_nama).contains(q.lower()))
    total = await s.scalar(select(func.count()).select_from(SkpRow).where(*cond)) or 0
    stmt = select(SkpRow).where(*cond).order_by(SkpRow.pegawai_nama, SkpRow.nip, SkpRow.awal).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(await s.scalars(stmt)), total


async def skp_menunggu(s: AsyncSession, penilai_nip: str, limit: int) -> tuple[list[SkpRow], int]:
    """The SKPs waiting for this penilai's approval, any year."""
    cond = [SkpRow.penilai_nip == penilai_nip, SkpRow.status == "PENGAJUAN"]
    total = await s.scalar(select(func.count()).select_from(SkpRow).where(*cond)) or 0
    rows = await s.scalars(
        select(SkpRow).where(*cond).order_by(SkpRow.pegawai_nama, SkpRow.nip, SkpRow.awal, SkpRow.id).limit(limit)
    )
    return list(rows), total


async def rhk_skp(s: AsyncSession, skp_ids: Iterable[str]) -> list[RhkRow]:
    ids = list(skp_ids)
    if not ids:
        return []
    return list(
        await s.scalars(
            select(RhkRow).where(RhkRow.skp_id.in_(ids)).order_by(RhkRow.skp_id, RhkRow.jenis.desc(), RhkRow.urutan)
        )
    )


async def indikator_rhk(s: AsyncSession, rhk_ids: Iterable[str]) -> dict[str, list[IndikatorRow]]:
    ids = list(rhk_ids)
    hasil: dict[str, list[IndikatorRow]] = {i: [] for i in ids}
    if ids:
        rows = await s.scalars(
            select(IndikatorRow).where(IndikatorRow.rhk_id.in_(ids)).order_by(IndikatorRow.rhk_id, IndikatorRow.urutan)
        )
        for row in rows:
            hasil[row.rhk_id].append(row)
    return hasil


async def get_rhk(s: AsyncSession, skp_id: str, rhk_id: str) -> RhkRow:
    row = await s.get(RhkRow, rhk_id)
    if row is None or row.skp_id != skp_id:
        raise TidakDitemukan("RHK tidak ditemukan.")
    return row


async def get_indikator(s: AsyncSession, rhk_id: str, indikator_id: str) -> IndikatorRow:
    row = await s.get(IndikatorRow, indikator_id)
    if row is None or row.rhk_id != rhk_id:
        raise TidakDitemukan("Indikator tidak ditemukan.")
    return row


async def hapus_skp(s: AsyncSession, skp_id: str) -> None:
    # Explicit, child first: the same on every database, cascade or not.
    rhk_ids = select(RhkRow.id).where(RhkRow.skp_id == skp_id)
    await s.execute(delete(PeranHasilRow).where(PeranHasilRow.rhk_id.in_(rhk_ids)))
    await s.execute(delete(MphAnggotaRow).where(MphAnggotaRow.skp_id == skp_id))
    await s.execute(delete(IndikatorRow).where(IndikatorRow.rhk_id.in_(rhk_ids)))
    await s.execute(delete(RhkRow).where(RhkRow.skp_id == skp_id))
    await s.execute(delete(RiwayatRow).where(RiwayatRow.skp_id == skp_id))
    await s.execute(delete(SkpRow).where(SkpRow.id == skp_id))


async def hapus_rhk(s: AsyncSession, rhk_id: str) -> None:
    await s.execute(delete(PeranHasilRow).where(PeranHasilRow.rhk_id == rhk_id))
    await s.execute(delete(IndikatorRow).where(IndikatorRow.rhk_id == rhk_id))
    await s.execute(delete(RhkRow).where(RhkRow.id == rhk_id))


async def riwayat(s: AsyncSession, skp_id: str) -> list[RiwayatRow]:
    return list(await s.scalars(select(RiwayatRow).where(RiwayatRow.skp_id == skp_id).order_by(RiwayatRow.id)))


async def peran_hasil(s: AsyncSession, rhk_ids: Iterable[str]) -> list[PeranHasilRow]:
    ids = list(rhk_ids)
    if not ids:
        return []
    return list(await s.scalars(select(PeranHasilRow).where(PeranHasilRow.rhk_id.in_(ids))))


async def rhk_untuk_bawahan(s: AsyncSession, penilai_nip: str, tahun: int, nip: str) -> list[tuple[RhkRow, SkpRow]]:
    """The penilai's RHKs of a year that the MPH assigns to `nip`."""
    rows = await s.execute(
        select(RhkRow, SkpRow)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .join(PeranHasilRow, PeranHasilRow.rhk_id == RhkRow.id)
        .where(SkpRow.nip == penilai_nip, SkpRow.tahun == tahun, PeranHasilRow.nip == nip)
        .order_by(SkpRow.awal, RhkRow.jenis.desc(), RhkRow.urutan)
    )
    return [(r, k) for r, k in rows]


async def rhk_organisasi(s: AsyncSession, unor_id: str, tahun: int, bukan_nip: str) -> list[tuple[RhkRow, SkpRow]]:
    """RHK Organisasi of a unit in a year from other pegawai's SKPs, the
    latest SKP first: what the next pimpinan inherits."""
    rows = await s.execute(
        select(RhkRow, SkpRow)
        .join(SkpRow, SkpRow.id == RhkRow.skp_id)
        .where(
            RhkRow.unor_id == unor_id,
            RhkRow.klasifikasi == "ORGANISASI",
            SkpRow.tahun == tahun,
            or_(SkpRow.nip != bukan_nip),
        )
        .order_by(SkpRow.awal.desc(), SkpRow.dibuat.desc(), RhkRow.jenis.desc(), RhkRow.urutan)
    )
    return [(r, k) for r, k in rows]


async def jumlah_indikator(s: AsyncSession, skp_ids: Iterable[str]) -> dict[str, int]:
    """Indikator per SKP, for a whole page of SKPs in one statement."""
    ids = list(skp_ids)
    if not ids:
        return {}
    rows = await s.execute(
        select(RhkRow.skp_id, func.count(IndikatorRow.id))
        .join(IndikatorRow, IndikatorRow.rhk_id == RhkRow.id)
        .where(RhkRow.skp_id.in_(ids))
        .group_by(RhkRow.skp_id)
    )
    return {skp_id: n for skp_id, n in rows}


async def mph_anggota(s: AsyncSession, skp_id: str) -> list[MphAnggotaRow]:
    return list(
        await s.scalars(
            select(MphAnggotaRow).where(MphAnggotaRow.skp_id == skp_id).order_by(MphAnggotaRow.nama, MphAnggotaRow.nip)
        )
    )
