"""Prints per account per hour are limited (each keeps its file a day for
retries): a burst of prints by one account gets exactly the allowance,
counted atomically, and the rest RESOURCE_EXHAUSTED with RetryInfo before
anything is rendered or stored; a retry of a print already made is free."""

import asyncio

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c
from google.rpc import error_details_pb2
from sqlalchemy import func, select

from services.cetak.store.models import BerkasCetakRow
from tests import data
from tests.api.cetak.bantu import TANGGAL, unduh
from tests.api.errors import status
from tests.api.penilaian.bantu import skp_disetujui
from tests.api.skp.bantu import rid

JATAH = 4


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"cetak_maks_per_jam": JATAH})


async def test_cetak_serentak_dibatasi_per_akun(client, server):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)

    def cetak(request_id):
        return unduh(
            client.cetak.CetakRencanaSkp(
                c.CetakRencanaSkpRequest(request_id=request_id, skp=skp.name, tanggal=TANGGAL), metadata=md
            )
        )

    ids = [rid() for _ in range(12)]
    hasil = await asyncio.gather(*(cetak(i) for i in ids), return_exceptions=True)
    ok = [(i, h) for i, h in zip(ids, hasil, strict=True) if not isinstance(h, BaseException)]
    ditolak = [h for h in hasil if isinstance(h, BaseException)]
    assert len(ok) == JATAH, hasil
    for err in ditolak:
        assert isinstance(err, grpc.aio.AioRpcError) and err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, err
        (retry,) = [d for d in status(err).details if d.Is(error_details_pb2.RetryInfo.DESCRIPTOR)]
        assert "per jam" in err.details()
    async with server.context.databases["cetak"].read() as s:
        assert await s.scalar(select(func.count()).select_from(BerkasCetakRow)) == JATAH
    # A retry of a print already made answers with its file, allowance or not.
    i, pertama = ok[0]
    assert (await cetak(i)).isi == pertama.isi
    # Another account has its own allowance.
    endang = await client.login(nip=data.ENDANG)
    await unduh(client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL), metadata=endang))
