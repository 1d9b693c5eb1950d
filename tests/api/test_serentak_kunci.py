"""Races the rules must survive on SQLite and PostgreSQL: no two SKPs of one
pegawai for one period, no two pimpinan for one unit, one rating per period
with nothing lost."""

from __future__ import annotations

import asyncio

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.penilaian.bantu import periode, skp_disetujui
from tests.api.skp.bantu import tgl

C = grpc.StatusCode
SERENTAK = 6


async def semua(*calls):
    out = await asyncio.gather(*calls, return_exceptions=True)
    for o in out:
        if isinstance(o, BaseException) and not isinstance(o, grpc.aio.AioRpcError):
            raise o
    return (
        [o for o in out if not isinstance(o, BaseException)],
        [o.code() for o in out if isinstance(o, grpc.aio.AioRpcError)],
    )


async def test_skp_satu_periode_dibuat_serentak_hanya_satu(client):
    md = await client.login(nip=data.SUTIKNO)
    req = s.CreateSkpRequest(
        skp=s.Skp(periode_awal=tgl(2031, 1, 1), periode_akhir=tgl(2031, 12, 31), pendekatan=s.PENDEKATAN_KUANTITATIF)
    )
    jadi, gagal = await semua(*(client.skp.CreateSkp(req, metadata=md) for _ in range(SERENTAK)))
    assert len(jadi) == 1 and set(gagal) <= {C.FAILED_PRECONDITION, C.ABORTED}, gagal
    daftar = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert [k.name for k in daftar.skp if k.periode_awal.year == 2031] == [jadi[0].name]


async def test_klaim_pimpinan_serentak_satu_pimpinan(client):
    """WIDANANG and SUYANTO both get the Sekretariat's jabatan pimpinan and
    claim the unit at the same moment."""
    hd = await client.login(username="helpdesk.bkpsdm")
    calon = [data.WIDANANG, data.SUYANTO, data.STAF_SEKRETARIAT]
    for nip in calon:
        await client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                alasan="uji klaim serentak",
                pegawai=p.Pegawai(name=f"pegawai/{nip}", unor_id=data.SEKRETARIAT, jabatan="Sekretaris BKPSDM"),
                update_mask=FieldMask(paths=["unor_id", "jabatan"]),
            ),
            metadata=hd,
        )
    masuk = [await client.login(nip=nip) for nip in calon]
    jadi, gagal = await semua(
        *(
            client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=f"pegawai/{nip}"), metadata=md)
            for nip, md in zip(calon, masuk, strict=True)
        )
    )
    assert len(jadi) == 1 and set(gagal) <= {C.FAILED_PRECONDITION, C.ABORTED}, gagal
    unor = await client.profil.GetUnor(p.GetUnorRequest(name=f"unor/{data.SEKRETARIAT}"), metadata=hd)
    assert unor.pimpinan.nip == jadi[0].pimpinan.nip


async def test_rating_serentak_satu_catatan_akhir(client):
    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    nilai = [
        (n.RATING_SESUAI_EKSPEKTASI, n.RATING_DIATAS_EKSPEKTASI),
        (n.RATING_DIBAWAH_EKSPEKTASI, n.RATING_SESUAI_EKSPEKTASI),
        (n.RATING_DIATAS_EKSPEKTASI, n.RATING_DIATAS_EKSPEKTASI),
    ] * 2
    jadi, gagal = await semua(
        *(
            client.penilaian.SetRating(
                n.SetRatingRequest(name=periode(skp, "tw1"), rating_hasil_kerja=h, rating_perilaku_kerja=r),
                metadata=endang,
            )
            for h, r in nilai
        )
    )
    assert jadi and set(gagal) <= {C.ABORTED}, gagal
    akhir = await client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=periode(skp, "tw1")), metadata=endang)
    # The stored rating is one of the accepted ones, whole (never hasil of one and perilaku of another).
    diterima = {(x.periode.rating_hasil_kerja, x.periode.rating_perilaku_kerja) for x in jadi}
    assert (akhir.periode.rating_hasil_kerja, akhir.periode.rating_perilaku_kerja) in diterima
    # The trail has one record per accepted call, none for a refused one.
    hd = await client.login(username="helpdesk.bkpsdm")
    from ekinerja.audit.v1 import audit_pb2 as au

    jejak = await client.penilaian.ListJejakAudit(au.ListJejakAuditRequest(metode="SetRating"), metadata=hd)
    assert len(jejak.jejak) == len(jadi)
