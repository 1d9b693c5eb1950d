"""deploy/lokal end to end: two replicas of every service, each its own
process, on a fresh PostgreSQL database, behind one nginx address. A client
that knows only that address logs in, plans and approves an SKP, reads
penilaian and prints; every replica serves some of it, and with one replica
of each service stopped the same calls still succeed on the other."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import grpc
import pytest
import yaml
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.skp.v1 import skp_pb2 as s

from services.shared.config import Settings
from services.shared.db import Database
from tests import data
from tests.api.cetak.bantu import TANGGAL, unduh
from tests.api.penilaian.bantu import skp_disetujui
from tests.conftest import Client, _pg_admin, _url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        shutil.which("nginx") is None,
        reason="nginx tidak ada di PATH: apt-get install -y nginx-light (deploy/README.md)",
    ),
]


def lokal(run_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deploy.lokal", "--run-dir", str(run_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def dilayani(run_dir: Path) -> dict[str, int]:
    """Calls each replica answered, from nginx's access log: the last address
    in upstream= (earlier ones refused the connection)."""
    state = json.loads((run_dir / "lokal.json").read_text())
    nama = {f"127.0.0.1:{r['port']}": r["name"] for r in state["replicas"]}
    log = run_dir / "log" / "nginx-access.log"
    for _ in range(20):  # nginx logs a call just after answering it: wait for the last line
        lines = log.read_text().splitlines()
        time.sleep(0.1)
        if log.read_text().splitlines() == lines:
            break
    counts = dict.fromkeys(nama.values(), 0)
    for line in lines:
        if " /grpc.health.v1.Health/" in line:
            continue  # the replicas' readiness checks of the services they call (docs/observabilitas.md)
        upstream = line.split(" upstream=", 1)[1].split(" rid=", 1)[0]
        counts[nama[upstream.split(", ")[-1]]] += 1
    return counts


async def pakai(client: Client, skp: s.Skp) -> None:
    """A little of every service, all through the one address."""
    sutikno = await client.login(nip=data.SUTIKNO)
    for _ in range(2):
        assert (
            await client.skp.GetSkp(s.GetSkpRequest(name=skp.name), metadata=sutikno)
        ).status == s.STATUS_SKP_PERSETUJUAN
        periode = await client.penilaian.ListPeriodePenilaian(
            n.ListPeriodePenilaianRequest(skp=skp.name), metadata=sutikno
        )
        assert len(periode.periode) == 5
        hasil = await unduh(
            client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL), metadata=sutikno)
        )
        assert hasil.isi.startswith(b"%PDF")


async def test_dua_replika_setiap_layanan_melayani_lewat_satu_alamat_nginx(tmp_path, postgres_available):
    if not postgres_available:
        pytest.skip("PostgreSQL tidak tersedia")
    nama_db = f"ekinerja_lokal_{uuid.uuid4().hex[:12]}"
    url = _url(nama_db)
    run_dir = tmp_path / "lokal"
    try:
        mulai = lokal(run_dir, "start", "--replika", "2", "--port", "0", "--database-url", url, "--tunggu", "60")
        assert mulai.returncode == 0, mulai.stdout + mulai.stderr
        state = json.loads((run_dir / "lokal.json").read_text())
        assert state["database_created"] and f"alamat: {state['address']}" in mulai.stdout
        assert sorted(r["name"] for r in state["replicas"]) == sorted(
            f"{x}-{i}" for x in ("profil", "skp", "penilaian", "cetak") for i in (1, 2)
        )
        db = Database.for_service(Settings(database_url=url, data_dir=tmp_path / "isi"), "profil")
        try:
            await data.isi(db)
        finally:
            await db.dispose()

        async with grpc.aio.insecure_channel(state["address"]) as channel:
            client = Client(channel)
            # Login on one profil replica, the token checked by the others:
            # every replica has the same keys.
            skp = await skp_disetujui(client)
            await pakai(client, skp)
            sebelum = dilayani(run_dir)
            # Every replica serves its own /metrics (deploy.lokal turns them on), listed for Prometheus.
            prometheus = yaml.safe_load(Path(state["prometheus"]).read_text())
            (scrape,) = prometheus["scrape_configs"]
            assert sorted(t["targets"][0] for t in scrape["static_configs"]) == sorted(
                f"127.0.0.1:{r['metrics_port']}" for r in state["replicas"]
            )
            for r in state["replicas"]:
                with urllib.request.urlopen(f"http://127.0.0.1:{r['metrics_port']}/metrics", timeout=5) as m:
                    teks = m.read().decode()
                assert "grpc_server_handled_total{" in teks, r["name"]
            assert len(sebelum) == 8 and all(sebelum.values()), sebelum  # round robin reached each one

            berhenti = lokal(run_dir, "stop", "profil-1", "skp-1", "penilaian-1", "cetak-1")
            assert berhenti.returncode == 0, berhenti.stderr
            keadaan = lokal(run_dir, "status")
            assert keadaan.returncode == 1 and keadaan.stdout.count("BERHENTI") == 4, keadaan.stdout
            await pakai(client, skp)  # nginx skips the stopped replicas: nothing fails
        sesudah = dilayani(run_dir)
        for layanan in ("profil", "skp", "penilaian", "cetak"):
            assert sesudah[f"{layanan}-1"] == sebelum[f"{layanan}-1"]
            assert sesudah[f"{layanan}-2"] > sebelum[f"{layanan}-2"], (sebelum, sesudah)
    finally:
        akhir = lokal(run_dir, "stop")
        _pg_admin(f'DROP DATABASE IF EXISTS "{nama_db}" WITH (FORCE)')
    assert akhir.returncode == 0 and not list((run_dir / "pids").glob("*.pid")), akhir.stdout
