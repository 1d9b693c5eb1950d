"""Calls to another service served by this very process, without the
network (issue 18): the embedded default runs all four services in one
process, and a penilaian write asked skp over loopback HTTP/2 — two gRPC
calls' worth of work (the client's and the server's) for what is a method
of the same process; that was a quarter of the write's CPU.

`KanalDalam` stands where the channel would: the generated stubs and
shared/klien.py use it unchanged. A unary call to a method registered in
this process runs the same handler the network would reach, wrapped by the
same Boundary (the caller's token checked again, the same errors, the same
log line and metrics), from the same bytes: the request is serialized and
read back through the method's own deserializer (with its size limits), the
answer likewise, so neither side ever holds the other's objects. It runs as
a task of its own with a fresh context, as a server call does (the callee's
principal and log context never leak into the caller's), under the
caller's timeout; a refusal arrives as the grpc.aio.AioRpcError the network
would have raised, with the same code, details and rich status.

Everything else — streams, health, reflection, a method this process does
not serve — goes through a real channel, opened on first use; so does
every call while tracing is on, whose spans follow the network calls
(services/shared/pelacakan.py). A service configured with an address of its
own (EKINERJA_SKP_ADDRESS…) is always called over the network.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

import grpc

from services.shared.boundary import Boundary

# What the callee sees as the caller's address: not an IP, so never a trusted
# proxy, and plain in its log lines.
PEER = "dalam-proses"


class Rekaman:
    """Stands in for the grpc.aio.Server while the services register: their
    generic handlers go to the server, and the unary method handlers are
    noted for KanalDalam.

    The generated `add_…Servicer_to_server` offers every method twice, as a
    generic handler and as "registered" method handlers; only the first
    reaches the server. grpc.aio's server keeps one waiting future per
    registered method and, for every call that arrives, `asyncio.wait`s on
    all of them (grpcio 1.85, `_server_main_loop`): a pass over the four
    services' ~100 methods for each call in one process (issue 18). The
    generic handler serves the same methods from a dict lookup."""

    def __init__(self, server: grpc.aio.Server) -> None:
        self._server = server
        self.penangan: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}

    def add_generic_rpc_handlers(self, handlers: Sequence[grpc.GenericRpcHandler]) -> None:
        self._server.add_generic_rpc_handlers(handlers)

    def add_registered_method_handlers(
        self, service_name: str, method_handlers: Mapping[str, grpc.RpcMethodHandler[Any, Any]]
    ) -> None:
        for nama, penangan in method_handlers.items():
            if penangan.unary_unary is not None:
                self.penangan[f"/{service_name}/{nama}"] = penangan
        # Not passed on to the server: see the class's docstring.

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._server, nama)

    def sebagai_server(self) -> grpc.aio.Server:
        return cast(grpc.aio.Server, self)


class _Rincian(grpc.HandlerCallDetails):
    def __init__(self, method: str, metadata: Sequence[tuple[str, str]]) -> None:
        self.method = method
        self.invocation_metadata = tuple(metadata)


class KonteksDalam:
    """The part of grpc.aio.ServicerContext that the Boundary and the
    servicers use, for a call from this process."""

    def __init__(self, metadata: Sequence[tuple[str, str]], tenggat: float | None) -> None:
        self._metadata = tuple(metadata)
        self._tenggat = tenggat
        self._code: grpc.StatusCode | None = None
        self._details = ""
        self._trailing: tuple[tuple[str, str | bytes], ...] = ()

    def invocation_metadata(self) -> tuple[tuple[str, str], ...]:
        return self._metadata

    def time_remaining(self) -> float | None:
        return None if self._tenggat is None else max(0.0, self._tenggat - time.monotonic())

    def peer(self) -> str:
        return PEER

    def auth_context(self) -> dict[str, Any]:
        return {}  # no TLS peer: as a call over an insecure channel

    def set_code(self, code: grpc.StatusCode) -> None:
        self._code = code

    def set_details(self, details: str) -> None:
        self._details = details

    def set_trailing_metadata(self, trailing_metadata: Iterable[tuple[str, str | bytes]]) -> None:
        self._trailing = tuple(trailing_metadata)

    def code(self) -> grpc.StatusCode | None:
        return self._code

    def details(self) -> str:
        return self._details

    async def abort(
        self, code: grpc.StatusCode, details: str = "", trailing_metadata: Iterable[tuple[str, str | bytes]] = ()
    ) -> None:
        self._code, self._details, self._trailing = code, details, tuple(trailing_metadata)
        raise grpc.aio.AbortError(details)

    def galat(self) -> grpc.aio.AioRpcError:
        """What the caller's channel would raise for this status."""
        return grpc.aio.AioRpcError(
            self._code or grpc.StatusCode.UNKNOWN,
            grpc.aio.Metadata(),
            grpc.aio.Metadata(*self._trailing),
            self._details,
        )


class _PanggilDalam:
    """A unary multicallable of KanalDalam: `await f(request, metadata=…, timeout=…)`."""

    def __init__(
        self,
        method: str,
        penangan: grpc.RpcMethodHandler[Any, Any],
        boundary: Boundary,
        request_serializer: Callable[[Any], bytes] | None,
        response_deserializer: Callable[[bytes], Any] | None,
    ) -> None:
        self._method = method.encode()  # as grpc's own multicallables name it (klien._nama_metode)
        self._nama = method
        self._penangan = penangan
        self._boundary = boundary
        self._ser = request_serializer or (lambda m: m.SerializeToString())
        self._deser = response_deserializer
        self._dibungkus: grpc.RpcMethodHandler[Any, Any] | None = None

    def __call__(
        self,
        request: Any,
        *,
        timeout: float | None = None,
        metadata: Sequence[tuple[str, str]] | None = None,
        **_: Any,
    ) -> Any:
        return self._panggil(request, timeout, tuple(metadata or ()))

    async def _bungkus(self, metadata: Sequence[tuple[str, str]]) -> grpc.RpcMethodHandler[Any, Any]:
        if self._dibungkus is None:

            async def lanjut(_: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler[Any, Any]:
                return self._penangan

            dibungkus = await self._boundary.intercept_service(lanjut, _Rincian(self._nama, metadata))
            assert dibungkus is not None and dibungkus.unary_unary is not None
            self._dibungkus = dibungkus
        return self._dibungkus

    async def _panggil(self, request: Any, timeout: float | None, metadata: Sequence[tuple[str, str]]) -> Any:
        penangan = await self._bungkus(metadata)
        baca = penangan.request_deserializer or (lambda b: b)
        tulis = penangan.response_serializer or (lambda m: m)
        tenggat = None if timeout is None else time.monotonic() + timeout
        if timeout is not None and timeout <= 0:
            raise _galat(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded")
        konteks = KonteksDalam(metadata, tenggat)
        permintaan = baca(self._ser(request))
        assert penangan.unary_unary is not None
        tugas = asyncio.get_running_loop().create_task(
            penangan.unary_unary(permintaan, cast(grpc.ServicerContext, konteks)),
            context=contextvars.Context(),
        )
        try:
            async with asyncio.timeout(timeout):
                jawaban = await tugas
        except TimeoutError:
            raise _galat(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded") from None
        except grpc.aio.AbortError:
            raise konteks.galat() from None
        data = tulis(jawaban)
        return self._deser(data) if self._deser is not None else data


def _galat(code: grpc.StatusCode, details: str) -> grpc.aio.AioRpcError:
    return grpc.aio.AioRpcError(code, grpc.aio.Metadata(), grpc.aio.Metadata(), details)


class KanalDalam:
    """A channel to this process's own services (see the module's text)."""

    def __init__(
        self,
        penangan: Mapping[str, grpc.RpcMethodHandler[Any, Any]],
        boundary: Boundary,
        buka_jaringan: Callable[[], grpc.aio.Channel],
    ) -> None:
        self._penangan = penangan
        self._boundary = boundary
        self._buka_jaringan = buka_jaringan
        self._jaringan: grpc.aio.Channel | None = None

    def _kanal_jaringan(self) -> grpc.aio.Channel:
        if self._jaringan is None:
            self._jaringan = self._buka_jaringan()
        return self._jaringan

    def unary_unary(
        self,
        method: str,
        request_serializer: Callable[[Any], bytes] | None = None,
        response_deserializer: Callable[[bytes], Any] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        penangan = self._penangan.get(method)
        if penangan is None:
            return self._kanal_jaringan().unary_unary(
                method, request_serializer, response_deserializer, *args, **kwargs
            )
        return _PanggilDalam(method, penangan, self._boundary, request_serializer, response_deserializer)

    def unary_stream(self, *args: Any, **kwargs: Any) -> Any:
        return self._kanal_jaringan().unary_stream(*args, **kwargs)

    def stream_unary(self, *args: Any, **kwargs: Any) -> Any:
        return self._kanal_jaringan().stream_unary(*args, **kwargs)

    def stream_stream(self, *args: Any, **kwargs: Any) -> Any:
        return self._kanal_jaringan().stream_stream(*args, **kwargs)

    async def channel_ready(self) -> None:
        await self._kanal_jaringan().channel_ready()

    def get_state(self, try_to_connect: bool = False) -> grpc.ChannelConnectivity:
        return self._kanal_jaringan().get_state(try_to_connect)

    async def close(self, grace: float | None = None) -> None:
        if self._jaringan is not None:
            await self._jaringan.close(grace)
            self._jaringan = None

    async def __aenter__(self) -> KanalDalam:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()
