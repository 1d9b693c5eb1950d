"""`ekinerja tui --server HOST:PORT [--akun NIP|USERNAME] [--folder-sesi FOLDER]`."""

from __future__ import annotations

from pathlib import Path

from services.shared.setelan_klien import SetelanKlien


def run_tui(
    server: str, akun: str | None = None, settings: SetelanKlien | None = None, folder_sesi: str | None = None
) -> int:
    from services.shared.saluran import kredensial_klien
    from tui.app import EkinerjaApp
    from tui.gerbang import SaluranGerbang

    app = EkinerjaApp(
        server,
        akun,
        kredensial_klien(settings) if settings else None,
        folder_sesi=Path(folder_sesi) if folder_sesi else None,
    )
    app.backend.gerbang = SaluranGerbang.dari_lingkungan()
    app.run()
    return 0
