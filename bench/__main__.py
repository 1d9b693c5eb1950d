"""`make bench`: issue 18's figures in one command (~7 minutes on 2 cores).

1. The floor: a bare grpc.aio echo (bench/lantai.py), 32 clients.
2. The demo instansi (`ekinerja seed demo`, SQLite, `ekinerja serve` in its own
   process, with --workers = cores when serve has it): every RPC 32 clients
   for a fixed time, ratio to the server's own Health/Check; penilaian for a
   penilai of 1,000 bawahan, and that Rekap from one client; cetak.
3. A generated instansi of 10,000 pegawai (bench/instansi.py): the key RPCs
   with the server's CPU per call, Login over many accounts, a login storm
   beside reads, and whether the server uses every core.
4. The deadline rush on PostgreSQL, one process per service (bench/serbuan.py),
   unless --tanpa-serbuan, or PostgreSQL or nginx is missing (then it says so).
Then deploy/SCALING.md's inputs and arithmetic (bench/nasional.py), and the
issue's table: figure, target, ok / NOT MET (bench/sasaran.py).
Never part of `make test`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.protobuf.field_mask_pb2 import FieldMask
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy import select

from bench import cetak, instansi, nasional, penilaian, proses, sasaran, serbuan
from bench.kanal import kanal
from bench.skala import lantai_ukur, pg_admin, port_bebas, siap
from bench.ukur import measure, satu_klien
from services.profil import passwords
from services.profil.store.models import AkunRow
from services.shared.config import Settings
from services.shared.db import Database

__all__ = ["measure", "main"]

DEMO_PASSWORD = "ekinerja2023"
SUTIKNO = "196903232002121009"
ENDANG = "197106062006042005"
BIDANG = "8ae482a759b076c20159b52790057b36"
# The bench's own server only: prints are not capped per hour (each case prints
# hundreds), and 127.0.0.1 is its proxy so every Login can name its own client address.
ENV_SERVER = {"EKINERJA_CETAK_MAKS_PER_JAM": "1000000000", "EKINERJA_PROXY_TEPERCAYA": instansi.PROXY}
REKAP_1000_KALI = 7
# ABORTED on these writes is optimistic locking at work: all clients edit the one demo SKP.
CATATAN_ABORTED = ("Skp/UpdateRhk", "Skp/MuatUlangSkp")


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)


async def login(auth: auth_pb2_grpc.AuthServiceStub, nip: str) -> tuple[tuple[str, str]]:
    resp = await auth.Login(auth_pb2.LoginRequest(nip=nip, password=DEMO_PASSWORD))
    return (("authorization", f"Bearer {resp.access_token}"),)


async def demo_nip(settings: Settings) -> list[str]:
    """Every demo pegawai with an account (all share the demo password)."""
    db = Database.for_service(settings, "profil")
    try:
        async with db.transaction() as s:
            return sorted(n for n in await s.scalars(select(AkunRow.nip).where(AkunRow.nip.is_not(None))) if n)
    finally:
        await db.dispose()


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


async def bench_demo(
    port: int, concurrency: int, seconds: float, ids: list[str], nips: list[str], hanya_cetak: bool, workers: int
) -> tuple[list[dict], dict]:
    async with kanal(port, workers) as ch:
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
            (
                "Auth/Login (argon2id)",  # many accounts, each from its own address (bench/instansi.py)
                lambda i: auth.Login(
                    auth_pb2.LoginRequest(nip=nips[i % len(nips)], password=DEMO_PASSWORD),
                    metadata=(("x-real-ip", instansi.alamat(i)),),
                ),
            ),
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
        kasus_nilai = penilaian.kasus(ch, md_e, ids)
        for name, call in kasus_nilai:
            results.append(await measure(name, call, min(concurrency, 8), seconds))
        rekap = kasus_nilai[0][1]
        lain["rekap_1000"] = await satu_klien(kasus_nilai[0][0] + ", one client", rekap, REKAP_1000_KALI)
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
    return ", ".join(f"{k} {v}" for k, v in sorted(errors.items())) or "0"


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=4.0, help="per RPC (default 4)")
    ap.add_argument("--port", type=int, default=0, help="of the server under test (default: a free one)")
    ap.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="passed to `ekinerja serve --workers` when serve has that option (default: cores)",
    )
    ap.add_argument("--pegawai", type=int, default=instansi.JUMLAH, help="of the generated instansi (default 10000)")
    ap.add_argument("--cetak-saja", action="store_true", help="only the floor and the cetak figures")
    ap.add_argument("--tanpa-demo", action="store_true", help="skip the demo instansi (per-RPC table, cetak)")
    ap.add_argument("--tanpa-instansi", action="store_true", help="skip the generated instansi (issue rows 1–5, 8, 9)")
    ap.add_argument("--tanpa-serbuan", action="store_true", help="skip the PostgreSQL deadline rush")
    ap.add_argument("--serbuan-detik", type=float, default=30.0, help="the rush's window (default 30)")
    ap.add_argument("--serbuan-pegawai", type=int, default=2000)
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    return ap


def _env_server(data_dir: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "EKINERJA_DATA_DIR": str(data_dir), "EKINERJA_LOG_LEVEL": "WARNING", **ENV_SERVER}
    env.pop("EKINERJA_DATABASE_URL", None)
    return {**env, **(extra or {})}


def _workers(args: argparse.Namespace, punya_workers: bool) -> int:
    return (args.workers or os.cpu_count() or 1) if punya_workers else 1


def _serve(port: int, env: dict[str, str], args: argparse.Namespace, punya_workers: bool) -> subprocess.Popen:
    return subprocess.Popen(
        proses.perintah_serve(port, args.workers, punya_workers),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def fase_demo(args: argparse.Namespace, tmp: Path, punya_workers: bool) -> tuple[list[dict], dict]:
    tmp.mkdir(parents=True)
    env = _env_server(tmp)
    run([proses.EXE, "migrate"], env)
    run([proses.EXE, "seed", "demo"], env)
    settings = Settings(data_dir=tmp)
    ids = asyncio.run(penilaian.siapkan(settings))
    asyncio.run(cetak.siapkan(settings))
    nips = asyncio.run(demo_nip(settings))
    port = args.port or port_bebas()
    server = _serve(port, env, args, punya_workers)
    try:
        asyncio.run(siap(port))
        return asyncio.run(
            bench_demo(port, args.concurrency, args.seconds, ids, nips, args.cetak_saja, _workers(args, punya_workers))
        )
    finally:
        proses.hentikan_pohon(server)


def fase_instansi(args: argparse.Namespace, tmp: Path, punya_workers: bool) -> dict:
    tmp.mkdir(parents=True)
    settings = Settings(data_dir=tmp, log_level="WARNING")
    hasil, gen_s = instansi.siapkan(settings, args.pegawai)
    # The ratios are to this floor, measured just before: the machine's load moves both alike.
    lantai = asyncio.run(lantai_ukur(args.concurrency, args.seconds))
    port = port_bebas()
    server = _serve(port, _env_server(tmp), args, punya_workers)
    try:
        asyncio.run(siap(port))
        out = asyncio.run(
            instansi.ukur_semua(
                server, port, hasil, measure, args.concurrency, args.seconds, _workers(args, punya_workers)
            )
        )
    finally:
        proses.hentikan_pohon(server)
    # And just after: the ratios use the mean of the two; how far apart they are shows the noise.
    sesudah = asyncio.run(lantai_ukur(args.concurrency, args.seconds))
    rata = {k: (lantai[k] + sesudah[k]) / 2 for k in ("rps", "p50", "cpu_ms")}
    out.update(
        generator_s=gen_s,
        bawahan=hasil.bawahan_penilai,
        lantai={**rata, "sebelum": lantai["rps"], "sesudah": sesudah["rps"]},
    )
    return out


def postgres_ada() -> bool:
    try:
        asyncio.run(asyncio.wait_for(pg_admin("SELECT 1"), 10))
        return True
    except Exception:  # noqa: BLE001 — any failure to reach it means: skip the rush
        return False


def fase_serbuan(args: argparse.Namespace, tmp: Path) -> dict:
    tmp.mkdir(parents=True)
    h = serbuan.satu_putaran(1, args.serbuan_pegawai, args.serbuan_detik, args.concurrency, tmp)
    k = h["klien"]
    cpu = {a: b for a, b in h["cpu"].items() if a not in ("klien", "mesin_sibuk", "mesin_total")}
    return {
        "mentah": h,
        "tulis": k["total"],
        "p99": k["semua"]["p99"],
        "galat": sum(sum(v["galat"].values()) for v in k["per_jenis"].values()),
        "cpu_ms": sum(cpu.values()) / k["total"] * 1000,
        "cpu": cpu,
    }


def tabel_demo(results: list[dict], args: argparse.Namespace, punya_workers: bool) -> None:
    floor = results[0]["rps"]
    workers = args.workers if punya_workers else 1
    print(
        f"\nDemo instansi — SQLite, `ekinerja serve` {workers} worker(s), {args.concurrency} clients "
        f"(penilaian 1,000 bawahan: 8; cetak: 4), {args.seconds:g} s per RPC\n"
        f"| RPC | req/s | p50 ms | p99 ms | of Health | errors |\n|---|---:|---:|---:|---:|---|"
    )
    for r in results:
        print(
            f"| {r['rpc']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps'] / floor:.3f} | "
            f"{_codes(r['errors'])} |"
        )
    if any(r["errors"].get("ABORTED") for r in results if r["rpc"].startswith(CATATAN_ABORTED)):
        print(
            "ABORTED on Skp/UpdateRhk and Skp/MuatUlangSkp: optimistic locking — all clients write the one demo "
            "SKP, so most writes lose the race (by design; the issue's write rows use disjoint rows)."
        )


def tabel_instansi(ins: dict, lantai: dict, args: argparse.Namespace) -> None:
    print(
        f"\nGenerated instansi, {args.pegawai} pegawai (generator {ins['generator_s']:.0f} s), SQLite, "
        f"{args.concurrency} clients, {args.seconds:g} s per RPC; floor (bare echo) {lantai['rps']:.0f} req/s "
        f"(before {lantai['sebelum']:.0f}, after {lantai['sesudah']:.0f}) "
        f"and {lantai['cpu_ms']:.3f} ms of its CPU per call\n"
        "| RPC | req/s | p50 ms | p99 ms | of floor | server cores busy | server CPU ms/call | floor CPU / CPU "
        "| errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---|"
    )
    for r in ins["rpc"]:
        print(
            f"| {r['rpc']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['rps'] / lantai['rps']:.3f} | "
            f"{r['inti']:.2f} | {r['cpu_ms']:.1f} | {lantai['cpu_ms'] / max(r['cpu_ms'], 1e-9):.4f} | "
            f"{_codes(r['errors'])} |"
        )
    b = ins["badai"]
    print(
        f"Login storm: {b['login']['rps']:.0f} logins/s ({_codes(b['login']['errors'])}); GetSkp at 8 clients "
        f"p50/p99 {b['baca']['p50']:.0f}/{b['baca']['p99']:.0f} ms beside it, {b['sendiri']['p50']:.0f}/"
        f"{b['sendiri']['p99']:.0f} ms alone ({_codes(b['baca']['errors'])})"
    )


def masukan_skala(ins: dict | None, rush: dict | None) -> dict[str, float] | None:
    """CPU seconds per call for deploy/SCALING.md, or None when a part was skipped."""
    if ins is None or rush is None:
        return None
    rows = ins["rpc"]

    def cs(awalan: str) -> float:
        return next(r for r in rows if r["rpc"].startswith(awalan))["cpu_ms"] / 1000

    return {
        "tulis": rush["cpu_ms"] / 1000,
        "login": cs("Auth/Login"),
        "getskp": cs("Skp/GetSkp"),
        "getpenilaian": cs("Nilai/GetPenilaian"),
        "rekap": cs("Nilai/ListRekap"),
    }


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    mulai = time.perf_counter()
    env0 = _env_server(Path(tempfile.gettempdir()))
    punya_workers = proses.serve_punya_workers(env0)
    print(
        f"ekinerja bench {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; serve --workers {'yes' if punya_workers else 'not available'}",
        flush=True,
    )
    lantai = asyncio.run(lantai_ukur(args.concurrency, args.seconds))
    print(
        f"Floor (bare grpc.aio echo): {lantai['rps']:.0f} req/s, p50 {lantai['p50']:.1f} ms "
        "(measured again before the generated instansi; the issue's ratios use that one)",
        flush=True,
    )
    demo: tuple[list[dict], dict] | None = None
    ins = rush = None
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_:
        tmp = Path(tmp_)
        if not args.tanpa_demo:
            demo = fase_demo(args, tmp / "demo", punya_workers)
            tabel_demo(demo[0], args, punya_workers)
            lain = demo[1]
            print(
                f"Cetak: first print of the server {lain['pertama_ms']:.0f} ms; bulk Form Penilaian for "
                f"{lain['dokumen']:.0f} bawahan {lain['detik']:.1f} s ({lain['per_detik']:.1f} documents/s, "
                f"zip {lain['mib']:.1f} MiB)",
                flush=True,
            )
        if not (args.cetak_saja or args.tanpa_instansi):
            ins = fase_instansi(args, tmp / "instansi", punya_workers)
            lantai = ins["lantai"]
            tabel_instansi(ins, lantai, args)
        if not (args.cetak_saja or args.tanpa_serbuan):
            if shutil.which("nginx") is None:
                print("\nDeadline rush skipped: no nginx in PATH (deploy.lokal needs it: apt-get install nginx-light)")
            elif postgres_ada():
                rush = fase_serbuan(args, tmp / "serbuan")
                serbuan.cetak([rush["mentah"]], lantai, args.serbuan_pegawai, args.concurrency, args.serbuan_detik)
                print(
                    f"  CPU per write, all processes but the load: {rush['cpu_ms']:.1f} ms ("
                    + ", ".join(f"{a} {b / rush['tulis'] * 1000:.1f}" for a, b in rush["cpu"].items())
                    + ")"
                )
            else:
                print(f"\nDeadline rush skipped: PostgreSQL unreachable at {serbuan.PG_URL}")
    if args.cetak_saja:
        print(f"\n{time.perf_counter() - mulai:.0f} s in all")
        return
    cs = masukan_skala(ins, rush)
    if cs is not None:
        print(
            "\ndeploy/SCALING.md inputs (CPU per call; reads and Login: the embedded server's whole tree, "
            "writes: the rush's services + nginx + PostgreSQL)\n" + nasional.tabel(cs)
        )
    serve = None
    if ins is not None:
        skp = next(r for r in ins["rpc"] if r["rpc"].startswith("Skp/GetSkp"))
        serve = {
            "pendengar": ins.get("pendengar", 0),
            "inti_mesin": os.cpu_count() or 1,
            "inti": skp["inti"],
            "punya_workers": punya_workers,
        }
    hasher = passwords._hasher
    rows = sasaran.baris_isu(
        lantai["rps"],
        ins,
        ins["bawahan"] if ins else 77,
        demo[1].get("rekap_1000") if demo else None,
        rush,
        (hasher.memory_cost, hasher.time_cost, hasher.parallelism),
        serve,
    )
    print(f"\nIssue 18 — targets (floor {lantai['rps']:.0f} req/s)\n{sasaran.tabel(rows)}")
    print(f"\n{time.perf_counter() - mulai:.0f} s in all")
    if args.json:
        args.json.write_text(
            json.dumps({"lantai": lantai, "demo": demo, "instansi": ins, "serbuan": rush}, indent=1, default=str)
        )


if __name__ == "__main__":
    main()
