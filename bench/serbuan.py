"""The deadline rush (issue 7, "serbuan tenggat"): the local multi-process
layout (deploy/lokal) with 1 and then 2 replicas per service, under the writes
of the last days before a Batas.

    .venv/bin/python -m bench.serbuan [--pegawai 2000] [--detik 30] [--klien 32] [--replika 1 2]

For each replica count: a fresh PostgreSQL database (127.0.0.1:5432, its own
name), filled by bench/generator.py (this year's SKPs; Triwulan IV open: its
default Batas is 15 February of next year, see services/penilaian/domain/
periode.py batas_bawaan, and harus_terbuka accepts entries until then); then
`python -m deploy.lokal start --replika N` on it; then bench/serbuan_klien.py in
its own process: all accounts log in first, then `--klien` workers for
`--detik` seconds call UpdateRealisasi / CreateBuktiDukung / SetRating (60/25/15)
on Triwulan IV, each worker for its own pegawai and its own penilai's bawahan.
Also: the floor (bench/lantai.py, bare grpc.aio echo), CPU seconds per process
group during the window, rows written per call (pg_stat_user_tables) and WAL
bytes per call (pg_stat_wal, cluster-wide).
Everything is stopped and every database dropped at the end. Never part of
`make test`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from bench.generator import generate
from bench.skala import PG_URL, lantai_ukur, pg_admin
from cli.migrate import migrate
from services.shared.config import SERVICES, Settings

CAMPURAN = {"UpdateRealisasi": 60, "CreateBuktiDukung": 25, "SetRating": 15}
PERIODE = "tw4"
PEGAWAI_PER_PEKERJA = 4
HZ = os.sysconf("SC_CLK_TCK")


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def rencana_pekerja(url: str, tahun: int, klien: int) -> list[dict]:
    """Disjoint work: worker i gets one penilai (the `klien` with the most
    approved staff SKPs) and PEGAWAI_PER_PEKERJA staff pegawai with approved SKPs."""
    conn = await asyncpg.connect(_dsn(url))
    try:
        skp = await conn.fetch(
            "SELECT id, nip, penilai_nip FROM skp.skp WHERE tahun = $1 AND status = 'PERSETUJUAN' "
            "AND NOT pimpinan AND penilai_nip IS NOT NULL ORDER BY id",
            tahun,
        )
        ind = await conn.fetch(
            "SELECT r.skp_id, r.id AS rhk_id, i.id AS ind_id FROM skp.rhk r JOIN skp.indikator i ON i.rhk_id = r.id"
        )
    finally:
        await conn.close()
    rhk: dict[str, set[str]] = defaultdict(set)
    indikator: dict[str, list[str]] = defaultdict(list)
    for r in ind:
        rhk[r["skp_id"]].add(f"skp/{r['skp_id']}/rhk/{r['rhk_id']}")
        indikator[r["skp_id"]].append(f"skp/{r['skp_id']}/rhk/{r['rhk_id']}/indikator/{r['ind_id']}")
    per_penilai: dict[str, list[str]] = defaultdict(list)
    for r in skp:
        per_penilai[r["penilai_nip"]].append(r["id"])
    penilai = sorted(per_penilai, key=lambda n: (-len(per_penilai[n]), n))[:klien]
    if len(penilai) < klien:
        raise SystemExit(f"only {len(penilai)} penilai for {klien} workers: more --pegawai or fewer --klien")
    staf = [r for r in skp if r["id"] in indikator]
    if len(staf) < klien * PEGAWAI_PER_PEKERJA:
        raise SystemExit("not enough approved staff SKPs: more --pegawai")
    return [
        {
            "penilai": {"nip": penilai[i], "skp": per_penilai[penilai[i]]},
            "pegawai": [
                {"nip": r["nip"], "skp": r["id"], "indikator": indikator[r["id"]], "rhk": sorted(rhk[r["id"]])}
                for r in staf[i * PEGAWAI_PER_PEKERJA : (i + 1) * PEGAWAI_PER_PEKERJA]
            ],
        }
        for i in range(klien)
    ]


async def pg_hitung(url: str) -> dict:
    """Rows inserted/updated/deleted so far in every service schema, database size, commits."""
    conn = await asyncpg.connect(_dsn(url))
    try:
        t = await conn.fetchrow(
            "SELECT sum(n_tup_ins)::bigint AS ins, sum(n_tup_upd)::bigint AS upd, "
            "sum(n_tup_del)::bigint AS del FROM pg_stat_user_tables"
        )
        per_tabel = {
            f"{r['schemaname']}.{r['relname']}": int(r["n"])
            for r in await conn.fetch(
                "SELECT schemaname, relname, (n_tup_ins + n_tup_upd + n_tup_del) AS n FROM pg_stat_user_tables"
            )
        }
        d = await conn.fetchrow(
            "SELECT xact_commit, blks_hit, blks_read FROM pg_stat_database WHERE datname = current_database()"
        )
        ukuran = await conn.fetchval("SELECT pg_database_size(current_database())")
        wal = await conn.fetchval("SELECT wal_bytes FROM pg_stat_wal")  # cluster-wide
    finally:
        await conn.close()
    return {
        "ins": int(t["ins"] or 0),
        "upd": int(t["upd"] or 0),
        "del": int(t["del"] or 0),
        "commit": int(d["xact_commit"]),
        "ukuran": int(ukuran),
        "wal": int(wal),
        "per_tabel": per_tabel,
    }


def _cpu_proses(pid: int) -> float:
    try:
        f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])) / HZ  # utime stime cutime cstime
    except (OSError, IndexError, ValueError):
        return 0.0


def _postgres_pids() -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if p.joinpath("comm").read_text().strip() == "postgres":
                    out.append(int(p.name))
            except OSError:
                pass
    return out


def cpu_contoh(run: Path, klien_pid: int) -> dict[str, float]:
    """CPU seconds so far: each service's replicas, nginx (+ workers), postgres, the load process, the machine."""
    out: dict[str, float] = defaultdict(float)
    for f in (run / "pids").glob("*.pid"):
        pid = int(f.read_text().strip())
        kelompok = f.stem.rsplit("-", 1)[0]
        out[kelompok] += _cpu_proses(pid)
        if kelompok == "nginx":  # its workers are its children, alive: count them directly
            for c in Path("/proc").iterdir():
                if c.name.isdigit():
                    try:
                        if c.joinpath("stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                            out["nginx"] += _cpu_proses(int(c.name))
                    except (OSError, IndexError):
                        pass
    out["postgres"] = sum(_cpu_proses(p) for p in _postgres_pids())
    out["klien"] = _cpu_proses(klien_pid)
    kolom = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    nilai = [int(x) for x in kolom]
    out["mesin_sibuk"] = (sum(nilai) - nilai[3] - nilai[4]) / HZ  # minus idle, iowait
    out["mesin_total"] = sum(nilai) / HZ
    return dict(out)


def satu_putaran(replika: int, n: int, detik: float, klien: int, tmp: Path) -> dict:
    nama = f"ekinerja_serbuan_{replika}_{uuid.uuid4().hex[:8]}"
    url = make_url(PG_URL).set(database=nama).render_as_string(hide_password=False)
    run = tmp / f"lokal-{replika}"
    env = {**os.environ, "EKINERJA_LOG_LEVEL": "WARNING"}  # as bench.skala: no log line per RPC
    env.pop("EKINERJA_DATABASE_URL", None)
    out: dict = {"replika": replika, "database": nama}
    asyncio.run(pg_admin(f'CREATE DATABASE "{nama}"'))
    try:
        t = time.perf_counter()
        settings = Settings(data_dir=tmp / f"gen-{replika}", database_url=url, log_level="WARNING")
        migrate(settings, list(SERVICES))
        hasil = asyncio.run(generate(settings, n))
        out["generator_s"] = time.perf_counter() - t
        out["jumlah"] = hasil.jumlah
        out["tahun"] = hasil.tahun
        out["pg_awal"] = asyncio.run(pg_hitung(url))
        pekerja = asyncio.run(rencana_pekerja(url, hasil.tahun, klien))
        t = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "deploy.lokal",
                "--run-dir",
                str(run),
                "start",
                "--replika",
                str(replika),
                "--port",
                "0",
                "--database-url",
                url,
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if r.returncode != 0:
            raise RuntimeError(f"deploy.lokal start failed:\n{r.stdout}\n{r.stderr}")
        out["start_s"] = time.perf_counter() - t
        alamat = json.loads((run / "lokal.json").read_text())["address"]
        rencana = {
            "alamat": alamat,
            "detik": detik,
            "tahun": hasil.tahun,
            "periode": PERIODE,
            "campuran": CAMPURAN,
            "pekerja": pekerja,
        }
        (tmp / f"rencana-{replika}.json").write_text(json.dumps(rencana))
        keluaran = tmp / f"hasil-{replika}.json"
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.serbuan_klien", str(tmp / f"rencana-{replika}.json"), str(keluaran)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stdout is not None
            cpu0 = pg0 = cpu1 = None
            for baris in proc.stdout:
                if baris.strip() == "MULAI":
                    cpu0, pg0 = cpu_contoh(run, proc.pid), asyncio.run(pg_hitung(url))
                elif baris.strip() == "SELESAI":
                    cpu1 = cpu_contoh(run, proc.pid)
            proc.wait(timeout=detik + 600)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.returncode != 0 or cpu0 is None or cpu1 is None or pg0 is None:
            raise RuntimeError(f"load process failed (code {proc.returncode})")
        time.sleep(1.5)  # PostgreSQL flushes table statistics at most once a second
        pg1 = asyncio.run(pg_hitung(url))
        out["klien"] = json.loads(keluaran.read_text())
        lama = out["klien"]["detik"]
        out["cpu"] = {k: (cpu1[k] - cpu0[k]) / lama for k in cpu1 if k in cpu0}
        panggilan = sum(v["n"] for v in out["klien"]["per_jenis"].values())
        tabel = {k: v - pg0["per_tabel"].get(k, 0) for k, v in pg1["per_tabel"].items()}
        out["tulis"] = {
            "baris_per_panggilan": (pg1["ins"] + pg1["upd"] + pg1["del"] - pg0["ins"] - pg0["upd"] - pg0["del"])
            / max(panggilan, 1),
            "commit_per_panggilan": (pg1["commit"] - pg0["commit"]) / max(panggilan, 1),
            "wal_per_panggilan": (pg1["wal"] - pg0["wal"]) / max(panggilan, 1),
            "per_tabel": {k: v for k, v in sorted(tabel.items(), key=lambda x: -x[1]) if v},
        }
        return out
    finally:
        subprocess.run(
            [sys.executable, "-m", "deploy.lokal", "--run-dir", str(run), "stop"],
            env=env,
            capture_output=True,
            timeout=120,
        )
        asyncio.run(pg_admin(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)'))


def cetak(hasil: list[dict], lantai: dict, n: int, klien: int, detik: float) -> None:
    print(
        f"\nSerbuan tenggat {dt.date.today()}, {os.cpu_count()} cores, {n} pegawai, {klien} clients, "
        f"{detik:.0f} s, mix {CAMPURAN}, Triwulan IV"
    )
    print(f"Floor (bare grpc.aio echo, 32 clients, direct): {lantai['rps']:.0f} req/s, p50 {lantai['p50']:.1f} ms")
    print(
        "\n| replicas | calls/s | of floor | RPC | calls/s | p50 ms | p99 ms | errors |\n|---:|---:|---:|---|---:|---:|---:|---|"
    )
    for h in hasil:
        k = h["klien"]
        for j, v in k["per_jenis"].items():
            err = ", ".join(f"{a} {b}" for a, b in sorted(v["galat"].items())) or "0"
            print(
                f"| {h['replika']} | {k['total']:.0f} | {k['total'] / lantai['rps']:.3f} | {j} | {v['rps']:.1f} | "
                f"{v['p50']:.0f} | {v['p99']:.0f} | {err} |"
            )
    if len(hasil) >= 2:
        print(
            f"\nScaling {hasil[0]['replika']} → {hasil[-1]['replika']} replicas: "
            f"{hasil[-1]['klien']['total'] / hasil[0]['klien']['total']:.2f}×"
        )
    for h in hasil:
        c = h["cpu"]
        mesin = c.pop("mesin_sibuk") / c.pop("mesin_total") * 100
        print(
            f"\n{h['replika']} replica(s): CPU cores busy in the window: "
            + ", ".join(f"{a} {b:.2f}" for a, b in c.items())
            + f"; machine {mesin:.0f}% busy"
        )
        print(
            f"  generator {h['generator_s']:.1f} s ({', '.join(f'{a} {b}' for a, b in h['jumlah'].items())}); "
            f"database after generator {h['pg_awal']['ukuran'] / 2**20:.0f} MiB; start {h['start_s']:.1f} s; "
            f"login {h['klien']['login_n']} accounts {h['klien']['login_s']:.1f} s"
        )
        t = h["tulis"]
        print(
            f"  rows written per call {t['baris_per_panggilan']:.2f}, commits per call "
            f"{t['commit_per_panggilan']:.2f}, WAL bytes per call {t['wal_per_panggilan']:.0f} (cluster-wide); by table: "
            + ", ".join(f"{a} {b}" for a, b in list(t["per_tabel"].items())[:10])
        )
        if h["klien"]["contoh_galat"]:
            print(f"  errors: {h['klien']['contoh_galat']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pegawai", type=int, default=2000)
    ap.add_argument("--detik", type=float, default=30.0)
    ap.add_argument("--klien", type=int, default=32)
    ap.add_argument("--replika", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    args = ap.parse_args()
    lantai = asyncio.run(lantai_ukur(32, 5.0))
    hasil = []
    with tempfile.TemporaryDirectory(prefix="serbuan-") as tmp:
        for r in args.replika:
            hasil.append(satu_putaran(r, args.pegawai, args.detik, args.klien, Path(tmp)))
            print(f"{r} replica(s): {hasil[-1]['klien']['total']:.0f} calls/s", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"lantai": lantai, "hasil": hasil}, indent=1, default=str))
    cetak(hasil, lantai, args.pegawai, args.klien, args.detik)


if __name__ == "__main__":
    main()
