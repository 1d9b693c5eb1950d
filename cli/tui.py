"""`ekinerja tui --server HOST:PORT [--akun NIP|USERNAME] [--folder-sesi FOLDER]`."""

from __future__ import annotations

import sys
from pathlib import Path

from services.shared.setelan_klien import SetelanKlien

# Python's OpenSSL bindings. The TUI needs none of them: gRPC does its TLS in its
# own core, and hashlib falls back to Python's built-in SHA-2 without _hashlib.
# Left to itself asyncio imports ssl and backend_cetak hashlib, which maps
# libcrypto into every TUI process: 4 MiB of each SSH session (bench.tui).
OPENSSL = ("ssl", "_ssl", "_hashlib")


def tanpa_openssl() -> None:
    """Before asyncio is first imported: `import ssl` then raises ImportError, which
    asyncio and hashlib expect (a Python built without OpenSSL)."""
    for nama in OPENSSL:
        if nama not in sys.modules:
            sys.modules[nama] = None  # type: ignore[assignment]


def run_tui(
    server: str, akun: str | None = None, settings: SetelanKlien | None = None, folder_sesi: str | None = None
) -> int:
    tanpa_openssl()
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
