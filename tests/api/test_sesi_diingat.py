"""The embedded default remembers profil's session answer for sesi_cek_detik
(services/profil/usecases/ingatan_sesi.py) instead of asking the database on
every RPC. Whatever ends a session in this process is refused at once by
every service of this process; another process on the same database (another
worker of `ekinerja serve`, another replica) refuses it within the window."""

from __future__ import annotations

import asyncio
import time
from unittest import mock

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2 as a

from services.profil import module as profil_module
from services.registry import MODULES
from services.shared.config import Settings
from services.shared.server import start
from tests import data
from tests.api.test_logout_semua import ditolak_semua, semua_layanan
from tests.conftest import Client

JENDELA = 1


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"sesi_cek_detik": JENDELA})


async def test_sesi_ditanya_sekali_per_jendela(client, server):
    ingatan = server.context.services["profil.sesi"]
    asli = ingatan._tanya
    ditanya: list[str] = []

    async def hitung(p):
        ditanya.append(p.sesi_id)
        return await asli(p)

    ingatan._tanya = hitung
    ingatan._ttl = 600  # not the test's 1 s: a slow machine must not run it out meanwhile
    md = await client.login(nip=data.SUTIKNO)
    for _ in range(3):
        await semua_layanan(client, md)  # four services, several calls on the caller's behalf
    assert len(ditanya) == 1
    nanti = time.monotonic() + 601
    with mock.patch("services.profil.usecases.ingatan_sesi.time.monotonic", return_value=nanti):
        await semua_layanan(client, md)
    assert len(ditanya) == 2  # the answer runs out: asked again


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_logout_langsung_di_proses_ini_dalam_jendela_di_proses_lain(settings, server, client, monkeypatch):
    """The other process watches a stamp file of its own (as a replica on
    another machine, with its own data directory, would): only the window
    tells it."""
    monkeypatch.setattr(profil_module, "TANDA_SESI", "mesin-lain.tanda")
    kedua = await start(settings, list(MODULES.values()), port=0)  # same database
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{kedua.port}") as ch:
            lain = Client(ch)
            md = await client.login(nip=data.WIDANANG)
            await semua_layanan(client, md, data.WIDANANG)
            await semua_layanan(lain, md, data.WIDANANG)  # both processes remember it active
            await client.auth.Logout(a.LogoutRequest(), metadata=md)
            await ditolak_semua(client, md, data.WIDANANG)  # at once, every service of this process
            await asyncio.sleep(JENDELA + 0.2)
            await ditolak_semua(lain, md, data.WIDANANG)  # the other within the window

            # The same for the sessions UbahPassword ends (all but the caller's).
            saya = await client.login(nip=data.SUTIKNO)
            laptop = await client.login(nip=data.SUTIKNO)
            await semua_layanan(client, laptop)
            await semua_layanan(lain, laptop)
            baru = "Kuda-Lumping-Sore-7"
            await client.auth.UbahPassword(
                a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru=baru), metadata=saya
            )
            await ditolak_semua(client, laptop)
            await semua_layanan(client, saya)
            await asyncio.sleep(JENDELA + 0.2)
            await ditolak_semua(lain, laptop)
            await semua_layanan(lain, saya)
    finally:
        await kedua.stop(grace=1)


async def test_cek_sesi_selalu_segar(client, server):
    """CekSesi answers other processes, which remember it themselves: it is
    read fresh even while this process still remembers the session active."""
    from sqlalchemy import update

    from services.profil.store.models import SesiRow

    md = await client.login(nip=data.ENDANG)
    await semua_layanan(client, md, data.ENDANG)
    async with server.context.databases["profil"].transaction() as s:  # ended from elsewhere
        await s.execute(update(SesiRow).values(dicabut=SesiRow.dibuat))
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await client.auth.CekSesi(a.CekSesiRequest(), metadata=md)
    assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_proses_lain_pada_folder_data_sama_menolak_seketika(settings, server, client):
    """The workers of one `ekinerja serve` share the data directory: the stamp
    file tells the others at once, without waiting for the window."""
    kedua = await start(settings.model_copy(update={"sesi_cek_detik": 3600}), list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{kedua.port}") as ch:
            lain = Client(ch)
            md = await client.login(nip=data.WIDANANG)
            await semua_layanan(lain, md, data.WIDANANG)  # remembered active for an hour there
            await client.auth.Logout(a.LogoutRequest(), metadata=md)
            await ditolak_semua(lain, md, data.WIDANANG)
    finally:
        await kedua.stop(grace=1)
