"""Helpers for driving the real app with Textual's Pilot at 80x24."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from rich.console import Console
from textual.app import App
from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Select, Static
from textual.worker import WorkerState

from tests import data
from tui.app import EkinerjaApp

UKURAN = (80, 24)


def aplikasi(address: str, *args: Any, **kwargs: Any) -> EkinerjaApp:
    """The app as the CLI (or, with the account and session folder, the SSH gateway)
    builds it; without animations, which Pilot would wait out."""
    app = EkinerjaApp(address, *args, **kwargs)
    app.animation_level = "none"
    # Every toast as it is posted: Textual drops one when its timeout passes, which on a
    # loaded machine came before the test looked (test_mengakhiri_penugasan_plt failed so).
    dikirim: list[str] = []
    notify = app.notify

    def catat(message: object, *args: object, **kwargs: object) -> None:
        dikirim.append(str(message))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = catat  # type: ignore[method-assign]
    app.pemberitahuan_terkirim = dikirim  # type: ignore[attr-defined]
    return app


async def tunggu(pilot: Pilot) -> None:
    """Until every worker (the gRPC calls) is done and the screen settled:
    a finished worker may start the next one (the pegawai, then the unit list)."""

    def sibuk() -> bool:
        # A worker's last step may post a message that starts the next worker
        # only once it has bubbled up to the screen (Detail SKP reloads after
        # a form): pending messages count as busy too.
        app = pilot.app
        antre = any(
            node.message_queue_size for screen in app.screen_stack for node in (screen, *screen.walk_children())
        )
        return (
            antre
            or app.message_queue_size > 0
            or any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        )

    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not sibuk():
            return
    raise AssertionError("workers still running")


def teks(widget: Static) -> str:
    """What a Static shows, as plain text (wide, so nothing wraps mid-word)."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return " ".join(console.export_text().split())


def isi(app: App[object], selector: str) -> str:
    return teks(app.screen.query_one(selector, Static))


def baris(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def kolom(app: App[object], selector: str, nama: str) -> list[str]:
    table = app.screen.query_one(selector, DataTable)
    i = [str(c.label) for c in table.columns.values()].index(nama)
    return [r[i] for r in baris(table)]


def terkirim(app: App[object]) -> list[str]:
    """The toasts `aplikasi` recorded, in order (a test may clear it to see only what follows)."""
    catatan: list[str] = app.pemberitahuan_terkirim  # type: ignore[attr-defined]
    return catatan


def pemberitahuan(app: App[object]) -> str:
    """Every toast shown so far, expired ones too."""
    return " | ".join(terkirim(app))


async def ketik(pilot: Pilot, selector: str, nilai: str) -> None:
    """Focus an input and fill it (as a paste would: one change, not one per
    key; test_login_dengan_papan_ketik_saja types key by key)."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = nilai
    widget.cursor_position = len(nilai)
    await pilot.pause()


def opsi(select: Select[object]) -> list[str]:
    """The choices a Select offers, as its menu lists them (the blank prompt left out)."""
    menu = select.query_one(OptionList)
    return [str(o.prompt) for o in menu.options if str(o.prompt) != select.prompt]


async def pilih_opsi(pilot: Pilot, selector: str, awalan: str) -> None:
    """Chooses the first choice of a Select that starts with `awalan` as a user
    does: Enter opens its menu, the cursor goes to the choice, Enter takes it."""
    select = pilot.app.screen.query_one(selector, Select)
    menu = select.query_one(OptionList)
    cocok = [i for i, o in enumerate(menu.options) if str(o.prompt).startswith(awalan)]
    assert cocok, f"no choice starting with {awalan!r}: {opsi(select)}"
    select.focus()
    await pilot.press("enter")
    menu.highlighted = cocok[0]
    await pilot.press("enter")
    await tunggu(pilot)


async def masuk(pilot: Pilot, nip: str, password: str = data.PASSWORD) -> None:
    screen = pilot.app.screen
    screen.query_one("#nip", Input).value = nip
    screen.query_one("#password", Input).value = password
    screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    await tunggu(pilot)


@asynccontextmanager
async def dibuka(
    address: str, nip: str | None = None, ukuran: tuple[int, int] = UKURAN
) -> AsyncIterator[tuple[EkinerjaApp, Pilot]]:
    """The app against `address` at `ukuran`, signed in as `nip` (None: on the login
    screen). The `buka_aplikasi` fixture (tests/tui/conftest.py) passes the test server's."""
    app = aplikasi(address)
    async with app.run_test(size=ukuran) as pilot:
        if nip is not None:
            await masuk(pilot, nip)
        yield app, pilot


def baris_layar(app: App[object]) -> list[Strip]:
    """The screen row by row, as the user sees it, read through public API the way
    `Screen.get_style_at` reads one cell: the widget on top at each cell
    (`Screen.get_widget_at`), then that widget's line (`Widget.render_lines`)."""
    screen = app.screen
    lebar, tinggi = screen.size
    rows = []
    for y in range(tinggi):
        di_atas: list[tuple[Widget, Region] | None] = []
        for x in range(lebar):
            try:
                di_atas.append(screen.get_widget_at(x, y))
            except NoWidget:
                di_atas.append(None)
        potongan = []
        x = 0
        while x < lebar:
            akhir = x + 1
            while akhir < lebar and di_atas[akhir] == di_atas[x]:
                akhir += 1
            sini = di_atas[x]
            if sini is None:
                potongan.append(Strip.blank(akhir - x))
            else:
                widget, region = sini
                lines = widget.render_lines(Region(0, y - region.y, region.width, 1))
                line = lines[0] if lines else Strip.blank(region.width)
                potongan.append(line.crop(x - region.x, akhir - region.x))
            x = akhir
        rows.append(Strip.join(potongan))
    return rows


def layar(app: App[object]) -> str:
    """What the screen shows, as plain text (what a user at 80x24 sees)."""
    return "\n".join(strip.text for strip in baris_layar(app))
