"""`ekinerja tui --server HOST:PORT`."""

from __future__ import annotations


def run_tui(server: str) -> int:
    from tui.app import EkinerjaApp

    EkinerjaApp(server).run()
    return 0
