"""How many worker processes `ekinerja serve` starts (cli/pekerja.py)."""

from __future__ import annotations

import os
from pathlib import Path

from cli.pekerja import jumlah_pekerja
from services.shared.config import Settings


def test_bawaan_satu_per_inti(monkeypatch):
    monkeypatch.delenv("EKINERJA_WORKERS", raising=False)
    assert jumlah_pekerja(Settings(), 50051) == (os.cpu_count() or 1)


def test_disetel(monkeypatch):
    monkeypatch.setenv("EKINERJA_WORKERS", "3")
    assert jumlah_pekerja(Settings(), 50051) == 3


def test_port_nol_dan_soket_proxy_satu_proses(monkeypatch):
    monkeypatch.setenv("EKINERJA_WORKERS", "4")
    assert jumlah_pekerja(Settings(), 0) == 1  # each would listen on another port
    assert jumlah_pekerja(Settings(proxy_soket=Path("/run/x.sock")), 50051) == 1
