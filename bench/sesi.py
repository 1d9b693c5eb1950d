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
that says whether argon2 starves the event loop.

One JSON line per phase, as bench.ukur.measure and bench.proses.dengan_cpu
give it to the other benchmarks: rps, p50/p99 (ms), errors, and with --pid
the server tree's cores busy (inti) and CPU ms per call (cpu_ms)."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Awaitable, Callable

from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bench import proses
from bench.kanal import KanalBergilir
from bench.ukur import measure

SUTIKNO = "196903232002121009"
Panggil = Callable[[int], Awaitable[object]]


async def ukur(nama: str, panggil: Panggil, klien: int, detik: float, pid: int | None) -> dict:
    """bench.ukur.measure, with the server's CPU per call when its pid is
    known: robust where wall-clock rates are not, on a machine others load too."""
    if pid is None:
        return await measure(nama, panggil, klien, detik)
    return await proses.dengan_cpu(pid, measure(nama, panggil, klien, detik))


async def utama(port: int, saluran: int, klien: int, detik: float, pid: int | None) -> list[dict]:
    async with KanalBergilir(f"127.0.0.1:{port}", saluran) as ch:
        auth = auth_pb2_grpc.AuthServiceStub(ch)
        info = await auth.InfoMasuk(auth_pb2.InfoMasukRequest())
        sandi = info.password_demo
        akun = [a.login for a in info.akun_demo if a.login.isdigit()]
        token = (await auth.Login(auth_pb2.LoginRequest(nip=SUTIKNO, password=sandi))).access_token
        md = (("authorization", f"Bearer {token}"),)
        health = health_pb2_grpc.HealthStub(ch)
        profil = profil_pb2_grpc.ProfilServiceStub(ch)
        skp = skp_pb2_grpc.SkpServiceStub(ch)
        draft = (await skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md)).skp[0].name

        def pegawai(i: int) -> Awaitable[object]:
            return profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{SUTIKNO}"), metadata=md)

        hasil = [
            await ukur(
                "Health/Check (floor)", lambda i: health.Check(health_pb2.HealthCheckRequest()), klien, detik, pid
            ),
            await ukur("Profil/GetPegawai", pegawai, klien, detik, pid),
            await ukur(
                "Skp/GetSkp",
                lambda i: skp.GetSkp(skp_pb2.GetSkpRequest(name=draft), metadata=md),
                klien,
                detik,
                pid,
            ),
        ]

        def masuk(i: int) -> Awaitable[object]:
            k = i // 1000  # the client (bench.ukur.measure): each logs in from an address of its own
            alamat = (("x-real-ip", f"10.18.{k // 250}.{k % 250 + 1}"),)
            return auth.Login(auth_pb2.LoginRequest(nip=akun[k % len(akun)], password=sandi), metadata=alamat)

        badai, sela = await asyncio.gather(
            ukur(f"Auth/Login storm ({klien} clients, {len(akun)} accounts)", masuk, klien, detik, pid),
            ukur("Profil/GetPegawai during the storm (8 clients)", pegawai, 8, detik, pid),
        )
        return [*hasil, badai, sela]


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.sesi")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--saluran", type=int, default=8, help="channels (connections) the clients share")
    ap.add_argument("--klien", type=int, default=32)
    ap.add_argument("--detik", type=float, default=10)
    ap.add_argument("--pid", type=int, help="the server's pid: its CPU per call is shown too")
    a = ap.parse_args()
    hasil = asyncio.run(utama(a.port, a.saluran, a.klien, a.detik, a.pid))
    lantai = hasil[0]["rps"]
    for h in hasil:
        print(json.dumps({**h, "x_floor": round(h["rps"] / lantai, 3)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
