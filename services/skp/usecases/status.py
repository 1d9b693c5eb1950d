"""Ajukan, Setujui, Kembalikan, Edit Status, and the history they write."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.principal import Principal
from services.skp.domain import status as st
from services.skp.store import repository as repo
from services.skp.store.models import RiwayatRow
from services.skp.usecases import rhk
from services.skp.usecases.umum import Tampilan, baca, catat, isi, sentuh, tampilan, untuk_pemilik, untuk_penilai


async def _isi(s: AsyncSession, t: Tampilan) -> st.IsiSkp:
    pilihan, _ = await rhk.pilihan_intervensi(s, t.skp)
    return isi(t, frozenset(i.rhk.id for i in pilihan))


async def ajukan(s: AsyncSession, p: Principal, skp_id: str, etag: str) -> Tampilan:
    row = await untuk_pemilik(s, p, skp_id, etag)
    t = await tampilan(s, row)
    dari, row.status = row.status, st.ajukan(row.status, await _isi(s, t))
    row.keterangan = ""
    sentuh(row)
    catat(s, p, row, dari, row.status)
    return await tampilan(s, row)


async def setujui(s: AsyncSession, p: Principal, skp_id: str, etag: str) -> Tampilan:
    row = await untuk_penilai(s, p, skp_id, etag)
    dari, row.status = row.status, st.setujui(row.status)
    sentuh(row)
    catat(s, p, row, dari, row.status)
    return await tampilan(s, row)


async def kembalikan(s: AsyncSession, p: Principal, skp_id: str, alasan: str, etag: str) -> Tampilan:
    row = await untuk_penilai(s, p, skp_id, etag)
    dari = row.status
    row.status, row.keterangan = st.kembalikan(row.status, alasan)
    sentuh(row)
    catat(s, p, row, dari, row.status, row.keterangan)
    return await tampilan(s, row)


async def ubah_status(s: AsyncSession, p: Principal, skp_id: str, ke: str, alasan: str, etag: str) -> Tampilan:
    row = await untuk_penilai(s, p, skp_id, etag, juga_pengelola=True)
    t = await tampilan(s, row)
    dari = row.status
    row.status, alasan = st.ubah_status(row.status, ke, alasan, await _isi(s, t))
    if row.status == st.DRAFT:
        row.keterangan = alasan
    sentuh(row)
    catat(s, p, row, dari, row.status, f"Edit Status: {alasan}" if alasan else "Edit Status")
    return await tampilan(s, row)


async def riwayat(s: AsyncSession, p: Principal, skp_id: str) -> list[RiwayatRow]:
    await baca(s, p, skp_id)
    return await repo.riwayat(s, skp_id)
