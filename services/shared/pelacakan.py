"""OpenTelemetry traces: a span for every RPC served (and its caller's span
as parent, from the `traceparent` metadata), every call to another service,
and every SQL statement — by OpenTelemetry's own gRPC and SQLAlchemy
instrumentation, not by hand (docs/observabilitas.md).

On only when the process has a tracer provider: `ekinerja serve` makes one
that exports by OTLP/gRPC when OTEL_EXPORTER_OTLP_ENDPOINT is set, tests
install one with an in-memory exporter. Off, no interceptor is added to the
server or any channel and no SQL listener to any engine: nothing per call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import grpc

if TYPE_CHECKING:  # the SDK only where tracing is on; no SQLAlchemy here (the SSH gateway opens channels)
    from opentelemetry.sdk.trace import TracerProvider

_provider: TracerProvider | None = None


def aktif() -> bool:
    return _provider is not None


def pasang(provider: TracerProvider) -> None:
    """Traces from now on go to `provider` (set before the server starts)."""
    global _provider
    _provider = provider


def lepas() -> TracerProvider | None:
    """Tracing off again (tests; shutdown); the provider is returned to be flushed."""
    global _provider
    provider, _provider = _provider, None
    return provider


def dari_lingkungan(nama_layanan: str, env: Mapping[str, str]) -> TracerProvider | None:
    """A provider exporting by OTLP/gRPC when OTEL_EXPORTER_OTLP_ENDPOINT is set;
    the exporter reads the other OTEL_EXPORTER_OTLP_* variables itself."""
    if not env.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return None
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create({"service.name": env.get("OTEL_SERVICE_NAME") or nama_layanan})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def interceptor_server() -> list[grpc.aio.ServerInterceptor]:
    if _provider is None:
        return []
    from opentelemetry.instrumentation.grpc import aio_server_interceptor, filters

    # ekinerja's RPCs only: probes and reflection every few seconds are noise.
    interceptor: grpc.aio.ServerInterceptor = aio_server_interceptor(  # type: ignore[no-untyped-call]
        tracer_provider=_provider, filter_=filters.service_prefix("ekinerja.")
    )
    return [interceptor]


def interceptor_klien() -> list[grpc.aio.ClientInterceptor]:
    """For a channel to another service: a client span, and its context sent along."""
    if _provider is None:
        return []
    from opentelemetry.instrumentation.grpc import aio_client_interceptors, filters

    interceptors: list[grpc.aio.ClientInterceptor] = aio_client_interceptors(  # type: ignore[no-untyped-call]
        tracer_provider=_provider, filter_=filters.service_prefix("ekinerja.")
    )
    return interceptors


def provider() -> TracerProvider | None:
    return _provider
