"""Copies of one request_id sent at once (a client retrying while the first
is still in flight) all get the first's answer: the change happens once,
with one audit row, and no copy is told ABORTED or FAILED_PRECONDITION by
the very change it asked for."""

import asyncio

from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask
from sqlalchemy import func, select

from services.penilaian.store import models as penilaian_models
from services.skp.store import models as skp_models
from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA, lihat, periode, skp_disetujui
from tests.api.skp.bantu import buat_skp, rid, skp_siap, tgl

SALINAN = 10


async def serentak(panggil):
    hasil = await asyncio.gather(*(panggil() for _ in range(SALINAN)), return_exceptions=True)
    gagal = [h for h in hasil if isinstance(h, BaseException)]
    assert not gagal, gagal
    assert all(h == hasil[0] for h in hasil), hasil
    return hasil[0]


async def jejak(server, layanan, request_id) -> int:
    models = {"skp": skp_models, "penilaian": penilaian_models}[layanan]
    async with server.context.databases[layanan].read() as sesi:
        return (
            await sesi.execute(
                select(func.count()).select_from(models.jejak).where(models.jejak.c.request_id == request_id)
            )
        ).scalar_one()


async def test_create_skp_serentak(client, server):
    md = await client.login(nip=data.SUTIKNO)
    req = s.CreateSkpRequest(
        request_id=rid(),
        skp=s.Skp(periode_awal=tgl(2023, 1, 1), periode_akhir=tgl(2023, 12, 31), pendekatan=s.PENDEKATAN_KUANTITATIF),
    )
    await serentak(lambda: client.skp.CreateSkp(req, metadata=md))
    daftar = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert [k.periode_awal.year for k in daftar.skp].count(2023) == 1
    assert await jejak(server, "skp", req.request_id) == 1


async def test_update_lampiran_serentak(client, server):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    req = s.UpdateLampiranRequest(
        request_id=rid(),
        name=skp.name,
        etag=skp.etag,
        lampiran=s.Lampiran(konsekuensi=["pembinaan"]),
        update_mask=FieldMask(paths=["konsekuensi"]),
    )
    baru = await serentak(lambda: client.skp.UpdateLampiran(req, metadata=md))
    assert list(baru.lampiran.konsekuensi) == ["pembinaan"]
    assert await jejak(server, "skp", req.request_id) == 1


async def test_ajukan_skp_serentak(client, server):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    req = s.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag)
    diajukan = await serentak(lambda: client.skp.AjukanSkp(req, metadata=md))
    assert diajukan.status == s.STATUS_SKP_PENGAJUAN
    assert await jejak(server, "skp", req.request_id) == 1


async def test_update_realisasi_serentak(client, server):
    skp = await skp_disetujui(client, tahun=TAHUN_BUKA)
    md = await client.login(nip=data.SUTIKNO)
    ind = skp.rhk[0].indikator[0].name
    awal = await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(parent=periode(skp), realisasi=n.Realisasi(indikator=ind, realisasi="1 bulan")),
        metadata=md,
    )
    req = n.UpdateRealisasiRequest(
        request_id=rid(), parent=periode(skp), realisasi=n.Realisasi(indikator=ind, realisasi="3 bulan", etag=awal.etag)
    )
    await serentak(lambda: client.penilaian.UpdateRealisasi(req, metadata=md))
    assert [r.realisasi for r in (await lihat(client, md, skp)).realisasi] == ["3 bulan"]
    assert await jejak(server, "penilaian", req.request_id) == 1


async def test_set_rating_serentak(client, server):
    skp = await skp_disetujui(client, tahun=TAHUN_BUKA)
    endang = await client.login(nip=data.ENDANG)
    awal = await lihat(client, endang, skp)
    req = n.SetRatingRequest(
        request_id=rid(),
        name=periode(skp),
        etag=awal.etag,
        rating_hasil_kerja=n.RATING_SESUAI_EKSPEKTASI,
        rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI,
    )
    dinilai = await serentak(lambda: client.penilaian.SetRating(req, metadata=endang))
    assert dinilai.periode.rating_hasil_kerja == n.RATING_SESUAI_EKSPEKTASI
    assert await jejak(server, "penilaian", req.request_id) == 1
