"""`ekinerja serve` exports its spans by OTLP/gRPC when
OTEL_EXPORTER_OTLP_ENDPOINT is set — here to a collector this test runs —
and makes no tracer at all when it is not."""

from __future__ import annotations

import shutil
import signal
import subprocess
import threading
from concurrent import futures
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.type.date_pb2 import Date
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc

from services.shared import pelacakan
from tests import data
from tests.conftest import Template
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving


class Kolektor(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(self) -> None:
        self.spans: list[tuple[str, object]] = []  # (service.name, span)
        self._kunci = threading.Lock()

    def Export(self, request, context):  # noqa: N802 (the generated name)
        with self._kunci:
            for rs in request.resource_spans:
                nama = next(a.value.string_value for a in rs.resource.attributes if a.key == "service.name")
                self.spans += [(nama, sp) for ss in rs.scope_spans for sp in ss.spans]
        return trace_service_pb2.ExportTraceServiceResponse()


def test_serve_mengekspor_jejak_lewat_otlp(tmp_path: Path, templates: dict[str, Template]):
    kolektor = Kolektor()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    trace_service_pb2_grpc.add_TraceServiceServicer_to_server(kolektor, server)
    port_kolektor = server.add_insecure_port("127.0.0.1:0")
    server.start()
    shutil.copytree(templates["sqlite"].source, tmp_path / "data")
    env = {**env_for(tmp_path), "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{port_kolektor}"}
    port = free_port()
    proc = subprocess.Popen(
        [EKINERJA, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_serving(port)
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            jawab = auth_pb2_grpc.AuthServiceStub(ch).Login(
                auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)
            )
            skp_pb2_grpc.SkpServiceStub(ch).CreateSkp(
                skp_pb2.CreateSkpRequest(
                    skp=skp_pb2.Skp(
                        periode_awal=Date(year=2023, month=1, day=1),
                        periode_akhir=Date(year=2023, month=12, day=31),
                        pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
                    )
                ),
                metadata=(("authorization", f"Bearer {jawab.access_token}"),),
            )
    finally:
        proc.send_signal(signal.SIGTERM)  # the spans still queued are sent on the way out
        _, stderr = proc.communicate(timeout=60)
        server.stop(None)
    assert proc.returncode == 0, stderr
    assert {nama for nama, _ in kolektor.spans} == {"ekinerja"}
    per_nama = {}
    for _, sp in kolektor.spans:
        per_nama.setdefault(sp.name, []).append(sp)
    (luar,) = per_nama["/ekinerja.skp.v1.SkpService/CreateSkp"]
    # profil's GetAtasan, served in the same trace as a child of skp's call to it.
    dalam = [sp for sp in per_nama["/ekinerja.profil.v1.ProfilService/GetAtasan"] if sp.kind == sp.SPAN_KIND_SERVER]
    assert dalam and all(sp.trace_id == luar.trace_id for sp in dalam)
    klien = {
        sp.span_id: sp
        for sp in per_nama["/ekinerja.profil.v1.ProfilService/GetAtasan"]
        if sp.kind == sp.SPAN_KIND_CLIENT
    }
    assert all(klien[sp.parent_span_id].parent_span_id == luar.span_id for sp in dalam)


def test_tanpa_endpoint_tidak_ada_tracer():
    assert pelacakan.dari_lingkungan("ekinerja", {}) is None
    assert pelacakan.dari_lingkungan("ekinerja", {"OTEL_EXPORTER_OTLP_ENDPOINT": ""}) is None
