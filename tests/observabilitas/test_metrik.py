"""`ekinerja serve --metrics-port N` serves Prometheus metrics: after real
calls, per-RPC counters by code, latency histograms and in-flight gauges,
the domain's own counters, database statement time and pool use. Without
the flag nothing listens."""

from __future__ import annotations

import shutil
import signal
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.type.date_pb2 import Date
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from tests import data
from tests.conftest import Template
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving


def _scrape(port: int) -> list[Sample]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        assert r.headers["Content-Type"].startswith("text/plain")
        teks = r.read().decode()
    return [s for fam in text_string_to_metric_families(teks) for s in fam.samples]


def _nilai(samples: list[Sample], nama: str, **label: str) -> float:
    cocok = [s.value for s in samples if s.name == nama and all(s.labels.get(k) == v for k, v in label.items())]
    assert cocok, f"{nama} {label} tidak ada"
    return sum(cocok)


@pytest.fixture
def serve(tmp_path: Path, templates: dict[str, Template]) -> Iterator[tuple[int, int]]:
    shutil.copytree(templates["sqlite"].source, tmp_path / "data")
    port, port_metrik = free_port(), free_port()
    proc = subprocess.Popen(
        # One worker: each worker counts its own calls on its own metrics port
        # (docs/observabilitas.md), and this test reads one port's counters.
        [EKINERJA, "serve", "--port", str(port), "--metrics-port", str(port_metrik), "--workers", "1"],
        env=env_for(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_serving(port)
        yield port, port_metrik
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr


def test_metrics_per_rpc_dan_ranah_dari_serve_sungguhan(serve):
    port, port_metrik = serve
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        auth = auth_pb2_grpc.AuthServiceStub(ch)
        jawab = auth.Login(auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD))
        with pytest.raises(grpc.RpcError) as e:
            auth.Login(auth_pb2.LoginRequest(nip=data.SUTIKNO, password="salah-sekali-1"))
        assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED
        md = (("authorization", f"Bearer {jawab.access_token}"),)
        skp = skp_pb2_grpc.SkpServiceStub(ch)
        skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
        with pytest.raises(grpc.RpcError):
            skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"))  # no token
        # skp asks profil for the pegawai and the atasan: calls between services.
        skp.CreateSkp(
            skp_pb2.CreateSkpRequest(
                skp=skp_pb2.Skp(
                    periode_awal=Date(year=2023, month=1, day=1),
                    periode_akhir=Date(year=2023, month=12, day=31),
                    pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
                )
            ),
            metadata=md,
        )

    samples = _scrape(port_metrik)
    login = {"grpc_service": "ekinerja.profil.v1.AuthService", "grpc_method": "Login", "grpc_type": "unary"}
    assert _nilai(samples, "grpc_server_started_total", **login) == 2
    assert _nilai(samples, "grpc_server_handled_total", **login, grpc_code="OK") == 1
    assert _nilai(samples, "grpc_server_handled_total", **login, grpc_code="UNAUTHENTICATED") == 1
    assert _nilai(samples, "grpc_server_handling_seconds_count", **login) == 2
    assert _nilai(samples, "grpc_server_handling_seconds_bucket", **login, le="+Inf") == 2
    assert _nilai(samples, "grpc_server_in_flight_requests", **login) == 0
    list_skp = {"grpc_service": "ekinerja.skp.v1.SkpService", "grpc_method": "ListSkp"}
    assert _nilai(samples, "grpc_server_handled_total", **list_skp, grpc_code="OK") == 1
    assert _nilai(samples, "grpc_server_handled_total", **list_skp, grpc_code="UNAUTHENTICATED") == 1
    assert (
        _nilai(
            samples,
            "grpc_client_handled_total",
            grpc_service="ekinerja.profil.v1.ProfilService",
            grpc_method="GetAtasan",
            grpc_code="OK",
        )
        >= 1
    )
    assert _nilai(samples, "grpc_client_handling_seconds_count", grpc_method="GetAtasan") >= 1
    assert _nilai(samples, "ekinerja_login_total", hasil="ok") == 1
    assert _nilai(samples, "ekinerja_login_total", hasil="gagal") == 1
    assert _nilai(samples, "ekinerja_db_statement_seconds_count", layanan="profil") > 0
    assert _nilai(samples, "ekinerja_db_pool_connections", layanan="profil", keadaan="dipakai") >= 0
    assert _nilai(samples, "ekinerja_disk_bebas_bytes") > 0
    assert _nilai(samples, "process_resident_memory_bytes") > 0
    # No personal data in any label: not the NIP, not the account.
    assert not any(data.SUTIKNO in v for s in samples for v in s.labels.values())
    # Probes are not counted as RPCs.
    assert not any(s.labels.get("grpc_service", "").startswith("grpc.") for s in samples)


def test_tanpa_metrics_port_tidak_ada_yang_dicatat(server):
    # The embedded default: no /metrics port and no recorder in the boundary (nothing per call).
    assert server.pelayan_metrik is None and server.port_metrik == 0
    assert server.context.boundary.metrik is None
