"""Issue 18, database reads: the floor and three read RPCs only, so a change
to the read path can be measured in half a minute (`python -m bench.baca_db`).

Same method as `python -m bench`: a fresh demo data directory, `ekinerja
serve` in its own process on embedded SQLite, 32 clients on one channel.
Besides req/s and the fraction of the floor, it prints the server process's
CPU time per call (from /proc) and the floor's CPU per call divided by it —
the figure that holds on a machine other jobs share. `--pid-file` writes the
server's pid, for a profiler to attach to.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bench.__main__ import SUTIKNO, login, measure, run


def cpu_detik(pid: int) -> float:
    """CPU time (user + system) the process has used so far, from /proc."""
    kolom = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(kolom[11]) + int(kolom[12])) / os.sysconf("SC_CLK_TCK")


async def ukur(port: int, concurrency: int, seconds: float, hanya: str, pid: int) -> list[dict]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        health = health_pb2_grpc.HealthStub(ch)
        md = await login(auth_pb2_grpc.AuthServiceStub(ch), SUTIKNO)
        skp = skp_pb2_grpc.SkpServiceStub(ch)
        profil = profil_pb2_grpc.ProfilServiceStub(ch)
        daftar = await skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md)
        draft = daftar.skp[0].name
        kasus = {
            "Health/Check (floor)": lambda i: health.Check(health_pb2.HealthCheckRequest()),
            "Skp/GetSkp": lambda i: skp.GetSkp(skp_pb2.GetSkpRequest(name=draft), metadata=md),
            "Skp/ListSkp": lambda i: skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{SUTIKNO}"), metadata=md),
            "Profil/GetPegawai": lambda i: profil.GetPegawai(
                profil_pb2.GetPegawaiRequest(name=f"pegawai/{SUTIKNO}"), metadata=md
            ),
        }
        hasil = []
        for nama, call in kasus.items():
            if not hanya or nama.startswith(("Health", hanya)):
                print(f"mulai {nama}", file=sys.stderr, flush=True)  # for a profiler to wait on
                cpu = cpu_detik(pid)
                r = await measure(nama, call, concurrency, seconds)
                # The server's CPU per call: what issue 18 is about, and far
                # less sensitive than req/s to other load on the machine.
                r["cpu_ms"] = (cpu_detik(pid) - cpu) * 1000 / max(r["n"], 1)
                hasil.append(r)
        return hasil


def _tunggu(port: int, server: subprocess.Popen[bytes]) -> None:
    """Until the server answers Health/Check (a loaded machine starts it slowly)."""

    async def siap() -> bool:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
            try:
                await health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=1)
                return True
            except grpc.aio.AioRpcError:
                return False

    batas = time.monotonic() + 60
    while not asyncio.run(siap()):
        if server.poll() is not None or time.monotonic() > batas:
            raise SystemExit("the server did not start")
        time.sleep(0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--port", type=int, default=50881)
    parser.add_argument("--hanya", default="", help="only the RPCs whose name starts with this (and the floor)")
    parser.add_argument("--pid-file", type=Path)
    parser.add_argument("--ulang", type=int, default=1, help="rounds on the same server")
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
        if args.pid_file:
            args.pid_file.write_text(str(server.pid))
        try:
            _tunggu(args.port, server)
            for _ in range(args.ulang):
                hasil = asyncio.run(ukur(args.port, args.concurrency, args.seconds, args.hanya, server.pid))
                floor, floor_cpu = hasil[0]["rps"], hasil[0]["cpu_ms"]
                for r in hasil:
                    print(
                        f"{r['rpc']:<24}{r['rps']:>8.0f} req/s  p50 {r['p50']:>6.1f} ms  "
                        f"{r['rps'] / floor:>5.2f} of floor  CPU {r['cpu_ms']:>5.2f} ms/call "
                        f"({floor_cpu / r['cpu_ms']:.2f} of floor's)  errors {r['errors'] or 0}",
                        flush=True,
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
