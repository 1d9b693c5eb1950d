"""Issue 18 — sessions, tokens, login, workers: a quick load against a running
`ekinerja serve` on the demo (bench/README.md has the figures).

    EKINERJA_DATA_DIR=d ekinerja migrate && EKINERJA_DATA_DIR=d ekinerja seed demo
    EKINERJA_DATA_DIR=d EKINERJA_PROXY_TEPERCAYA='["127.0.0.1"]' ekinerja serve --port P [--workers N]
    python -m bench.sesi --port P [--saluran K]

The clients use K channels, each its own connection (a connection stays with
one worker). The floor is grpc.health Check. The login storm logs the demo
accounts in again and again, each client as a client address of its own
(x-real-ip, believed from 127.0.0.1 as set above: the per-address limit is
per address), while other clients call GetPegawai: their p99 is the figure
that says whether argon2 starves the event loop."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

SUTIKNO = "196903232002121009"
Panggil = Callable[[int], Awaitable[object]]
SERVER_PID: int | None = None  # --pid: the server's CPU time per call is measured too


def _keturunan(pid: int) -> list[int]:
    semua = [pid]
    for tugas in Path(f"/proc/{pid}/task").iterdir():
        for anak in (tugas / "children").read_text().split():
            semua += _keturunan(int(anak))
    return semua


def cpu_server() -> float:
    """CPU seconds the server (and its workers) used so far: robust where
    wall-clock rates are not, on a machine others load too."""
    if SERVER_PID is None:
        return 0.0
    jumlah = 0
    for pid in _keturunan(SERVER_PID):
        with open(f"/proc/{pid}/stat") as f:
            kolom = f.read().rsplit(")", 1)[1].split()
        jumlah += int(kolom[11]) + int(kolom[12])  # utime, stime
    return jumlah / os.sysconf("SC_CLK_TCK")


async def ukur(nama: str, panggil: Panggil, klien: int, detik: float) -> dict:
    lat: list[float] = []
    galat: dict[str, int] = {}
    selesai = time.perf_counter() + detik

    async def satu(i: int) -> None:
        n = 0
        while time.perf_counter() < selesai:
            t = time.perf_counter()
            try:
                await panggil(i * 100_000 + n)
            except grpc.aio.AioRpcError as e:
                galat[e.code().name] = galat.get(e.code().name, 0) + 1
            lat.append(time.perf_counter() - t)
            n += 1

    mulai, cpu = time.perf_counter(), cpu_server()
    await asyncio.gather(*(satu(i) for i in range(klien)))
    lama, cpu = time.perf_counter() - mulai, cpu_server() - cpu
    lat.sort()
    return {
        "cpu_ms_per_call": round(cpu * 1000 / max(1, len(lat)), 2),
        "rpc": nama,
        "rps": round(len(lat) / lama, 1),
        "p50": round(statistics.median(lat) * 1000, 1),
        "p99": round(lat[max(0, int(len(lat) * 0.99) - 1)] * 1000, 1),
        "n": len(lat),
        "galat": galat,
    }


async def utama(port: int, saluran: int, klien: int, detik: float) -> list[dict]:
    opsi = [("grpc.use_local_subchannel_pool", 1)]  # else channels share one connection
    chs = [grpc.aio.insecure_channel(f"127.0.0.1:{port}", options=opsi) for _ in range(saluran)]
    try:
        auth0 = auth_pb2_grpc.AuthServiceStub(chs[0])
        info = await auth0.InfoMasuk(auth_pb2.InfoMasukRequest())
        sandi = info.password_demo
        akun = [a.login for a in info.akun_demo if a.login.isdigit()]
        token = (await auth0.Login(auth_pb2.LoginRequest(nip=SUTIKNO, password=sandi))).access_token
        md = (("authorization", f"Bearer {token}"),)
        health = [health_pb2_grpc.HealthStub(c) for c in chs]
        profil = [profil_pb2_grpc.ProfilServiceStub(c) for c in chs]
        skp = [skp_pb2_grpc.SkpServiceStub(c) for c in chs]
        auth = [auth_pb2_grpc.AuthServiceStub(c) for c in chs]
        draft = (await skp[0].ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md)).skp[0].name

        def pegawai(i: int) -> Awaitable[object]:
            return profil[i // 100_000 % saluran].GetPegawai(
                profil_pb2.GetPegawaiRequest(name=f"pegawai/{SUTIKNO}"), metadata=md
            )

        hasil = [
            await ukur(
                "Health/Check (floor)",
                lambda i: health[i // 100_000 % saluran].Check(health_pb2.HealthCheckRequest()),
                klien,
                detik,
            ),
            await ukur("Profil/GetPegawai", pegawai, klien, detik),
            await ukur(
                "Skp/GetSkp",
                lambda i: skp[i // 100_000 % saluran].GetSkp(skp_pb2.GetSkpRequest(name=draft), metadata=md),
                klien,
                detik,
            ),
        ]

        def masuk(i: int) -> Awaitable[object]:
            k = i // 100_000
            alamat = (("x-real-ip", f"10.18.{k // 250}.{k % 250 + 1}"),)
            return auth[k % saluran].Login(
                auth_pb2.LoginRequest(nip=akun[k % len(akun)], password=sandi), metadata=alamat
            )

        badai, sela = await asyncio.gather(
            ukur(f"Auth/Login storm ({klien} clients, {len(akun)} accounts)", masuk, klien, detik),
            ukur("Profil/GetPegawai during the storm (8 clients)", pegawai, 8, detik),
        )
        return [*hasil, badai, sela]
    finally:
        for c in chs:
            await c.close()


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.sesi")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--saluran", type=int, default=8, help="channels (connections) the clients share")
    ap.add_argument("--klien", type=int, default=32)
    ap.add_argument("--detik", type=float, default=10)
    ap.add_argument("--pid", type=int, help="the server's pid: its CPU per call is shown too")
    a = ap.parse_args()
    global SERVER_PID
    SERVER_PID = a.pid
    hasil = asyncio.run(utama(a.port, a.saluran, a.klien, a.detik))
    lantai = hasil[0]["rps"]
    for h in hasil:
        print(json.dumps({**h, "x_floor": round(h["rps"] / lantai, 3)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
