"""penilaian's queries. Use cases call these; nothing else touches SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.store.models import (
    BatasRow,
    BuktiDukungRow,
    CapaianRow,
    CatatanEvaluasiRow,
    FeedbackRow,
    PenilaianRow,
    RealisasiRow,
    RencanaAksiRow,
)

T = TypeVar("T")


# --- writes -----------------------------------------------------------------


def tambah(s: AsyncSession, row: Any) -> None:
    """A new row, written with the next `simpan`."""
    s.add(row)


async def simpan(s: AsyncSession) -> None:
    """Writes the changes made to rows read in this transaction."""
    await s.flush()


async def hapus(s: AsyncSession, row: Any) -> None:
    await s.delete(row)
    await s.flush()


async def satu(s: AsyncSession, model: type[T], kunci: Any) -> T | None:
    """One row by its primary key."""
    return await s.get(model, kunci)


# --- Batas ------------------------------------------------------------------


async def batas_diatur(s: AsyncSession, instansi_id: str, tahun: int) -> list[BatasRow]:
    """The Batas an admin set in an instansi for a year (the others are the default)."""
    return list(await s.scalars(select(BatasRow).where(BatasRow.instansi_id == instansi_id, BatasRow.tahun == tahun)))


async def hapus_batas(s: AsyncSession, instansi_id: str, tahun: int, kode: str) -> None:
    await s.execute(
        delete(BatasRow).where(BatasRow.instansi_id == instansi_id, BatasRow.tahun == tahun, BatasRow.periode == kode)
    )


# --- one SKP's periods ------------------------------------------------------


async def penilaian_skp(s: AsyncSession, skp_ids: Iterable[str], kode: str | None = None) -> list[PenilaianRow]:
    """The penilaian records of these SKPs, of one period or of all."""
    stmt = select(PenilaianRow).where(PenilaianRow.skp_id.in_(list(skp_ids)))
    if kode is not None:
        stmt = stmt.where(PenilaianRow.periode == kode)
    return list(await s.scalars(stmt))


async def periode_berisian(s: AsyncSession, skp_id: str) -> set[str]:
    """The periods of an SKP holding a Rencana Aksi, Bukti Dukung, Realisasi or Feedback."""
    berisi: set[str] = set()
    for model in (RencanaAksiRow, BuktiDukungRow, RealisasiRow, FeedbackRow):
        berisi.update(await s.scalars(select(model.periode).where(model.skp_id == skp_id).distinct()))
    return berisi


def _milik(model: Any, skp_id: str, kode: str) -> Any:
    return select(model).where(model.skp_id == skp_id, model.periode == kode)


async def isian_periode(
    s: AsyncSession, skp_id: str, kode: str
) -> tuple[list[RencanaAksiRow], list[BuktiDukungRow], list[RealisasiRow]]:
    """The pegawai's entries of one period, each kind in the order it was made."""
    return (
        list(await s.scalars(_milik(RencanaAksiRow, skp_id, kode).order_by(RencanaAksiRow.dibuat, RencanaAksiRow.id))),
        list(await s.scalars(_milik(BuktiDukungRow, skp_id, kode).order_by(BuktiDukungRow.dibuat, BuktiDukungRow.id))),
        list(await s.scalars(_milik(RealisasiRow, skp_id, kode))),
    )


async def feedback_periode(s: AsyncSession, skp_id: str, kode: str) -> list[FeedbackRow]:
    return list(await s.scalars(_milik(FeedbackRow, skp_id, kode).order_by(FeedbackRow.waktu, FeedbackRow.id)))


async def catatan_semua(s: AsyncSession, skp_ids: list[str], kode: str) -> list[CatatanEvaluasiRow]:
    return list(
        await s.scalars(
            select(CatatanEvaluasiRow).where(CatatanEvaluasiRow.skp_id.in_(skp_ids), CatatanEvaluasiRow.periode == kode)
        )
    )


# --- Capaian Kinerja Organisasi and the curve --------------------------------


async def capaian_induk(s: AsyncSession, induk_id: str, tahun: int) -> list[CapaianRow]:
    """A unor induk's capaian of every period of a year."""
    return list(
        await s.scalars(select(CapaianRow).where(CapaianRow.unor_induk_id == induk_id, CapaianRow.tahun == tahun))
    )


async def capaian_instansi(s: AsyncSession, instansi_id: str, tahun: int, kode: str | None) -> list[CapaianRow]:
    stmt = select(CapaianRow).where(CapaianRow.instansi_id == instansi_id, CapaianRow.tahun == tahun)
    if kode:
        stmt = stmt.where(CapaianRow.periode == kode)
    return list(await s.scalars(stmt))


async def predikat_skp(s: AsyncSession, skp_ids: list[str], kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the rated records of these SKPs in a period."""
    rows = await s.execute(
        select(PenilaianRow.predikat, func.count())
        .where(PenilaianRow.skp_id.in_(skp_ids), PenilaianRow.periode == kode, PenilaianRow.predikat != "")
        .group_by(PenilaianRow.predikat)
    )
    return [(p, n) for p, n in rows]


async def predikat_penilai(s: AsyncSession, penilai_nip: str, tahun: int, kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the records a penilai rates in a period; "" is not rated yet."""
    rows = await s.execute(
        select(PenilaianRow.predikat, func.count())
        .where(PenilaianRow.penilai_nip == penilai_nip, PenilaianRow.tahun == tahun, PenilaianRow.periode == kode)
        .group_by(PenilaianRow.predikat)
    )
    return [(p, n) for p, n in rows]


async def predikat_induk(s: AsyncSession, induk_id: str, tahun: int, kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the records of a unor induk in a period; "" is not rated yet."""
    rows = await s.execute(
        select(PenilaianRow.predikat, func.count())
        .where(PenilaianRow.unor_induk_id == induk_id, PenilaianRow.tahun == tahun, PenilaianRow.periode == kode)
        .group_by(PenilaianRow.predikat)
    )
    return [(p, n) for p, n in rows]


# --- Rekap ------------------------------------------------------------------


async def jumlah_realisasi(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, int]:
    return {
        skp_id: n
        for skp_id, n in await s.execute(
            select(RealisasiRow.skp_id, func.count())
            .where(RealisasiRow.skp_id.in_(skp_ids), RealisasiRow.periode == kode)
            .group_by(RealisasiRow.skp_id)
        )
    }


async def jumlah_feedback(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, int]:
    return {
        skp_id: n
        for skp_id, n in await s.execute(
            select(FeedbackRow.skp_id, func.count())
            .where(FeedbackRow.skp_id.in_(skp_ids), FeedbackRow.periode == kode)
            .group_by(FeedbackRow.skp_id)
        )
    }
