"""Readiness and liveness (grpc.health): each service's own name is its
readiness — NOT_SERVING while its database or a service it calls does not
answer, SERVING again once they do — and "" is liveness, SERVING while the
process serves at all (a probe that restarted pods because PostgreSQL is
down would only add to the outage)."""

from __future__ import annotations

import asyncio
import contextlib
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import make_url

from services.registry import MODULES
from services.shared.config import Settings
from services.shared.server import Running, start
from services.shared.tokens import ensure_keypair

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


class Relai:
    """A TCP relay to PostgreSQL that can be cut and restored on the same port."""

    def __init__(self, port_tujuan: int) -> None:
        self.port_tujuan = port_tujuan
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tulis: set[asyncio.StreamWriter] = set()

    async def mulai(self) -> None:
        self._server = await asyncio.start_server(self._layani, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def putus(self) -> None:
        assert self._server is not None
        self._server.close()
        for w in list(self._tulis):
            w.close()
        await self._server.wait_closed()

    async def _layani(self, r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            r2, w2 = await asyncio.open_connection("127.0.0.1", self.port_tujuan)
        except OSError:
            w.close()
            return
        self._tulis |= {w, w2}

        async def salin(a: asyncio.StreamReader, b: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await a.read(65536):
                    b.write(data)
                    await b.drain()
            b.close()

        await asyncio.gather(salin(r, w2), salin(r2, w))
        self._tulis -= {w, w2}


async def _status(channel: grpc.aio.Channel, service: str) -> int:
    jawab = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
    return int(jawab.status)


async def _tunggu(channel: grpc.aio.Channel, service: str, status: int, batas: float = 30.0) -> None:
    akhir = time.monotonic() + batas
    while (sekarang := await _status(channel, service)) != status:
        assert time.monotonic() < akhir, f"{service}: {sekarang}, bukan {status}"
        await asyncio.sleep(0.1)


async def test_postgres_mati_readiness_not_serving_liveness_tetap(settings: Settings, backend: str):
    if backend != "postgresql":
        pytest.skip("hanya PostgreSQL yang dapat dimatikan di tengah jalan")
    url = make_url(settings.database_url or "")
    relai = Relai(url.port or 5432)
    await relai.mulai()
    s = settings.model_copy(
        update={
            "database_url": url.set(host="127.0.0.1", port=relai.port).render_as_string(hide_password=False),
            "sehat_cek_detik": 0.2,
        }
    )
    ensure_keypair(s.private_key_path, s.public_key_path)
    running = await start(s, [MODULES["profil"], MODULES["skp"]], port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            assert await _status(ch, "ekinerja.profil.v1.AuthService") == SERVING
            await relai.putus()
            for nama in (
                "ekinerja.profil.v1.AuthService",
                "ekinerja.profil.v1.ProfilService",
                "ekinerja.skp.v1.SkpService",
            ):
                await _tunggu(ch, nama, NOT_SERVING)
            assert await _status(ch, "") == SERVING  # liveness: the process is fine
            await relai.mulai()  # PostgreSQL is back, on the same address
            await _tunggu(ch, "ekinerja.profil.v1.AuthService", SERVING)
            await _tunggu(ch, "ekinerja.skp.v1.SkpService", SERVING)
    finally:
        await running.stop(grace=0)
        with contextlib.suppress(Exception):
            await relai.putus()


async def test_layanan_yang_dipanggil_mati_readiness_not_serving(settings: Settings, backend: str):
    if backend != "sqlite":
        pytest.skip("tentang layanan lain, bukan basis data")
    s = settings.model_copy(update={"sehat_cek_detik": 0.2})
    ensure_keypair(s.private_key_path, s.public_key_path)
    profil: Running | None = await start(s, [MODULES["profil"]], port=0)
    assert profil is not None
    alamat_profil = f"127.0.0.1:{profil.port}"
    penilaian = await start(s.model_copy(update={"profil_address": alamat_profil}), [MODULES["penilaian"]], port=0)
    skp = await start(
        s.model_copy(update={"profil_address": alamat_profil, "penilaian_address": f"127.0.0.1:{penilaian.port}"}),
        [MODULES["skp"]],
        port=0,
    )
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as ch:
            await _tunggu(ch, "ekinerja.skp.v1.SkpService", SERVING)
            await profil.stop(grace=0)
            profil = None
            await _tunggu(ch, "ekinerja.skp.v1.SkpService", NOT_SERVING)
            assert await _status(ch, "") == SERVING
    finally:
        for r in (skp, penilaian, profil):
            if r is not None:
                await r.stop(grace=0)
