"""The real entrypoint: `ekinerja migrate` and `ekinerja serve` as processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

EKINERJA = str(Path(sys.executable).parent / "ekinerja")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "EKINERJA_DATA_DIR": str(tmp_path / "data"), "EKINERJA_LOG_LEVEL": "WARNING"}
    env.pop("EKINERJA_DATABASE_URL", None)
    return env


def wait_serving(port: int, service: str = "") -> int:
    stub = health_pb2_grpc.HealthStub(grpc.insecure_channel(f"127.0.0.1:{port}"))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            return stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=1).status
        except grpc.RpcError:
            time.sleep(0.2)
    raise AssertionError("server did not start")


def services_listed(port: int) -> set[str]:
    stub = reflection_pb2_grpc.ServerReflectionStub(grpc.insecure_channel(f"127.0.0.1:{port}"))
    (resp,) = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    return {s.name for s in resp.list_services_response.service}


def test_migrate_lalu_serve_semua_dan_berhenti_dengan_rapi(tmp_path):
    env = env_for(tmp_path)
    out = subprocess.run([EKINERJA, "migrate"], env=env, capture_output=True, text=True, check=True)
    assert "profil, skp, penilaian, cetak" in out.stdout
    for name in ["profil", "skp", "penilaian", "cetak"]:
        assert (tmp_path / "data" / f"{name}.db").exists()
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert wait_serving(port) == health_pb2.HealthCheckResponse.SERVING
        assert {
            "ekinerja.profil.v1.ProfilService",
            "ekinerja.skp.v1.SkpService",
            "ekinerja.penilaian.v1.PenilaianService",
            "ekinerja.cetak.v1.CetakService",
        } <= services_listed(port)
    finally:
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr


def test_serve_satu_layanan_di_port_sendiri(tmp_path):
    env = env_for(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "profil", "--port", str(port), "--migrate"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_serving(port, "ekinerja.profil.v1.AuthService") == health_pb2.HealthCheckResponse.SERVING
        listed = services_listed(port)
        assert "ekinerja.profil.v1.ProfilService" in listed and "ekinerja.skp.v1.SkpService" not in listed
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_serve_menolak_skema_yang_belum_dimigrasi(tmp_path):
    proc = subprocess.run(
        [EKINERJA, "serve", "--port", str(free_port())],
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "ekinerja migrate" in proc.stderr
