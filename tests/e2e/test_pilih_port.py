"""`make run` with its port taken by another program picks a free one and
says so, instead of opening the TUI on whatever listens there."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pilih(port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pilih_port.py"), "127.0.0.1", str(port)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )


def test_port_yang_dipakai_program_lain_diganti_port_bebas_dan_diberitahukan() -> None:
    with socket.socket() as lain:
        lain.bind(("127.0.0.1", 0))
        lain.listen()
        dipakai = lain.getsockname()[1]
        hasil = pilih(dipakai)
        baru = int(hasil.stdout)
        assert baru != dipakai
        assert f"Port {dipakai}" in hasil.stderr and "EKINERJA_PORT" in hasil.stderr
        with socket.socket() as s:
            s.bind(("127.0.0.1", baru))  # really free


def test_port_bebas_dipakai_apa_adanya_tanpa_pesan() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        bebas = s.getsockname()[1]
    hasil = pilih(bebas)
    assert int(hasil.stdout) == bebas
    assert hasil.stderr == ""
