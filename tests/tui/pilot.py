"""Helpers for driving the real app with Textual's Pilot at 80x24."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkerState

from tests import data
from tui.app import EkinerjaApp

UKURAN = (80, 24)


def aplikasi(address: str) -> EkinerjaApp:
    """The app as the CLI builds it; without animations, which Pilot would wait out."""
    app = EkinerjaApp(address)
    app.animation_level = "none"
    # Every toast as it is posted: Textual drops one when its timeout passes, which on a
    # loaded machine came before the test looked (test_akhiri_penugasan failed so).
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
            node._message_queue.qsize() for screen in app.screen_stack for node in (screen, *screen.walk_children())
        )
        return (
            antre
            or app._message_queue.qsize() > 0
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


def pemberitahuan(app: App[object]) -> str:
    """Every toast shown so far, expired ones too."""
    terkirim = getattr(app, "pemberitahuan_terkirim", None)
    if terkirim is not None:
        return " | ".join(terkirim)
    return " | ".join(str(n.message) for n in app._notifications)


async def ketik(pilot: Pilot, selector: str, nilai: str) -> None:
    """Focus an input and fill it (as a paste would: one change, not one per
    key; test_login_dengan_papan_ketik_saja types key by key)."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = nilai
    widget.cursor_position = len(nilai)
    await pilot.pause()


async def masuk(pilot: Pilot, nip: str, password: str = data.PASSWORD) -> None:
    screen = pilot.app.screen
    screen.query_one("#nip", Input).value = nip
    screen.query_one("#password", Input).value = password
    screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    await tunggu(pilot)


def layar(app: App[object]) -> str:
    """What the screen shows, as plain text (what a user at 80x24 sees)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)
