"""`ekinerja tui` reads its address and TLS files with SetelanKlien (no pydantic,
for memory: issue 15); it must read the environment exactly as Settings does."""

from __future__ import annotations

import os

import pytest

from services.shared.config import Settings
from services.shared.setelan_klien import SetelanKlien

LINGKUNGAN = [
    {},
    {"EKINERJA_HOST": "10.0.0.5", "EKINERJA_PORT": "6000"},
    {"ekinerja_port": " 7000 ", "Ekinerja_Host": " spasi "},
    {
        "EKINERJA_TLS_CA_FILE": "/etc/ekinerja/ca.pem",
        "EKINERJA_TLS_KLIEN_CERT_FILE": "klien.pem",
        "EKINERJA_TLS_KLIEN_KEY_FILE": "klien.key",
    },
    {"EKINERJA_TLS_CA_FILE": ""},
]


@pytest.mark.parametrize("env", LINGKUNGAN)
def test_sama_dengan_settings(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for nama in list(os.environ):
        if nama.lower().startswith("ekinerja_"):
            monkeypatch.delenv(nama)
    for nama, nilai in env.items():
        monkeypatch.setenv(nama, nilai)
    s = Settings()
    k = SetelanKlien.dari_lingkungan()
    assert (k.host, k.port, k.tls_ca_file, k.tls_klien_cert_file, k.tls_klien_key_file) == (
        s.host,
        s.port,
        s.tls_ca_file,
        s.tls_klien_cert_file,
        s.tls_klien_key_file,
    )


def test_tui_tanpa_pydantic_dan_structlog() -> None:
    """What `ekinerja tui` imports up to its main screen leaves pydantic and structlog out (issue 15)."""
    import subprocess
    import sys

    kode = (
        "import sys, cli.main, cli.tui, services.shared.saluran, tui.app, tui.gerbang, tui.screens.utama;"
        "print(sorted(m for m in ('pydantic', 'pydantic_settings', 'structlog', 'sqlalchemy') if m in sys.modules))"
    )
    keluaran = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True).stdout
    assert keluaran.strip() == "[]"


def test_tui_tanpa_openssl_python_tetap_lengkap() -> None:
    """`ekinerja tui` keeps Python's OpenSSL bindings (libcrypto, 4 MiB a session) out, and
    every screen still imports and hashes (the built-in SHA-2): issue 15."""
    import subprocess
    import sys

    kode = (
        "import sys, pkgutil, importlib, cli.tui; cli.tui.tanpa_openssl();"
        "import asyncio, hashlib, tui, tui.app, tui.screens.utama, tui.backend_cetak, tui.kirim_email;"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(tui.__path__, 'tui.')];"
        "assert hashlib.sha256(b'ekinerja').hexdigest().startswith('39a700b3');"
        "maps = open('/proc/self/maps').read();"
        "print(sorted(m for m in cli.tui.OPENSSL if sys.modules.get(m)), 'libcrypto' in maps)"
    )
    keluaran = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert keluaran.stdout.strip() == "[] False", keluaran.stderr
