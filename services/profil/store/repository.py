"""Queries over profil's tables. Each function takes the RPC's session; none
runs a query per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from services.profil.domain import akses
from services.profil.domain import organisasi as org
from services.profil.domain.penugasan import BERLAKU
from services.profil.store.models import (
    AkunRow,
    InstansiRow,
    KlaimRow,
    KodeResetRow,
    PegawaiRow,
    PenugasanRow,
    PercobaanRow,
    SesiRow,
    UnorRow,
    giliran,
)
from services.shared.errors import TidakDitemukan


def ubah_bila_berbeda(row: Any, nilai: dict[str, Any]) -> bool:
    """Sets only the attributes that differ, so an unchanged row is not
    rewritten (no UPDATE, and a pegawai's version counter, its etag, stays)."""
    berubah = False
    for key, value in nilai.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
            berubah = True
    return berubah


async def get_pegawai(s: AsyncSession, nip: str) -> PegawaiRow:
    row = await s.get(PegawaiRow, nip)
    if row is None:
        raise akses.pegawai_tidak_ditemukan(nip)  # the same words as for another instansi's
    return row


async def get_unor(s: AsyncSession, unor_id: str) -> UnorRow:
    row = await s.get(UnorRow, unor_id)
    if row is None:
        raise akses.unor_tidak_ditemukan(unor_id)
    return row


async def get_instansi(s: AsyncSession, instansi_id: str) -> InstansiRow:
    row = await s.get(InstansiRow, instansi_id)
    if row is None:
        raise TidakDitemukan(f"Instansi {instansi_id} tidak ditemukan.")
    return row


def to_unor(row: UnorRow) -> org.Unor:
    return org.Unor(row.id, row.nama, row.parent_id, row.induk, row.jabatan_pimpinan, row.pimpinan_nip)


def to_penugasan(row: PenugasanRow) -> org.Penugasan:
    return org.Penugasan(row.id, row.nip, row.unor_id, row.jenis, row.mulai, row.selesai)


_UNOR_KOLOM = (
    UnorRow.id,
    UnorRow.nama,
    UnorRow.parent_id,
    UnorRow.induk,
    UnorRow.jabatan_pimpinan,
    UnorRow.pimpinan_nip,
)
_PENUGASAN_KOLOM = (
    PenugasanRow.id,
    PenugasanRow.nip,
    PenugasanRow.unor_id,
    PenugasanRow.jenis,
    PenugasanRow.mulai,
    PenugasanRow.selesai,
)


async def load_struktur(s: AsyncSession, instansi_id: str) -> org.Struktur:
    """The whole unor tree of an instansi and its assignments: two queries of
    plain rows (most RPCs need it; ORM objects for every unit cost more than
    the queries themselves)."""
    units = await s.execute(select(*_UNOR_KOLOM).where(UnorRow.instansi_id == instansi_id))
    tugas = await s.execute(
        select(*_PENUGASAN_KOLOM).where(PenugasanRow.instansi_id == instansi_id, PenugasanRow.status == BERLAKU)
    )
    return org.Struktur({u[0]: org.Unor(*u) for u in units}, [org.Penugasan(*p) for p in tugas])


async def leluhur_unor(s: AsyncSession, unor_id: str) -> org.Struktur:
    """A unit and its parents up to the root, in one recursive query: what
    one unit's induk and depth need, without loading the whole tree (it was
    most of GetUnor on an instansi of 500 units). UNION stops at a cycle."""
    naik = select(*_UNOR_KOLOM).where(UnorRow.id == unor_id).cte("naik", recursive=True)
    atas = aliased(UnorRow)
    naik = naik.union(
        select(atas.id, atas.nama, atas.parent_id, atas.induk, atas.jabatan_pimpinan, atas.pimpinan_nip).join(
            naik, atas.id == naik.c.parent_id
        )
    )
    return org.Struktur({u[0]: org.Unor(*u) for u in await s.execute(select(naik))})


async def pegawai_by_nip(s: AsyncSession, nips: set[str]) -> dict[str, PegawaiRow]:
    if not nips:
        return {}
    rows = (await s.scalars(select(PegawaiRow).where(PegawaiRow.nip.in_(nips)))).all()
    return {r.nip: r for r in rows}


async def nama_unor(s: AsyncSession, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = (await s.execute(select(UnorRow.id, UnorRow.nama).where(UnorRow.id.in_(ids)))).all()
    return {r.id: r.nama for r in rows}


async def pimpinan_nips(s: AsyncSession, nips: set[str]) -> set[str]:
    """Which of these NIPs lead a unit definitively (jenis Pimpinan)."""
    if not nips:
        return set()
    rows = await s.scalars(select(UnorRow.pimpinan_nip).where(UnorRow.pimpinan_nip.in_(nips)))
    return {n for n in rows if n}


async def list_pegawai_unor(s: AsyncSession, unor_id: str, offset: int, limit: int) -> tuple[list[PegawaiRow], int]:
    where = PegawaiRow.unor_id == unor_id
    total = await s.scalar(select(func.count()).select_from(PegawaiRow).where(where)) or 0
    rows = (
        await s.scalars(
            select(PegawaiRow).where(where).order_by(PegawaiRow.nama, PegawaiRow.nip).offset(offset).limit(limit)
        )
    ).all()
    return list(rows), total


async def list_pegawai_di(s: AsyncSession, unor_ids: frozenset[str]) -> list[PegawaiRow]:
    if not unor_ids:
        return []
    return list((await s.scalars(select(PegawaiRow).where(PegawaiRow.unor_id.in_(unor_ids)))).all())


async def cari_pegawai(
    s: AsyncSession, instansi_id: str, query: str, offset: int, limit: int
) -> tuple[list[PegawaiRow], int]:
    q = query.strip()
    cond = PegawaiRow.nip.startswith(q) if q.isdigit() else PegawaiRow.nama_cari.contains(q.casefold())
    where = (PegawaiRow.instansi_id == instansi_id) & cond
    total = await s.scalar(select(func.count()).select_from(PegawaiRow).where(where)) or 0
    rows = (
        await s.scalars(
            select(PegawaiRow).where(where).order_by(PegawaiRow.nama, PegawaiRow.nip).offset(offset).limit(limit)
        )
    ).all()
    return list(rows), total


async def list_penugasan(
    s: AsyncSession,
    *,
    nip: str | None = None,
    unor_id: str | None = None,
    instansi_id: str | None = None,
    status: str | None = None,
) -> list[PenugasanRow]:
    stmt = select(PenugasanRow).order_by(PenugasanRow.mulai.desc(), PenugasanRow.id)
    if nip:
        stmt = stmt.where(PenugasanRow.nip == nip)
    if unor_id:
        stmt = stmt.where(PenugasanRow.unor_id == unor_id)
    if instansi_id:
        stmt = stmt.where(PenugasanRow.instansi_id == instansi_id)
    if status:
        stmt = stmt.where(PenugasanRow.status == status)
    return list((await s.scalars(stmt)).all())


async def ganti_hash_password(s: AsyncSession, akun_id: str, lama: str, baru: str) -> None:
    """The same password under new parameters; a change made meanwhile wins."""
    await s.execute(
        update(AkunRow).where(AkunRow.id == akun_id, AkunRow.password_hash == lama).values(password_hash=baru)
    )


async def list_klaim(
    s: AsyncSession, *, instansi_id: str, nip: str | None, status: str | None, offset: int, limit: int
) -> tuple[list[KlaimRow], int]:
    where = [KlaimRow.instansi_id == instansi_id]
    if nip:
        where.append(KlaimRow.nip == nip)
    if status:
        where.append(KlaimRow.status == status)
    total = await s.scalar(select(func.count()).select_from(KlaimRow).where(*where)) or 0
    rows = (
        await s.scalars(
            select(KlaimRow).where(*where).order_by(KlaimRow.diajukan.desc(), KlaimRow.id).offset(offset).limit(limit)
        )
    ).all()
    return list(rows), total


async def akun_login(s: AsyncSession, nip: str | None, username: str | None) -> AkunRow | None:
    if nip:
        return await s.scalar(select(AkunRow).where(AkunRow.nip == nip))
    return await s.scalar(select(AkunRow).where(func.lower(AkunRow.username) == (username or "").lower()))


async def sesi_aktif(s: AsyncSession, sesi_id: str, now: dt.datetime) -> bool:
    """A session holds while it is not ended or expired and its account is
    still there and active: disabling an account ends its tokens at once,
    however it was disabled."""
    row = (
        await s.execute(
            select(SesiRow.dicabut, SesiRow.kedaluwarsa, AkunRow.aktif)
            .join(AkunRow, AkunRow.id == SesiRow.akun_id)
            .where(SesiRow.id == sesi_id)
        )
    ).first()
    return row is not None and row.dicabut is None and bool(row.aktif) and _aware(row.kedaluwarsa) > now


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite returns naive datetimes for timezone-aware columns; all are UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


async def hitung_percobaan(s: AsyncSession, kunci: str, sejak: dt.datetime) -> int:
    return (
        await s.scalar(
            select(func.count())
            .select_from(PercobaanRow)
            .where(PercobaanRow.kunci == kunci, PercobaanRow.waktu >= sejak)
        )
        or 0
    )


async def percobaan_terakhir(s: AsyncSession, kunci: str, sejak: dt.datetime) -> tuple[int, dt.datetime | None]:
    """How many attempts under `kunci` since `sejak`, and when the last one was."""
    jumlah, terakhir = (
        await s.execute(
            select(func.count(), func.max(PercobaanRow.waktu)).where(
                PercobaanRow.kunci == kunci, PercobaanRow.waktu >= sejak
            )
        )
    ).one()
    return int(jumlah or 0), None if terakhir is None else _aware(terakhir)


async def catat_percobaan(s: AsyncSession, kunci: list[str], now: dt.datetime) -> list[int]:
    """Records one attempt under each key; their ids, to take a reservation back."""
    rows = [PercobaanRow(kunci=k, waktu=now) for k in kunci]
    s.add_all(rows)
    await s.flush()
    return [r.id for r in rows]


async def hapus_percobaan(s: AsyncSession, kunci: str, ids: list[int]) -> None:
    """All attempts under `kunci`, and the attempts `ids` under any key."""
    await s.execute(delete(PercobaanRow).where((PercobaanRow.kunci == kunci) | PercobaanRow.id.in_(ids)))


async def pesan_tebakan_kode(s: AsyncSession, akun_id: str, maks_salah: int, now: dt.datetime) -> KodeResetRow | None:
    """Counts a guess against the account's live reset code before it is
    compared, in one UPDATE: however many guesses arrive at once, at most
    `maks_salah` get a code to compare with. None: no code to guess."""
    tiket_id = await s.scalar(
        select(KodeResetRow.id)
        .where(KodeResetRow.akun_id == akun_id, KodeResetRow.selesai.is_(None))
        .order_by(KodeResetRow.dibuat.desc())
        .limit(1)
    )
    if tiket_id is None:
        return None
    hasil = await s.execute(
        update(KodeResetRow)
        .where(
            KodeResetRow.id == tiket_id,
            KodeResetRow.selesai.is_(None),
            KodeResetRow.salah < maks_salah,
            KodeResetRow.kedaluwarsa > now,
        )
        .values(salah=KodeResetRow.salah + 1)
    )
    if hasil.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return await s.get(KodeResetRow, tiket_id, populate_existing=True)


async def pakai_kode(s: AsyncSession, tiket_id: str, now: dt.datetime) -> bool:
    """Spends a reset code; False when another request spent it first."""
    hasil = await s.execute(
        update(KodeResetRow).where(KodeResetRow.id == tiket_id, KodeResetRow.selesai.is_(None)).values(selesai=now)
    )
    return hasil.rowcount == 1  # type: ignore[attr-defined]


async def bersihkan(s: AsyncSession, sebelum: dt.datetime) -> None:
    """Attempts, sessions and reset codes that no rule looks at any more."""
    await s.execute(delete(PercobaanRow).where(PercobaanRow.waktu < sebelum))
    await s.execute(delete(KodeResetRow).where(KodeResetRow.kedaluwarsa < sebelum))
    await s.execute(delete(SesiRow).where(SesiRow.kedaluwarsa < sebelum))
    # Turns of rate-limit keys (one row per address ever seen); the next
    # attempt of a key makes its row again.
    await s.execute(giliran.delete().where(giliran.c.kunci.startswith("login") | giliran.c.kunci.startswith("reset")))
