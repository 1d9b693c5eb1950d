"""One measurement: `konkuren` clients call one RPC for a fixed time, or one
client a fixed number of times; throughput, p50, p99 and error codes."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable

import grpc


def _ringkas(name: str, latencies: list[float], elapsed: float, errors: dict[str, int]) -> dict:
    latencies.sort()
    return {
        "rpc": name,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        "n": len(latencies),
        "errors": errors,
    }


async def measure(name: str, call: Callable[[int], Awaitable[object]], concurrency: int, seconds: float) -> dict:
    """Call i comes from worker i // 1000 (its n-th call is i % 1000), so a
    case can give each worker its own rows."""
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds
    errors: dict[str, int] = {}

    async def worker(i: int) -> None:
        n = 0
        while time.perf_counter() < stop_at:
            t = time.perf_counter()
            try:
                await call(i * 1000 + n)
            except grpc.aio.AioRpcError as err:
                errors[err.code().name] = errors.get(err.code().name, 0) + 1
            latencies.append(time.perf_counter() - t)
            n += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return _ringkas(name, latencies, time.perf_counter() - start, errors)


async def satu_klien(name: str, call: Callable[[int], Awaitable[object]], kali: int) -> dict:
    """One client, `kali` calls one after another: the latency of an idle server."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    start = time.perf_counter()
    for n in range(kali):
        t = time.perf_counter()
        try:
            await call(n)
        except grpc.aio.AioRpcError as err:
            errors[err.code().name] = errors.get(err.code().name, 0) + 1
        latencies.append(time.perf_counter() - t)
    return _ringkas(name, latencies, time.perf_counter() - start, errors)
