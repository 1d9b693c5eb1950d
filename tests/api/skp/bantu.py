"""Small steps the SKP tests repeat: make an SKP, add RHK and indikator."""

from __future__ import annotations

import datetime as dt
import uuid

from ekinerja.skp.v1 import skp_pb2 as s
from google.type.date_pb2 import Date


def tgl(y: int, m: int, d: int) -> Date:
    return Date(year=y, month=m, day=d)


def rid() -> str:
    return uuid.uuid4().hex


async def buat_skp(client, md, awal=(2023, 1, 1), akhir=(2023, 12, 31), pendekatan=s.PENDEKATAN_KUANTITATIF,
                   unor_plt_id="", request_id="") -> s.Skp:
    return await client.skp.CreateSkp(s.CreateSkpRequest(
        request_id=request_id,
        skp=s.Skp(periode_awal=tgl(*awal), periode_akhir=tgl(*akhir), pendekatan=pendekatan,
                  unor_plt_id=unor_plt_id)), metadata=md)


async def tambah_rhk(client, md, skp: s.Skp, teks="Terlaksananya penomoran dan pengarsipan SK Pensiun",
                     jenis=s.JENIS_RHK_UTAMA, **kw) -> s.Rhk:
    return await client.skp.CreateRhk(s.CreateRhkRequest(
        parent=skp.name, rhk=s.Rhk(teks=teks, jenis=jenis, **kw)), metadata=md)


async def tambah_indikator(client, md, rhk: s.Rhk, target="12 bulan", aspek=s.ASPEK_KUANTITAS,
                           teks="pengarsipan dokumen kepegawaian") -> s.Indikator:
    return await client.skp.CreateIndikator(s.CreateIndikatorRequest(
        parent=rhk.name, indikator=s.Indikator(aspek=aspek, teks=teks, target=target)), metadata=md)


async def skp_siap(client, md, **kw) -> s.Skp:
    """An SKP with one RHK Utama and one indikator: ready for Ajukan."""
    skp = await buat_skp(client, md, **kw)
    rhk = await tambah_rhk(client, md, skp)
    await tambah_indikator(client, md, rhk)
    return await client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)


async def get(client, md, skp: s.Skp) -> s.Skp:
    return await client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)


def hari(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)
