"""`ekinerja tui --server HOST:PORT [--akun NIP|USERNAME]`."""

from __future__ import annotations


def run_tui(server: str, akun: str | None = None) -> int:
    from tui.app import EkinerjaApp

    EkinerjaApp(server, akun).run()
    return 0
