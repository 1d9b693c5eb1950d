"""`ekinerja tui --server HOST:PORT [--akun NIP|USERNAME]`."""

from __future__ import annotations

from services.shared.config import Settings


def run_tui(server: str, akun: str | None = None, settings: Settings | None = None) -> int:
    from services.shared.saluran import kredensial_klien
    from tui.app import EkinerjaApp

    EkinerjaApp(server, akun, kredensial_klien(settings) if settings else None).run()
    return 0
