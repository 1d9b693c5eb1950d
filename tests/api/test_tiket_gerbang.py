"""AuthService/BuatTiketGerbang: the SSH gateway names the SSH client's address
for one Login of one account; that Login is counted against it."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2 as a

from services.profil.usecases import akun, tiket_gerbang
from services.shared.db import Database
from tests import data

C = grpc.StatusCode


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"login_max_gagal_alamat": 1})


async def _tiket(client, layanan, login: str, alamat: str) -> str:
    r = await client.auth.BuatTiketGerbang(
        a.BuatTiketGerbangRequest(login=login, alamat_klien=alamat), metadata=layanan
    )
    return r.tiket


async def _masuk(client, nip: str, password: str, tiket: str = "") -> C:
    md = ((tiket_gerbang.METADATA, tiket),) if tiket else ()
    try:
        await client.auth.Login(a.LoginRequest(nip=nip, password=password), metadata=md)
    except grpc.aio.AioRpcError as e:
        return e.code()
    return C.OK


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_login_dengan_tiket_dihitung_pada_alamat_klien_ssh(client):
    layanan = await client.login(username="gerbang.ssh")
    # A wrong password through the gateway counts against the SSH client's address 10.0.0.5…
    t1 = await _tiket(client, layanan, data.SUTIKNO, "10.0.0.5")
    assert await _masuk(client, data.SUTIKNO, "salah", t1) == C.UNAUTHENTICATED
    # …not this peer's (the gateway's): another person's Login from here still goes,
    assert await _masuk(client, data.ENDANG, data.PASSWORD) == C.OK
    # while 10.0.0.5 is spent for everyone the gateway brings from there.
    assert (
        await _masuk(client, data.WIDANANG, data.PASSWORD, await _tiket(client, layanan, data.WIDANANG, "10.0.0.5"))
        == C.RESOURCE_EXHAUSTED
    )


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_tiket_sekali_pakai_dan_untuk_login_itu_saja(client):
    layanan = await client.login(username="gerbang.ssh")
    t1 = await _tiket(client, layanan, data.SUTIKNO, "10.0.0.5")
    assert await _masuk(client, data.SUTIKNO, data.PASSWORD, t1) == C.OK
    # Used again, or for another account: worth nothing, the Login is this peer's.
    assert await _masuk(client, data.SUTIKNO, "salah", t1) == C.UNAUTHENTICATED
    lain = await _tiket(client, layanan, data.SUYANTO, "10.0.0.6")
    assert await _masuk(client, data.ENDANG, data.PASSWORD, lain) == C.RESOURCE_EXHAUSTED  # this peer: spent
    assert await _masuk(client, data.SUYANTO, data.PASSWORD, lain) == C.OK  # still whole for SUYANTO


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_hanya_akun_gerbang_dan_alamat_ip(client):
    # Neither a pegawai nor a service account of another system: only the gateway's account.
    for md in (await client.login(nip=data.SUTIKNO), await client.login(username="layanan.siasn")):
        with pytest.raises(grpc.aio.AioRpcError) as e:
            await _tiket(client, md, data.SUTIKNO, "10.0.0.5")
        assert e.value.code() == C.PERMISSION_DENIED
    layanan = await client.login(username="gerbang.ssh")
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await _tiket(client, layanan, data.SUTIKNO, "10.0.0.5; DROP")
    assert e.value.code() == C.INVALID_ARGUMENT and "alamat_klien" in str(e.value.debug_error_string())


async def test_tiket_ditukar_sekali_saja_dalam_serbuan(client, server):
    layanan = await client.login(username="gerbang.ssh")
    tiket = await _tiket(client, layanan, data.SUTIKNO, "10.0.0.7")
    db: Database = server.context.databases["profil"]

    async def tukar() -> str | None:
        async with db.transaction() as s:
            return await tiket_gerbang.tukar(s, tiket, data.SUTIKNO, akun.now())

    hasil = await asyncio.gather(*(tukar() for _ in range(40)), return_exceptions=True)
    assert [h for h in hasil if h is not None] == ["10.0.0.7"], hasil
