"""The TUI as a user meets it: seconds from `ekinerja tui` starting to the
login screen, and the resident memory of that process after logging in.
It runs under a pseudo-terminal (as over SSH); screens are recognised in
its output with the escape sequences removed."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07")


def _tunggu(fd: int, teks: bytes, batas: float, keluaran: bytearray) -> bool:
    """Reads the terminal until `teks` shows or `batas` (perf_counter) passes."""
    while time.perf_counter() < batas:
        siap, _, _ = select.select([fd], [], [], 0.05)
        if siap:
            try:
                keluaran += os.read(fd, 65536)
            except OSError:
                return False
            if teks in ANSI.sub(b"", bytes(keluaran)).replace(b" ", b""):
                return True
    return False


def _rss_mib(pid: int) -> float:
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def ukur(alamat: str, nip: str, nama: str, password: str, batas_detik: float = 60) -> dict[str, float]:
    """{"mulai_s": to the login screen, "masuk_s": login to the main screen, "rss_mib": after login}."""
    exe = str(Path(sys.executable).parent / "ekinerja")
    induk, anak = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [exe, "tui", "--server", alamat], stdin=anak, stdout=anak, stderr=anak, env=env, start_new_session=True
    )
    os.close(anak)
    keluaran = bytearray()
    hasil = {"mulai_s": float("nan"), "masuk_s": float("nan"), "rss_mib": float("nan")}
    try:
        if not _tunggu(induk, b"NIP/Username", t0 + batas_detik, keluaran):
            return hasil
        hasil["mulai_s"] = time.perf_counter() - t0
        time.sleep(0.3)  # focus lands on the NIP field once the screen is mounted
        os.write(induk, nip.encode() + b"\r")
        time.sleep(0.2)
        os.write(induk, password.encode() + b"\r")
        t1 = time.perf_counter()
        if _tunggu(induk, nama.replace(" ", "").encode(), t1 + batas_detik, keluaran):
            hasil["masuk_s"] = time.perf_counter() - t1
            time.sleep(1.0)  # let the first screen finish loading its data
            hasil["rss_mib"] = _rss_mib(proc.pid)
        return hasil
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        os.close(induk)
