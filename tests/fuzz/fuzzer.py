"""Runs hypothesis against the RPCs of one service on a live server.

The test is async (the server and channel live on its event loop), but
hypothesis drives a synchronous function: it runs in a worker thread and
hands each call back to the loop with run_coroutine_threadsafe, so the loop
keeps serving while hypothesis waits. One @given per RPC, so every RPC gets
its examples and a failure names its RPC; failures are collected, not
raised at once, so one bug does not hide another."""

from __future__ import annotations

import asyncio
import os
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field

import grpc
from google.protobuf import text_format
from google.protobuf.message import Message
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz import properties
from tests.fuzz.callers import Callers
from tests.fuzz.fingerprint import Fingerprint, changed
from tests.fuzz.rpcs import Rpc, call
from tests.fuzz.strategies import Requests

CALL_TIMEOUT = 10.0  # seconds; DEADLINE_EXCEEDED is a failure (properties.FORBIDDEN)

# Examples per RPC. EKINERJA_FUZZ_PROFILE=lama for a long run (or
# EKINERJA_FUZZ_CONTOH=N); the default keeps `make test` short.
settings.register_profile(
    "fuzz",
    max_examples=16,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
)
settings.register_profile("fuzz-lama", settings.get_profile("fuzz"), max_examples=300)
PROFILE = "fuzz-lama" if os.environ.get("EKINERJA_FUZZ_PROFILE") == "lama" else "fuzz"
if os.environ.get("EKINERJA_FUZZ_CONTOH"):
    settings.register_profile(
        PROFILE, settings.get_profile(PROFILE), max_examples=int(os.environ["EKINERJA_FUZZ_CONTOH"])
    )
# Seconds per service, shared equally by its RPCs. An RPC past its share
# stops calling after MIN_EXAMPLES calls (the remaining examples pass without
# a call): on a slow or busy machine every RPC stays covered and the suite
# stays bounded.
BUDGET_SECONDS = float(os.environ.get("EKINERJA_FUZZ_DETIK", "8" if PROFILE == "fuzz" else "1800"))
MIN_EXAMPLES = 3


@dataclass
class Stats:
    cases: int = 0
    ok: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    per_rpc: dict[str, Counter[str]] = field(default_factory=dict)  # method -> code -> calls
    seconds: float = 0.0
    shortened: int = 0  # RPCs that ran out of their share of the budget

    def line(self, service: str) -> str:
        codes = ", ".join(f"{c}={n}" for c, n in self.codes.most_common())
        short = f", {self.shortened} RPCs shortened (budget)" if self.shortened else ""
        return f"{service}: {self.cases} cases, {self.ok} OK, {self.seconds:.1f} s{short} ({codes})"

    def detail(self) -> str:
        return "\n".join(
            f"  {m}: " + ", ".join(f"{c}={n}" for c, n in codes.most_common()) for m, codes in self.per_rpc.items()
        )


class Fuzzer:
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        channel: grpc.aio.Channel,
        requests: Requests,
        callers: Callers,
        fingerprint: Fingerprint,
    ) -> None:
        self._loop = loop
        self._channel = channel
        self._requests = requests
        self._callers = callers
        self._fingerprint = fingerprint
        self._before: dict[str, tuple[int, str]] | None = None
        self.stats = Stats()

    async def _case(self, rpc: Rpc, who: str, request: Message) -> list[str]:
        logins = self._callers.logins
        metadata = await self._callers.metadata(who)
        if self._before is None or self._callers.logins != logins:
            self._before = await self._fingerprint.take()
        outcome = await call(self._channel, rpc, request, metadata, CALL_TIMEOUT)
        after = await self._fingerprint.take()
        diff = changed(self._before, after)
        self._before = after
        self.stats.cases += 1
        self.stats.per_rpc.setdefault(rpc.name, Counter())[outcome.code.name] += 1
        self.stats.codes[outcome.code.name] += 1
        if outcome.code == grpc.StatusCode.OK:
            self.stats.ok += 1
            self._callers.after_ok(who, rpc.name, request)
        elif outcome.code == grpc.StatusCode.UNAUTHENTICATED and not properties.field_violations(outcome):
            self._callers.forget(who)  # its session ended (a wrong password names a field)
        return properties.problems(outcome, rpc.method.input_type, diff)

    def _run_one(self, rpc: Rpc, seconds: float) -> None:
        strategy = self._requests.of(rpc.method.input_type)
        end = time.monotonic() + seconds
        state = {"calls": 0, "failed": False, "short": False}

        @settings(settings.get_profile(PROFILE))
        @given(who=st.sampled_from(Callers.weighted), request=strategy)
        def fuzz(who: str, request: Message) -> None:
            if state["calls"] >= MIN_EXAMPLES and time.monotonic() > end and not state["failed"]:
                state["short"] = True  # past its share; never while hypothesis shrinks a failure
                return
            state["calls"] += 1
            found = asyncio.run_coroutine_threadsafe(self._case(rpc, who, request), self._loop).result(
                timeout=CALL_TIMEOUT * 6
            )
            if found:
                state["failed"] = True
                shown = text_format.MessageToString(request, as_utf8=True, as_one_line=True)
                raise AssertionError(
                    f"{rpc.path} as {who}: {'; '.join(found)}\nrequest: {request.DESCRIPTOR.name} {{{shown[:1500]}}}"
                )

        try:
            fuzz()
        finally:
            self.stats.shortened += state["short"]

    def run(self, rpcs: list[Rpc]) -> list[str]:
        """Fuzzes each RPC in turn; returns the failures (empty: all held)."""
        start = time.monotonic()
        failures = []
        for rpc in rpcs:
            try:
                self._run_one(rpc, BUDGET_SECONDS / len(rpcs))
            except Exception as e:  # noqa: BLE001 shrunk by hypothesis: keep it (with its notes), go on to the next RPC
                failures.append(f"{rpc.path}: " + "".join(traceback.format_exception_only(e)))
        self.stats.seconds = time.monotonic() - start
        return failures
