"""Calls between services of one process without the network
(services/shared/kanal_dalam.py, issue 18): the same answers, the same
refusals (code, words and rich status), the callee's Boundary run again
(the token, the deadline), nothing shared between the two sides, and the
network whenever the service has an address of its own or tracing is on."""

from __future__ import annotations

import dataclasses

import grpc
import pytest
import structlog
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from services.shared import kanal_dalam
from services.shared import principal as pr
from services.shared.server import Running
from tests import data
from tests.api.errors import field_violations, gagal, status
from tests.api.skp.bantu import skp_siap


def _dalam(server: Running) -> kanal_dalam.KanalDalam:
    kanal = server.context.saluran("skp")()
    assert isinstance(kanal, kanal_dalam.KanalDalam)
    return kanal


async def test_jawaban_dan_penolakan_sama_dengan_lewat_jaringan(client, server: Running) -> None:
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    dalam = skp_pb2_grpc.SkpServiceStub(_dalam(server))
    assert await dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md) == skp
    for permintaan, kode, kasus in (
        (s.GetSkpRequest(name="skp/" + "0" * 32), grpc.StatusCode.NOT_FOUND, "tidak ada"),
        (s.GetSkpRequest(name="bukan-nama"), grpc.StatusCode.INVALID_ARGUMENT, "nama salah"),
    ):
        lewat_jaringan = await gagal(client.skp.GetSkp(permintaan, metadata=md), kode)
        lewat_dalam = await gagal(dalam.GetSkp(permintaan, metadata=md), kode)
        assert lewat_dalam.details() == lewat_jaringan.details(), kasus
        assert status(lewat_dalam) == status(lewat_jaringan), kasus
        assert field_violations(lewat_dalam) == field_violations(lewat_jaringan), kasus
    # The callee's Boundary checks the token again: none, or a forged one, is refused.
    await gagal(dalam.GetSkp(s.GetSkpRequest(name=skp.name)), grpc.StatusCode.UNAUTHENTICATED)
    palsu = (("authorization", "Bearer bukan.token.sah"),)
    await gagal(dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=palsu), grpc.StatusCode.UNAUTHENTICATED)
    # Another pegawai's rights are his own, as over the network.
    lain = await client.login(nip=data.STAF_PELAYANAN)
    await gagal(dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=lain), grpc.StatusCode.PERMISSION_DENIED)


async def test_tenggat_dan_tidak_ada_yang_dibagi(client, server: Running) -> None:
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    dalam = skp_pb2_grpc.SkpServiceStub(_dalam(server))
    for batas in (0.0, -1.0, 1e-9):
        await gagal(
            dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md, timeout=batas), grpc.StatusCode.DEADLINE_EXCEEDED
        )
    # The answer is the caller's own copy: changing it changes nothing kept by skp.
    jawaban = await dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)
    jawaban.jabatan = "diubah oleh pemanggil"
    jawaban.rhk[0].teks = "diubah juga"
    assert await dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md) == skp
    # The callee's principal and log context stay in its own task.
    penanda = pr.set_current(None)
    structlog.contextvars.bind_contextvars(rid="milik-pemanggil")
    try:
        await dalam.GetSkp(s.GetSkpRequest(name=skp.name), metadata=md)
        assert pr.current_or_none() is None
        assert structlog.contextvars.get_contextvars() == {"rid": "milik-pemanggil"}
    finally:
        structlog.contextvars.clear_contextvars()
        pr.set_current(None)
        del penanda


async def test_selain_unary_layanan_ini_lewat_jaringan(server: Running) -> None:
    kanal = _dalam(server)
    try:
        jawaban = await health_pb2_grpc.HealthStub(kanal).Check(health_pb2.HealthCheckRequest())
        assert jawaban.status == health_pb2.HealthCheckResponse.SERVING
    finally:
        await kanal.close()


@pytest.mark.parametrize("alamat", [True, False])
async def test_layanan_beralamat_atau_pelacakan_lewat_jaringan(server: Running, monkeypatch, alamat: bool) -> None:
    konteks = server.context
    if alamat:
        konteks = dataclasses.replace(
            konteks, settings=konteks.settings.model_copy(update={"skp_address": f"127.0.0.1:{server.port}"})
        )
    else:
        from services.shared import pelacakan

        monkeypatch.setattr(pelacakan, "provider", lambda: object())
    kanal = konteks.saluran("skp")()
    try:
        assert isinstance(kanal, grpc.aio.Channel)
    finally:
        await kanal.close()
