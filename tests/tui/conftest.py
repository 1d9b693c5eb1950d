"""Fixtures of the TUI tests: the set-up nearly every test repeats."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest
from textual.pilot import Pilot

from tests.tui.pilot import UKURAN, dibuka
from tui.app import EkinerjaApp

BukaAplikasi = Callable[..., AbstractAsyncContextManager[tuple[EkinerjaApp, Pilot]]]


@pytest.fixture
def buka_aplikasi(address: str) -> BukaAplikasi:
    """`async with buka_aplikasi(data.SUTIKNO) as (app, pilot):` the app as the CLI
    builds it, at 80x24, against the test server, signed in as that user;
    `buka_aplikasi()` stays on the login screen."""

    def buka(nip: str | None = None, ukuran: tuple[int, int] = UKURAN) -> AbstractAsyncContextManager:
        return dibuka(address, nip, ukuran)

    return buka
