"""Fuzzing every RPC (issue 8): generated requests — nasty values, broken
names, real names of the fixture world — sent by every kind of caller to a
real in-process server. Each call must answer a proper status (never
INTERNAL, UNKNOWN, DATA_LOSS, or past its deadline), name a real request
field in every INVALID_ARGUMENT, and leave the data untouched when it is
rejected. The RPCs come from the service descriptors, so a new one is
fuzzed without a change here. EKINERJA_FUZZ_PROFILE=lama runs longer."""

from __future__ import annotations

import asyncio
import os

import pytest

from tests.fuzz import rpcs, world
from tests.fuzz.callers import Callers
from tests.fuzz.fingerprint import Fingerprint
from tests.fuzz.fuzzer import PROFILE, Fuzzer
from tests.fuzz.strategies import Requests

SERVICES = rpcs.services()


@pytest.fixture
def settings(settings):  # type: ignore[no-untyped-def]
    # The fuzzer prints far more often than a person: with the hourly allowance
    # most prints would stop at RESOURCE_EXHAUSTED, before the checks it fuzzes.
    return settings.model_copy(update={"cetak_maks_per_jam": 1_000_000})


def test_every_rpc_is_fuzzable():
    """Every service the contracts declare is one the server registers, so
    test_fuzz reaches it, and each of its RPCs takes a single request or a
    client stream of them (the fuzzer's ways of calling: rpcs.call).
    test_fuzz checks that each RPC was called."""
    assert rpcs.declared() == set(SERVICES)
    for service in SERVICES:
        assert rpcs.of(service), service
        for rpc in rpcs.of(service):
            assert rpc.callable, f"{rpc.path}: bidirectional streaming is not fuzzed yet"


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.rsplit(".", 1)[-1])
async def test_fuzz(service, server, client, backend, record_property):
    w = await world.build(client)
    callers = Callers(client)
    fuzzer = Fuzzer(
        asyncio.get_running_loop(), client.channel, Requests(w), callers, Fingerprint(server.context.databases)
    )
    methods = rpcs.of(service)
    failures = await asyncio.to_thread(fuzzer.run, methods)

    stats = fuzzer.stats
    print(f"\nfuzz[{backend}, profile {PROFILE}] {stats.line(service)}")
    if os.environ.get("EKINERJA_FUZZ_RINCI"):
        print(stats.detail())
    for key, value in [
        ("service", service),
        ("backend", backend),
        ("cases", stats.cases),
        ("ok", stats.ok),
        ("seconds", round(stats.seconds, 1)),
        ("shortened", stats.shortened),
    ]:
        record_property(f"fuzz_{key}", value)  # tests/fuzz/summary.py adds them up
    assert not failures, "\n\n".join(failures)
    missed = [m.name for m in methods if m.name not in stats.per_rpc]
    assert not missed, f"RPCs never called: {missed}"
