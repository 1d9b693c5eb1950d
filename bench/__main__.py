"""`make bench`: throughput and latency of the profil, skp, penilaian and cetak RPCs on the demo
instansi (penilaian with a penilai of 1,000 bawahan; cetak with a bulk print for 100 bawahan).

The server runs in its own process (`ekinerja serve`, embedded SQLite default),
the load comes from this one: 32 concurrent clients on one channel, each RPC
for a fixed time. The floor is grpc.health.v1 Check on the same server — no
database, no auth — so every figure is also shown as a fraction of it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.protobuf.field_mask_pb2 import FieldMask
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bench import cetak, penilaian
from services.shared.config import Settings

DEMO_PASSWORD = "ekinerja2023"
SUTIKNO = "196903232002121009"
ENDANG = "197106062006042005"
BIDANG = "8ae482a759b076c20159b52790057b36"


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)


async def measure(name: str, call: Callable[[int], Awaitable[object]], concurrency: int, seconds: float) -> dict:
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds
    errors: dict[str, int] = {}

    async def worker(i: int) -> None:
        n = 0
        while time.perf_counter() < stop_at:
            t = time.perf_counter()
            try:
                await call(i * 1000 + n)
            except grpc.aio.AioRpcError as err:
                errors[err.code().name] = errors.get(err.code().name, 0) + 1
            latencies.append(time.perf_counter() - t)
            n += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "rpc": name,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "n": len(latencies),
        "errors": errors,
    }


async def login(auth: auth_pb2_grpc.AuthServiceStub, nip: str) -> tuple[tuple[str, str]]:
    resp = await auth.Login(auth_pb2.LoginRequest(nip=nip, password=DEMO_PASSWORD))
    return (("authorization", f"Bearer {resp.access_token}"),)


async def bench_cetak(ch: grpc.aio.Channel, concurrency: int, seconds: float) -> tuple[list[dict], dict]:
    auth = auth_pb2_grpc.AuthServiceStub(ch)
    md_y = await login(auth, cetak.SUYANTO)
    skp_id = await cetak.skp_suyanto(ch, md_y)
    # Before any other print: the first one pays for typst's start and fonts.
    lain = {"pertama_ms": await cetak.pertama(ch, md_y, skp_id)}
    # Rendering is CPU work on a two-thread pool: more clients only queue.
    results = [await measure(name, call, min(concurrency, 4), seconds) for name, call in cetak.kasus(ch, md_y, skp_id)]
    lain.update(await cetak.massal(ch, await login(auth, cetak.WIDANANG)))
    return results, lain


async def bench(
    port: int, concurrency: int, seconds: float, ids: list[str], hanya_cetak: bool
) -> tuple[list[dict], dict]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        health = health_pb2_grpc.HealthStub(ch)
        floor = [
            await measure(
                "Health/Check (floor)", lambda i: health.Check(health_pb2.HealthCheckRequest()), concurrency, seconds
            )
        ]
        hasil_cetak, lain = await bench_cetak(ch, concurrency, seconds)
        if hanya_cetak:
            return floor + hasil_cetak, lain
        auth = auth_pb2_grpc.AuthServiceStub(ch)
        profil = profil_pb2_grpc.ProfilServiceStub(ch)
        md_s = await login(auth, SUTIKNO)
        md_e = await login(auth, ENDANG)
        cases: list[tuple[str, Callable[[int], Awaitable[object]]]] = [
            ("Auth/Login (argon2id)", lambda i: auth.Login(auth_pb2.LoginRequest(nip=SUTIKNO, password=DEMO_PASSWORD))),
            (
                "Profil/GetPegawai",
                lambda i: profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{SUTIKNO}"), metadata=md_s),
            ),
            (
                "Profil/GetAtasan",
                lambda i: profil.GetAtasan(profil_pb2.GetAtasanRequest(name=f"pegawai/{SUTIKNO}"), metadata=md_s),
            ),
            (
                "Profil/ListPegawai (1 unor)",
                lambda i: profil.ListPegawai(profil_pb2.ListPegawaiRequest(parent=f"unor/{BIDANG}"), metadata=md_s),
            ),
            (
                "Profil/ListBawahan",
                lambda i: profil.ListBawahan(profil_pb2.ListBawahanRequest(name=f"pegawai/{ENDANG}"), metadata=md_e),
            ),
            *await skp_cases(ch, md_s, md_e),
        ]
        results = floor + [await measure(name, call, concurrency, seconds) for name, call in cases]
        # 1,000 bawahan: a Rekap takes a while, so fewer clients ask at once.
        for name, call in penilaian.kasus(ch, md_e, ids):
            results.append(await measure(name, call, min(concurrency, 8), seconds))
        return results + hasil_cetak, lain


async def skp_cases(ch: grpc.aio.Channel, md_s: tuple, md_e: tuple) -> list:  # type: ignore[type-arg]
    skp = skp_pb2_grpc.SkpServiceStub(ch)
    daftar = await skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md_s)
    draft = daftar.skp[0]  # the demo's 2023 plan: DRAFT, three RHKs
    rhk = (await skp.GetSkp(skp_pb2.GetSkpRequest(name=draft.name), metadata=md_s)).rhk[0]
    return [
        ("Skp/ListSkp", lambda i: skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md_s)),
        ("Skp/GetSkp (Detail SKP)", lambda i: skp.GetSkp(skp_pb2.GetSkpRequest(name=draft.name), metadata=md_s)),
        ("Skp/ListSkpBawahan", lambda i: skp.ListSkpBawahan(skp_pb2.ListSkpBawahanRequest(tahun=2023), metadata=md_e)),
        (
            "Skp/ListRhkIntervensi",
            lambda i: skp.ListRhkIntervensi(skp_pb2.ListRhkIntervensiRequest(parent=draft.name), metadata=md_s),
        ),
        (
            "Skp/UpdateRhk (write)",
            lambda i: skp.UpdateRhk(
                skp_pb2.UpdateRhkRequest(
                    rhk=skp_pb2.Rhk(name=rhk.name, teks=f"{rhk.teks} {i}"), update_mask=FieldMask(paths=["teks"])
                ),
                metadata=md_s,
            ),
        ),
        (
            "Skp/MuatUlangSkp (+profil)",
            lambda i: skp.MuatUlangSkp(
                skp_pb2.MuatUlangSkpRequest(name=draft.name, pihak=skp_pb2.PIHAK_SKP_PENILAI), metadata=md_s
            ),
        ),
    ]


def _codes(errors: dict[str, int]) -> str:
    # ABORTED on a write is optimistic locking at work: 32 clients edit one SKP.
    return ", ".join(f"{k} {v}" for k, v in sorted(errors.items())) or "0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--port", type=int, default=50871)
    parser.add_argument("--cetak-saja", action="store_true", help="only the floor and the cetak figures")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "ekinerja")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EKINERJA_DATA_DIR": tmp, "EKINERJA_LOG_LEVEL": "WARNING"}
        env.pop("EKINERJA_DATABASE_URL", None)
        run([exe, "migrate"], env)
        run([exe, "seed", "demo"], env)
        server = subprocess.Popen(
            [exe, "serve", "--port", str(args.port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            ids = asyncio.run(penilaian.siapkan(Settings(data_dir=Path(tmp))))
            asyncio.run(cetak.siapkan(Settings(data_dir=Path(tmp))))
            time.sleep(2.5)
            results, lain = asyncio.run(bench(args.port, args.concurrency, args.seconds, ids, args.cetak_saja))
        finally:
            server.terminate()
            server.wait(timeout=30)
    floor = results[0]["rps"]
    print(
        f"ekinerja profil + skp + penilaian + cetak — SQLite, 1 server process, {args.concurrency} concurrent clients, "
        f"{args.seconds:.0f} s per RPC, {os.cpu_count()} cores"
    )
    print(f"{'RPC':<30}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'of floor':>10}  errors")
    for r in results:
        print(
            f"{r['rpc']:<30}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['rps'] / floor:>10.2f}  {_codes(r['errors'])}"
        )
    print(
        f"Cetak: first print of the server {lain['pertama_ms']:.0f} ms; bulk Form Penilaian for "
        f"{lain['dokumen']:.0f} bawahan {lain['detik']:.1f} s ({lain['per_detik']:.1f} documents/s, "
        f"zip {lain['mib']:.1f} MiB)"
    )


if __name__ == "__main__":
    main()
