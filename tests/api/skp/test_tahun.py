"""A year outside 2000–2100 is refused as bad input naming the field, and
penilaian of an SKP with such a year (stored before the check) answers
without INTERNAL."""

import datetime as dt

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s
from sqlalchemy import update

from services.skp.store.models import SkpRow
from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import skp_disetujui
from tests.api.skp.bantu import buat_skp, tgl

C = grpc.StatusCode


async def test_tahun_di_luar_rentang_ditolak(client):
    md = await client.login(nip=data.SUTIKNO)
    for tahun in (9999, 1999, 2101, 1):
        err = await gagal(buat_skp(client, md, awal=(tahun, 1, 1), akhir=(tahun, 12, 31)), C.INVALID_ARGUMENT)
        assert "2000" in field_violations(err)["skp.periode_awal"]
    skp = await buat_skp(client, md)
    err = await gagal(
        client.skp.UpdateSkp(
            s.UpdateSkpRequest(
                skp=s.Skp(name=skp.name, periode_awal=tgl(9999, 1, 1), periode_akhir=tgl(9999, 12, 31)),
                update_mask={"paths": ["periode_awal", "periode_akhir"]},
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "skp.periode_awal" in field_violations(err)


async def test_penilaian_skp_bertahun_9999_tidak_internal(client, server):
    skp = await skp_disetujui(client, tahun=2023)
    md = await client.login(nip=data.SUTIKNO)
    # Stored before the year was checked: one written by an older version.
    async with server.context.databases["skp"].transaction() as sesi:
        await sesi.execute(
            update(SkpRow)
            .where(SkpRow.id == skp.id)
            .values(awal=dt.date(9999, 1, 1), akhir=dt.date(9999, 12, 31), tahun=9999)
        )
    for kode in ("akhir", "tw1"):
        try:
            await client.penilaian.GetPenilaian(
                n.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/{kode}"), metadata=md
            )
        except grpc.aio.AioRpcError as e:
            assert e.code() == C.FAILED_PRECONDITION, e.details()
            assert "9999" in e.details()
    try:
        await client.penilaian.ListPeriodePenilaian(n.ListPeriodePenilaianRequest(skp=skp.name), metadata=md)
    except grpc.aio.AioRpcError as e:
        assert e.code() == C.FAILED_PRECONDITION, e.details()
