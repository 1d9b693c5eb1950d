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


async def buat_skp(
    client,
    md,
    awal=(2023, 1, 1),
    akhir=(2023, 12, 31),
    pendekatan=s.PENDEKATAN_KUANTITATIF,
    unor_plt_id="",
    request_id="",
) -> s.Skp:
    return await client.skp.CreateSkp(
        s.CreateSkpRequest(
            request_id=request_id,
            skp=s.Skp(
                periode_awal=tgl(*awal), periode_akhir=tgl(*akhir), pendekatan=pendekatan, unor_plt_id=unor_plt_id
            ),
        ),
        metadata=md,
    )


async def tambah_rhk(
    client,
    md,
    skp: s.Skp,
    teks="Terlaksananya penomoran dan pengarsipan SK Pensiun",
    jenis=s.JENIS_RHK_UTAMA,
    intervensi=True,
    **kw,
) -> s.Rhk:
    """An RHK Utama of an SKP with a penilai intervenes an RHK Organisasi of
    the penilai (docs/domain.md#rhk), made ready by `rhk_atasan_untuk` unless
    the test names one or says `intervensi=False`."""
    if intervensi and jenis == s.JENIS_RHK_UTAMA and "rhk_atasan" not in kw:
        kw["rhk_atasan"] = await rhk_atasan_untuk(client, md, skp)
    return await client.skp.CreateRhk(
        s.CreateRhkRequest(parent=skp.name, rhk=s.Rhk(teks=teks, jenis=jenis, **kw)), metadata=md
    )


def _bertumpang(a: s.Skp, b: s.Skp) -> bool:
    kunci = lambda d: (d.year, d.month, d.day)  # noqa: E731
    return kunci(a.periode_awal) <= kunci(b.periode_akhir) and kunci(b.periode_awal) <= kunci(a.periode_akhir)


async def rhk_atasan_untuk(client, md, skp: s.Skp) -> str:
    """An RHK Organisasi of the SKP's penilai assigned to its pegawai in the
    MPH: the first one offered, else the penilai's overlapping SKP gets one
    (an SKP of the same period is made for the penilai when there is none)."""
    opsi = await client.skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=skp.name), metadata=md)
    if opsi.rhk:
        return opsi.rhk[0].name
    skp = await client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)  # its penilai today
    if not skp.penilai.nip:
        return ""
    mp = await client.login(nip=skp.penilai.nip)
    daftar = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{skp.penilai.nip}"), metadata=mp)
    atas = next((k for k in daftar.skp if not k.unor_plt_id and _bertumpang(k, skp)), None)
    if atas is None:
        atas = await client.skp.CreateSkp(
            s.CreateSkpRequest(
                skp=s.Skp(
                    periode_awal=skp.periode_awal, periode_akhir=skp.periode_akhir, pendekatan=s.PENDEKATAN_KUANTITATIF
                )
            ),
            metadata=mp,
        )
    atas = await client.skp.GetSkp(s.GetSkpRequest(name=atas.name), metadata=mp)
    org = [r for r in atas.rhk if r.klasifikasi == s.KLASIFIKASI_RHK_ORGANISASI]
    if org:
        rhk = org[0]
    else:
        rhk = await client.skp.CreateRhk(
            s.CreateRhkRequest(
                parent=atas.name,
                rhk=s.Rhk(
                    teks="Tersedianya data yang akurat dan terlaksananya layanan ASN",
                    jenis=s.JENIS_RHK_UTAMA,
                    klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI,
                ),
            ),
            metadata=mp,
        )
    await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(rhk=rhk.name, nip=skp.nip, ditugaskan=True), metadata=mp
    )
    return rhk.name


async def tambah_indikator(
    client, md, rhk: s.Rhk, target="12 bulan", aspek=s.ASPEK_KUANTITAS, teks="pengarsipan dokumen kepegawaian"
) -> s.Indikator:
    return await client.skp.CreateIndikator(
        s.CreateIndikatorRequest(parent=rhk.name, indikator=s.Indikator(aspek=aspek, teks=teks, target=target)),
        metadata=md,
    )


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
