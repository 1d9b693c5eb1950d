"""Issue 18's per-RPC figures on a generated instansi of 10,000 pegawai
(bench/generator.py, as bench/skala.py measures them): the key RPCs at 32
clients as ratios to the bare floor, the server's CPU per call (what
deploy/SCALING.md prices), the login rate over many accounts, and a login
storm beside ordinary reads.

Logins come from many client addresses, as they would behind nginx: the
bench's server trusts 127.0.0.1 as its proxy (EKINERJA_PROXY_TEPERCAYA, a
documented setting; its default stays empty) and every Login names its own
`x-real-ip`. From one address the per-address limits (argon2 two at a time,
50 reservations) would measure the limiter, not the server."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Awaitable, Callable

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from bench import kunci, proses
from bench.generator import PASSWORD, Hasil, generate
from bench.kanal import kanal
from cli.migrate import migrate
from services.shared.config import SERVICES, Settings

JUMLAH = 10_000
PROXY = '["127.0.0.1/32"]'
Panggilan = Callable[[int], Awaitable[object]]
Ukur = Callable[[str, Panggilan, int, float], Awaitable[dict]]


def alamat(i: int) -> str:
    """A distinct client address per call: 10.x.y.z."""
    return f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"


def login_banyak(ch: grpc.aio.Channel, hasil: Hasil) -> Panggilan:
    """Call i: the i-th generated pegawai's account, from its own address."""
    auth = auth_pb2_grpc.AuthServiceStub(ch)
    return lambda i: auth.Login(
        auth_pb2.LoginRequest(nip=hasil.pegawai[i % len(hasil.pegawai)], password=PASSWORD),
        metadata=(("x-real-ip", alamat(i)),),
    )


def siapkan(settings: Settings, jumlah: int) -> tuple[Hasil, float]:
    t = time.perf_counter()
    migrate(settings, list(SERVICES))
    hasil = asyncio.run(generate(settings, jumlah))
    return hasil, time.perf_counter() - t


async def ukur_semua(
    server: subprocess.Popen,
    port: int,
    hasil: Hasil,
    measure: Ukur,
    konkuren: int,
    detik: float,
    workers: int = 1,
) -> dict:
    """The key RPCs with CPU, Login, and the storm. Returns {"rpc": [...], "login": …, "badai": …}."""
    out: dict = {}
    async with kanal(port, workers) as ch:
        rows = []
        for nama, panggil in await kunci.kasus(ch, hasil, konkuren):
            if nama.startswith("Auth/Login"):
                continue  # below, from many addresses
            await panggil(0)  # warm: first statement plans, first channel to another service
            rows.append(await proses.dengan_cpu(server.pid, measure(nama, panggil, konkuren, detik)))
            if nama.startswith("Skp/GetSkp"):
                # The window where the server is busiest with cheap calls: does it use every core?
                out["pendengar"] = proses.pendengar(server.pid, port)
        login = login_banyak(ch, hasil)
        await login(10**6)
        rows.append(
            await proses.dengan_cpu(server.pid, measure("Auth/Login (argon2id, many accounts)", login, konkuren, detik))
        )
        out["rpc"] = rows
        out["badai"] = await badai(ch, hasil, measure, login, konkuren, detik)
    return out


async def badai(
    ch: grpc.aio.Channel, hasil: Hasil, measure: Ukur, login: Panggilan, konkuren: int, detik: float
) -> dict:
    """Ordinary reads (GetSkp, 8 clients, each its own pegawai) alone, then
    beside `konkuren` clients logging in as fast as they can."""
    skp = skp_pb2_grpc.SkpServiceStub(ch)
    orang = hasil.pegawai[:8]
    md = [await kunci.login(ch, nip) for nip in orang]

    def baca(i: int) -> Awaitable[object]:
        w = (i // 1000) % len(orang)
        return skp.GetSkp(skp_pb2.GetSkpRequest(name=f"skp/{hasil.skp_pegawai[orang[w]]}"), metadata=md[w])

    sendiri = await measure("Skp/GetSkp, 8 clients alone", baca, 8, detik)
    # Call numbers far from the Login row's, so the storm logs in other accounts from other addresses.
    badai_login, beside = await asyncio.gather(
        measure("Auth/Login storm", lambda i: login(500_000 + i), konkuren, detik),
        measure("Skp/GetSkp, 8 clients in the storm", baca, 8, detik),
    )
    return {"sendiri": sendiri, "login": badai_login, "baca": beside}
