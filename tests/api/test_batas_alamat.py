"""Failed logins are limited per NIP and per client address: trying many NIPs
from one address (password spraying) is stopped too. Behind a trusted proxy
the address is the one the proxy names in x-real-ip, and only then."""

from __future__ import annotations

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import auth_pb2_grpc

from services.registry import MODULES
from services.shared.server import start
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])
NIP = [data.SUTIKNO, data.WIDANANG, data.SUYANTO, data.ENDANG]


async def _coba(stub, nip: str, password: str, alamat: str | None = None) -> grpc.StatusCode:
    md = (("x-real-ip", alamat),) if alamat else ()
    try:
        await stub.Login(a.LoginRequest(nip=nip, password=password), metadata=md)
    except grpc.aio.AioRpcError as e:
        return e.code()
    return grpc.StatusCode.OK


async def test_percobaan_dari_satu_alamat_dibatasi(settings):
    running = await start(settings.model_copy(update={"login_max_gagal_alamat": 3}), list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            stub = auth_pb2_grpc.AuthServiceStub(ch)
            hasil = [await _coba(stub, nip, "tebakan-salah") for nip in NIP]
            assert hasil == [grpc.StatusCode.UNAUTHENTICATED] * 3 + [grpc.StatusCode.RESOURCE_EXHAUSTED]
            # Even the right password waits: the address is locked out, with a notice.
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await stub.Login(a.LoginRequest(nip=data.SUYANTO, password=data.PASSWORD))
            assert "alamat jaringan Anda" in e.value.details()
            # x-real-ip from an untrusted peer changes nothing.
            assert await _coba(stub, data.SUYANTO, data.PASSWORD, "10.9.8.7") == grpc.StatusCode.RESOURCE_EXHAUSTED
    finally:
        await running.stop(grace=1)


async def test_di_balik_proxy_tepercaya_per_alamat_klien(settings):
    setelan = settings.model_copy(update={"login_max_gagal_alamat": 2, "proxy_tepercaya": ["127.0.0.0/8"]})
    running = await start(setelan, list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            stub = auth_pb2_grpc.AuthServiceStub(ch)
            for nip in NIP[:2]:
                assert await _coba(stub, nip, "salah", "10.0.0.5") == grpc.StatusCode.UNAUTHENTICATED
            assert await _coba(stub, NIP[2], "salah", "10.0.0.5") == grpc.StatusCode.RESOURCE_EXHAUSTED
            # Another client behind the same proxy is not punished for it.
            assert await _coba(stub, data.ENDANG, data.PASSWORD, "10.0.0.6") == grpc.StatusCode.OK
    finally:
        await running.stop(grace=1)


async def test_x_real_ip_hanya_dipercaya_lewat_soket_proxy(settings, tmp_path):
    """In the systemd layout nginx connects from 127.0.0.1 like every local
    process, so loopback cannot be trusted: nginx speaks through a unix
    socket only its group may open, and x-real-ip counts there alone."""
    soket = tmp_path / "profil.sock"
    setelan = settings.model_copy(update={"login_max_gagal_alamat": 2, "proxy_soket": soket})
    for _ in range(2):  # a socket left by an earlier run does not stop the next start
        running = await start(setelan, list(MODULES.values()), port=0)
        await running.stop(grace=1)
    running = await start(setelan, list(MODULES.values()), port=0)
    try:
        assert soket.stat().st_mode & 0o777 == 0o660
        async with (
            grpc.aio.insecure_channel(f"unix:{soket}") as proxy,
            grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as lokal,
        ):
            lewat_proxy, langsung = auth_pb2_grpc.AuthServiceStub(proxy), auth_pb2_grpc.AuthServiceStub(lokal)
            for nip in NIP[:2]:
                assert await _coba(lewat_proxy, nip, "salah", "10.0.0.5") == grpc.StatusCode.UNAUTHENTICATED
            assert await _coba(lewat_proxy, NIP[2], "salah", "10.0.0.5") == grpc.StatusCode.RESOURCE_EXHAUSTED
            # Another client behind the proxy is not punished for it.
            assert await _coba(lewat_proxy, data.ENDANG, data.PASSWORD, "10.0.0.6") == grpc.StatusCode.OK
            # A local process on the TCP port cannot pose as a client address:
            # its guesses count against loopback, whatever x-real-ip it sends.
            for nip in NIP[:2]:
                assert await _coba(langsung, nip, "salah", "10.0.0.99") == grpc.StatusCode.UNAUTHENTICATED
            assert await _coba(langsung, NIP[2], "salah", "10.0.0.77") == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert await _coba(lewat_proxy, data.ENDANG, data.PASSWORD, "10.0.0.99") == grpc.StatusCode.OK
    finally:
        await running.stop(grace=1)
