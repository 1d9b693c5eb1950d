"""Helpers for driving the real app with Textual's Pilot."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from tests import data


async def tunggu(pilot: Pilot) -> None:
    """Until every worker (the gRPC calls) is done and the screen settled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def teks(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def baris(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def masuk(pilot: Pilot, nip: str, password: str = data.PASSWORD) -> None:
    screen = pilot.app.screen
    screen.query_one("#nip", Input).value = nip
    screen.query_one("#password", Input).value = password
    screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    await tunggu(pilot)
