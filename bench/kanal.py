"""A client channel that spreads its calls over several connections.

`ekinerja serve --workers N` puts N processes on one port (SO_REUSEPORT):
the kernel hands each new *connection* to one worker, so the single channel
the bench used to open reached one worker only and measured one core. This
one opens `n` channels, each with its own subchannel pool (otherwise gRPC
shares one connection between channels to the same address), and gives
each call the next one in turn. It offers what the generated stubs ask of a
channel, so `XServiceStub(kanal)` works unchanged."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import grpc

OPSI = [("grpc.use_local_subchannel_pool", 1)]


class KanalBergilir:
    def __init__(self, alamat: str, n: int) -> None:
        self._kanal = [grpc.aio.insecure_channel(alamat, options=OPSI) for _ in range(max(1, n))]

    def _bergilir(self, jenis: str, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        panggilan = itertools.cycle([getattr(k, jenis)(*args, **kwargs) for k in self._kanal])
        return lambda *a, **kw: next(panggilan)(*a, **kw)

    def unary_unary(self, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        return self._bergilir("unary_unary", *args, **kwargs)

    def unary_stream(self, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        return self._bergilir("unary_stream", *args, **kwargs)

    def stream_unary(self, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        return self._bergilir("stream_unary", *args, **kwargs)

    def stream_stream(self, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        return self._bergilir("stream_stream", *args, **kwargs)

    async def close(self) -> None:
        for k in self._kanal:
            await k.close()

    async def __aenter__(self) -> KanalBergilir:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def kanal(port: int, workers: int) -> KanalBergilir:
    """Four connections per worker: enough that the kernel's hash of the
    connections' ports reaches every worker."""
    return KanalBergilir(f"127.0.0.1:{port}", 4 * max(1, workers))
