"""One session's TUI: a child process on a PTY of its own.

A process per session, not a Textual app per session inside the gateway: a
crash, a hang or a leak in one TUI ends that session only, the kernel cleans
up after it, and the TUI runs exactly as `ekinerja tui` does on a desk.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import os
import pty
import signal
import struct
import sys
import termios
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import structlog

log = structlog.get_logger("ekinerja.ssh")

# The child must own the PTY as its controlling terminal, or the kernel sends
# it no SIGWINCH when the window is resized (and no SIGHUP on hang-up).
# subprocess can make it a session leader (start_new_session) but not take the
# terminal; preexec_fn could, but runs Python between fork and exec in a
# process with gRPC threads. So a short launcher does it, sets the TUI's
# resource limits (address space, CPU seconds: a TUI driven wild stops, the
# gateway and other sessions do not), then becomes the TUI by exec (same pid,
# so `ps` shows `python -m cli tui …`).
_KENDALI = (
    "import fcntl, os, resource, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "m, c = int(sys.argv[1]), int(sys.argv[2]); resource.setrlimit(resource.RLIMIT_AS, (m, m)); "
    "resource.setrlimit(resource.RLIMIT_CPU, (c, c + 5)); os.execv(sys.argv[3], sys.argv[3:])"
)
_BACA = 65536
_MAKS_ANTRE = 1 << 20
_TUNGGU_HUP = 3.0  # seconds for each of SIGHUP, SIGTERM before SIGKILL
_TUNGGU_SISA = 2.0  # after the child exits, for its last output
# The largest window a TUI is given: Textual keeps buffers per cell, and a
# 10000x10000 request took one TUI to 2.7 GiB. Real terminals are far smaller.
MAKS_KOLOM, MAKS_BARIS = 500, 200


@dataclass(frozen=True)
class BatasAnak:
    memori_byte: int
    cpu_detik: int


def perintah_tui(server: str, akun: str, folder_sesi: Path, batas: BatasAnak) -> list[str]:
    return [
        sys.executable,
        "-c",
        _KENDALI,
        str(batas.memori_byte),
        str(batas.cpu_detik),
        sys.executable,
        "-m",
        "cli",
        "tui",
        "--server",
        server,
        "--akun",
        akun,
        "--folder-sesi",
        str(folder_sesi),
    ]


def lingkungan(term: str) -> dict[str, str]:
    """The gateway's environment (so the child finds the same modules), minus
    its secrets and anything that would override the PTY's size."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("EKINERJA_SSH_") and k not in ("COLUMNS", "LINES", "SSH_AUTH_SOCK")
    }
    env.pop("EKINERJA_DATABASE_URL", None)  # the TUI talks gRPC only; no database password for it
    env["TERM"] = term or "xterm-256color"
    env["PYTHONUTF8"] = "1"  # box drawing whatever the gateway's locale
    return env


def _winsize(kolom: int, baris: int, px_lebar: int = 0, px_tinggi: int = 0) -> bytes:
    # SSH clients send 0x0 when they do not know; a TUI needs something.
    kolom, baris = min(kolom or 80, MAKS_KOLOM), min(baris or 24, MAKS_BARIS)
    if not (0 <= px_lebar < 1 << 16 and 0 <= px_tinggi < 1 << 16):
        px_lebar = px_tinggi = 0  # not a real screen: unknown
    return struct.pack("HHHH", baris, kolom, px_lebar, px_tinggi)


class _Sebagai(TypedDict, total=False):
    """create_subprocess_exec's arguments that run the child as another user."""

    user: int
    group: int
    extra_groups: list[int]


class AnakTui:
    """Output goes to `keluaran` as it comes; input through `tulis`."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str],
        keluaran: Callable[[bytes], None],
        pass_fds: tuple[int, ...] = (),
        pengguna: tuple[int, int] | None = None,
    ) -> None:
        self._argv = argv
        self._pass_fds = pass_fds
        self._pengguna = pengguna  # (uid, gid) to run as, or the gateway's own
        self._env = env
        self._keluaran = keluaran
        self._master = -1
        self._proc: asyncio.subprocess.Process | None = None
        self._antre = bytearray()  # input the PTY did not take yet
        self._eof = asyncio.Event()
        self._membaca = False
        self.masukan_diterima = 0  # bytes of input taken (for operators and tests)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    async def mulai(self, kolom: int, baris: int, px_lebar: int = 0, px_tinggi: int = 0) -> None:
        master, slave = pty.openpty()
        try:
            fcntl.ioctl(slave, termios.TIOCSWINSZ, _winsize(kolom, baris, px_lebar, px_tinggi))
            self._proc = await asyncio.create_subprocess_exec(
                *self._argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=self._env,
                start_new_session=True,
                pass_fds=self._pass_fds,
                **self._sebagai(),
            )
        except BaseException:
            os.close(master)
            raise
        finally:
            # Only the child keeps the slave open: its exit then reads as EOF (EIO) here.
            os.close(slave)
        self._master = master
        os.set_blocking(master, False)
        self.lanjut_baca()
        if self._antre:
            self._tulis_antre()

    def _sebagai(self) -> _Sebagai:
        if self._pengguna is None:
            return {}
        uid, gid = self._pengguna
        return {"user": uid, "group": gid, "extra_groups": []}

    # --- output: PTY -> SSH ---------------------------------------------------
    def jeda_baca(self) -> None:
        """The SSH channel's window is full: stop reading, so the child blocks
        on its writes instead of the gateway buffering without limit."""
        if self._membaca:
            asyncio.get_running_loop().remove_reader(self._master)
            self._membaca = False

    def lanjut_baca(self) -> None:
        if not self._membaca and self._master >= 0 and not self._eof.is_set():
            asyncio.get_running_loop().add_reader(self._master, self._baca)
            self._membaca = True

    def _baca(self) -> None:
        try:
            data = os.read(self._master, _BACA)
        except BlockingIOError:
            return
        except OSError as e:  # EIO: no process has the slave open any more
            if e.errno != errno.EIO:
                log.warning("ssh.pty.gagal_baca", galat=str(e))
            data = b""
        if not data:
            self.jeda_baca()
            self._eof.set()
            return
        self._keluaran(data)

    # --- input: SSH -> PTY ----------------------------------------------------
    def tulis(self, data: bytes) -> None:
        """Kept until the PTY takes it (also before the child started). A
        person types or pastes far less than _MAKS_ANTRE while the TUI is
        alive; beyond it a flood is dropped rather than held in memory."""
        if self._eof.is_set():
            return
        if len(self._antre) + len(data) > _MAKS_ANTRE:
            log.warning("ssh.pty.masukan_dibuang", byte=len(data))
            return
        self._antre += data
        self.masukan_diterima += len(data)
        if self._master >= 0:
            self._tulis_antre()

    def _tulis_antre(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            n = os.write(self._master, self._antre)
        except BlockingIOError:
            n = 0
        except OSError:
            self._antre.clear()  # the child is gone; its exit is reported by tunggu()
            n = 0
        del self._antre[:n]
        if self._antre:
            loop.add_writer(self._master, self._tulis_antre)
        else:
            loop.remove_writer(self._master)

    def ubah_ukuran(self, kolom: int, baris: int, px_lebar: int = 0, px_tinggi: int = 0) -> None:
        """TIOCSWINSZ on the PTY: the kernel sends the child SIGWINCH."""
        if self._master >= 0:
            fcntl.ioctl(self._master, termios.TIOCSWINSZ, _winsize(kolom, baris, px_lebar, px_tinggi))

    def ukuran(self) -> tuple[int, int]:
        """(columns, rows) of the PTY as the child sees it."""
        baris, kolom, _, _ = struct.unpack("HHHH", fcntl.ioctl(self._master, termios.TIOCGWINSZ, bytes(8)))
        return kolom, baris

    # --- end ------------------------------------------------------------------
    async def tunggu(self) -> int:
        """The child's exit status (128+N when killed by signal N), once its
        output has been read; then the PTY is closed."""
        assert self._proc is not None
        status = await self._proc.wait()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._eof.wait(), _TUNGGU_SISA)
        self._tutup()
        return status if status >= 0 else 128 - status

    async def hentikan(self) -> None:
        """The client went away: hang up as a terminal would (SIGHUP), then
        SIGTERM, then SIGKILL, and reap the child."""
        proc = self._proc
        if proc is None:
            return
        for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGKILL):
            if proc.returncode is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)  # its session and group: anything it started goes too
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(proc.wait(), _TUNGGU_HUP)
        await proc.wait()
        self._tutup()

    def _tutup(self) -> None:
        if self._master < 0:
            return
        self.jeda_baca()
        loop = asyncio.get_running_loop()
        loop.remove_writer(self._master)
        os.close(self._master)
        self._master = -1
        self._eof.set()
