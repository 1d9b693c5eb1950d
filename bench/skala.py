"""Scale benchmarks on a generated instansi of 10,000 pegawai (issue 7):

    .venv/bin/python -m bench.skala [--pegawai 10000] [--seconds 5] [--concurrency 32] [--tanpa-postgres]

1. the floor: a bare grpc.aio echo server (bench/lantai.py) in its own process;
2. the key RPCs (bench/kunci.py) at 32 concurrent clients against `ekinerja
   serve` in its own process, on SQLite and on PostgreSQL (127.0.0.1:5432,
   a database of its own, dropped afterwards), each also as a ratio to the floor;
3. SQL statements per key RPC, 200 vs N pegawai (bench/sql.py, in-process);
4. the TUI: start to login screen, and RSS after login (bench/tui.py);
5. import of the same N pegawai from XLSX (`ekinerja import unor`, then `pegawai`).
Never part of `make test`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy.engine import make_url

from bench import kunci, lantai, proses, sql
from bench import tui as bench_tui
from bench.generator import PASSWORD, generate, tulis_xlsx
from bench.ukur import measure
from cli.migrate import migrate
from services.shared.config import SERVICES, Settings
from services.shared.logging import configure

PG_URL = os.environ.get("EKINERJA_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
EXE = str(Path(sys.executable).parent / "ekinerja")


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def hentikan(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


async def siap(port: int, batas: float = 60) -> None:
    """Waits until the server answers its health check."""
    akhir = time.perf_counter() + batas
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        while True:
            try:
                await health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=1)
                return
            except grpc.aio.AioRpcError:
                if time.perf_counter() > akhir:
                    raise
                await asyncio.sleep(0.2)


async def lantai_ukur(konkuren: int, detik: float) -> dict:
    port = port_bebas()
    proc = subprocess.Popen([sys.executable, "-m", "bench.lantai", str(port)])
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
            # The echo process starts in 1 s on an idle machine, much later on a busy one.
            akhir = time.perf_counter() + 60
            while True:
                try:
                    await lantai.panggilan(ch)(0)
                    break
                except grpc.aio.AioRpcError:
                    if time.perf_counter() > akhir:
                        raise
                    await asyncio.sleep(0.2)
            # With the echo process's CPU per call: the floor of "CPU per call" (issue 18).
            return await proses.dengan_cpu(
                proc.pid, measure("bare grpc.aio echo (floor)", lantai.panggilan(ch), konkuren, detik)
            )
    finally:
        hentikan(proc)


async def pg_admin(sql_teks: str) -> None:
    url = make_url(PG_URL).set(drivername="postgresql")
    conn = await asyncpg.connect(url.render_as_string(hide_password=False), timeout=5)
    try:
        await conn.execute(sql_teks)
    finally:
        await conn.close()


def beban(
    settings: Settings, env: dict[str, str], n: int, konkuren: int, detik: float, tui: bool
) -> tuple[list[dict], dict]:
    """Generates the instansi, serves it from another process, measures the key RPCs."""
    lain: dict = {}
    t = time.perf_counter()
    migrate(settings, list(SERVICES))
    hasil = asyncio.run(generate(settings, n))
    lain["generator_s"] = time.perf_counter() - t
    lain["hasil"] = hasil
    port = port_bebas()
    proc = subprocess.Popen(
        [EXE, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:

        async def jalan() -> list[dict]:
            await siap(port)
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
                hasil_rpc = []
                for nama, panggil in await kunci.kasus(ch, hasil, konkuren):
                    await panggil(0)  # warm: first statement plans, first channel to another service
                    hasil_rpc.append(await measure(nama, panggil, konkuren, detik))
                return hasil_rpc

        hasil_rpc = asyncio.run(jalan())
        if tui:
            nip = hasil.pegawai[-1]
            nama = next(p["nama"] for p in hasil.org.pegawai if p["nip"] == nip)  # type: ignore[union-attr]
            lain["tui"] = bench_tui.ukur(f"127.0.0.1:{port}", nip, nama, PASSWORD)
        return hasil_rpc, lain
    finally:
        hentikan(proc)


def impor(hasil_org: object, tmp: Path) -> dict[str, float]:
    xlsx = tmp / "xlsx"
    t = time.perf_counter()
    unor, pegawai = tulis_xlsx(hasil_org, xlsx)  # type: ignore[arg-type]
    out = {"tulis_xlsx_s": time.perf_counter() - t}
    env = {**os.environ, "EKINERJA_DATA_DIR": str(tmp / "impor"), "EKINERJA_LOG_LEVEL": "WARNING"}
    env.pop("EKINERJA_DATABASE_URL", None)
    subprocess.run([EXE, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    for jenis, berkas in (("unor", unor), ("pegawai", pegawai)):
        t = time.perf_counter()
        r = subprocess.run([EXE, "import", jenis, str(berkas)], env=env, capture_output=True, text=True)
        out[f"{jenis}_s"] = time.perf_counter() - t
        out[f"{jenis}_ringkasan"] = r.stdout.strip().splitlines()[0] if r.stdout else r.stderr[-300:]  # type: ignore[assignment]
    return out


def cetak_tabel(judul: str, rows: list[dict], floor: float) -> None:
    print(f"\n{judul}\n| RPC | req/s | p50 ms | p99 ms | of floor | errors |\n|---|---:|---:|---:|---:|---|")
    for r in rows:
        err = ", ".join(f"{k} {v}" for k, v in sorted(r["errors"].items())) or "0"
        print(f"| {r['rpc']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps'] / floor:.3f} | {err} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pegawai", type=int, default=10_000)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--tanpa-postgres", action="store_true")
    args = ap.parse_args()
    n, k, d = args.pegawai, args.concurrency, args.seconds
    configure("WARNING", "console")  # the in-process servers of the SQL counts: no line per RPC
    print(
        f"ekinerja scale benchmarks {dt.date.today()}, {os.cpu_count()} cores, {n} pegawai, "
        f"{k} concurrent clients, {d:.0f} s per RPC"
    )
    floor = asyncio.run(lantai_ukur(k, d))
    cetak_tabel("Floor", [floor], floor["rps"])
    with tempfile.TemporaryDirectory() as tmp_:
        tmp = Path(tmp_)
        settings = Settings(data_dir=tmp / "sqlite", log_level="WARNING")
        env = {**os.environ, "EKINERJA_DATA_DIR": str(settings.data_dir), "EKINERJA_LOG_LEVEL": "WARNING"}
        env.pop("EKINERJA_DATABASE_URL", None)
        rows, lain = beban(settings, env, n, k, d, tui=True)
        print(
            f"\nGenerator (SQLite, migrations included): {lain['generator_s']:.1f} s; "
            + ", ".join(f"{a} {b}" for a, b in lain["hasil"].jumlah.items())
        )
        cetak_tabel(f"SQLite, {n} pegawai (penilai: {lain['hasil'].bawahan_penilai} bawahan)", rows, floor["rps"])
        t = lain.get("tui", {})
        print(
            f"\nTUI: login screen {t.get('mulai_s', float('nan')):.2f} s after start; login to main screen "
            f"{t.get('masuk_s', float('nan')):.2f} s; RSS after login {t.get('rss_mib', float('nan')):.0f} MiB"
        )
        print(f"\nImport: {impor(lain['hasil'].org, tmp)}")
        if not args.tanpa_postgres:
            nama = f"ekinerja_bench_{uuid.uuid4().hex[:10]}"
            asyncio.run(pg_admin(f'CREATE DATABASE "{nama}"'))
            try:
                url = make_url(PG_URL).set(database=nama).render_as_string(hide_password=False)
                pg = Settings(data_dir=tmp / "pg", database_url=url, log_level="WARNING")
                rows, lain = beban(
                    pg, {**env, "EKINERJA_DATA_DIR": str(pg.data_dir), "EKINERJA_DATABASE_URL": url}, n, k, d, tui=False
                )
                print(f"\nGenerator (PostgreSQL, migrations included): {lain['generator_s']:.1f} s")
                cetak_tabel(f"PostgreSQL, {n} pegawai", rows, floor["rps"])
            finally:
                asyncio.run(pg_admin(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))

        async def hitung(folder: Path, jumlah: int) -> dict:
            running, hasil = await sql.server_instansi(folder, jumlah)
            try:
                return await sql.per_rpc(running, hasil)
            finally:
                await running.stop(grace=1)

        kecil = asyncio.run(hitung(tmp / "sql-kecil", 200))
        besar = asyncio.run(hitung(tmp / "sql-besar", n))
        print(
            f"\nSQL statements per RPC (one warm call, all services in one process, SQLite)\n"
            f"{sql.tabel(kecil, besar, 200, n)}"
        )


if __name__ == "__main__":
    main()
