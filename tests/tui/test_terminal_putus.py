"""A TUI whose terminal disappears without a SIGHUP ends by itself (a tmux
session killed; before, it spun a core reading end-of-file forever).

The TUI runs in a pty of its own that is not its controlling terminal
(a new session): closing the pty's master sends it no signal at all, only
the hang-up on its input."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import termios
import time

from tests.e2e.test_cli_serve import EKINERJA


def _baca_sampai(fd: int, kata: bytes, batas: float) -> bytes:
    isi = b""
    akhir = time.monotonic() + batas
    while kata not in isi and time.monotonic() < akhir:
        if select.select([fd], [], [], 0.2)[0]:
            isi += os.read(fd, 65536)
    return isi


def test_terminal_hilang_tanpa_sighup_tui_berhenti_sendiri() -> None:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        # A server nobody serves: the login screen shows all the same.
        [EKINERJA, "tui", "--server", "127.0.0.1:9"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    try:
        assert b"Masuk" in _baca_sampai(master, b"Masuk", 30)
        os.close(master)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
