"""Traces: with a tracer provider installed, an RPC's span is the parent of
the calls it makes to other services (propagated over gRPC, even when the
other service is this very process) and of its SQL statements; the log
lines carry the trace id."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import grpc
import pytest
import structlog
from ekinerja.skp.v1 import skp_pb2 as s
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from services.registry import MODULES
from services.shared import logging as log_ekinerja
from services.shared import pelacakan
from services.shared.config import Settings
from services.shared.server import Running, start
from services.shared.tokens import ensure_keypair
from tests import data
from tests.api.skp.bantu import tgl
from tests.conftest import Client


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    pelacakan.pasang(provider)
    try:
        yield exporter
    finally:
        pelacakan.lepas()
        provider.shutdown()


@pytest.fixture
async def server_terlacak(spans: InMemorySpanExporter, settings: Settings) -> AsyncIterator[Running]:
    ensure_keypair(settings.private_key_path, settings.public_key_path)
    running = await start(settings, list(MODULES.values()), port=0)
    try:
        yield running
    finally:
        await running.stop(grace=1)


def _anak(semua: list[ReadableSpan], induk: ReadableSpan) -> list[ReadableSpan]:
    assert induk.context is not None
    return [x for x in semua if x.parent is not None and x.parent.span_id == induk.context.span_id]


async def test_rpc_luar_menjadi_induk_rpc_dalam_dan_sql(spans, server_terlacak):
    # The log lines as the configured processors make them (services/shared/logging.py), kept in a list.
    catatan = structlog.testing.LogCapture()
    structlog.configure(processors=[structlog.contextvars.merge_contextvars, log_ekinerja._jejak, catatan])
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server_terlacak.port}") as channel:
            client = Client(channel)
            md = await client.login(nip=data.SUTIKNO)
            spans.clear()
            await client.skp.CreateSkp(
                s.CreateSkpRequest(
                    skp=s.Skp(
                        periode_awal=tgl(2023, 1, 1),
                        periode_akhir=tgl(2023, 12, 31),
                        pendekatan=s.PENDEKATAN_KUANTITATIF,
                    )
                ),
                metadata=md,
            )
    finally:
        structlog.reset_defaults()
    semua = list(spans.get_finished_spans())
    luar = [x for x in semua if x.name == "/ekinerja.skp.v1.SkpService/CreateSkp" and x.kind == SpanKind.SERVER]
    assert len(luar) == 1, [
        (x.name, x.kind, x.parent and x.parent.span_id, x.context.span_id)
        for x in semua
        if not x.name.startswith(("SELECT", "INSERT"))
    ]
    rpc = luar[0]
    assert rpc.parent is None  # the test's own call carried no trace
    anak = _anak(semua, rpc)
    klien_profil = [x for x in anak if x.kind == SpanKind.CLIENT and x.name.startswith("/ekinerja.profil.")]
    assert klien_profil, [x.name for x in anak]
    # The inner RPC, served by profil, is the child of that client call: one trace throughout.
    for k in klien_profil:
        dilayani = _anak(semua, k)
        assert [x.kind for x in dilayani] == [SpanKind.SERVER], k.name
        assert dilayani[0].context.trace_id == rpc.context.trace_id
        # profil read its database inside the inner RPC.
    assert any(_anak(semua, _anak(semua, k)[0]) for k in klien_profil)
    sql = [
        x for x in anak if x.attributes and "db.statement" in x.attributes or x.name.startswith(("SELECT", "INSERT"))
    ]
    assert sql, [x.name for x in anak]
    assert all(x.context.trace_id == rpc.context.trace_id for x in sql)
    # No value of a statement's parameters reaches a span (a NIP in a WHERE).
    assert not any(data.SUTIKNO in json.dumps(dict(x.attributes or {})) for x in semua)

    jejak = format(rpc.context.trace_id, "032x")
    rpc_log = [
        b
        for b in catatan.entries
        if b.get("event") == "rpc" and b.get("rpc") == "/ekinerja.skp.v1.SkpService/CreateSkp"
    ]
    assert rpc_log and rpc_log[0]["trace_id"] == jejak and rpc_log[0]["rid"]


async def test_tanpa_provider_tidak_ada_interceptor():
    assert not pelacakan.aktif()
    assert pelacakan.interceptor_server() == [] and pelacakan.interceptor_klien() == []
    with structlog.testing.capture_logs() as baris:
        structlog.get_logger().warning("tanpa_jejak")
    assert "trace_id" not in baris[0]
