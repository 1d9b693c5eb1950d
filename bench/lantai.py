"""The floor: a bare grpc.aio server with one echo method (a generic
handler, raw bytes, no interceptor, no database, no auth), in its own
process like the real server. `python -m bench.lantai PORT`."""

from __future__ import annotations

import asyncio
import sys

import grpc

METODE = "/bench.Echo/Echo"


async def _echo(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
    return request


async def serve(port: int) -> None:
    server = grpc.aio.server()
    handler = grpc.method_handlers_generic_handler("bench.Echo", {"Echo": grpc.unary_unary_rpc_method_handler(_echo)})
    server.add_generic_rpc_handlers((handler,))
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    await server.wait_for_termination()


def panggilan(ch: grpc.aio.Channel):  # type: ignore[no-untyped-def]
    """A client call of the echo method (bytes in, bytes out)."""
    echo = ch.unary_unary(METODE)
    return lambda i: echo(b"ekinerja")


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1])))
