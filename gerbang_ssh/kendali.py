"""The gateway's side of the line between it and one TUI child (tui/gerbang.py
the other side): a socketpair whose child end the TUI inherits, its number
in EKINERJA_GERBANG_FD. Never a command line (`ps` shows it to every user)
nor the environment (/proc/PID/environ, core dumps) for the ticket.

Lines of ASCII:
  child → gateway  "tiket"    a login ticket for its next Login, please
  gateway → child  "<tiket>"  (empty when none could be had: the Login goes without)
  child → gateway  "masuk"    its password was accepted: the login deadline is over
  child → gateway  "keluar"   back at the login screen: the deadline runs again
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Awaitable, Callable

import structlog

log = structlog.get_logger("ekinerja.ssh")

ENV_FD = "EKINERJA_GERBANG_FD"
_MAKS_BARIS = 64


class KendaliAnak:
    def __init__(self, minta_tiket: Callable[[], Awaitable[str]]) -> None:
        self._sisi_gerbang, self._sisi_anak = socket.socketpair()
        self._sisi_gerbang.setblocking(False)
        self._minta_tiket = minta_tiket
        self.masuk = asyncio.Event()
        self.keluar = asyncio.Event()
        self._tugas: asyncio.Task[None] | None = None

    @property
    def fd_anak(self) -> int:
        return self._sisi_anak.fileno()

    def mulai(self) -> None:
        """The child holds its end now: ours of it is closed, so the child's
        exit reads as end of file here."""
        self._sisi_anak.close()
        self._tugas = asyncio.create_task(self._layani())

    async def _layani(self) -> None:
        with contextlib.suppress(OSError):  # the child is gone
            await self._baca()

    async def _baca(self) -> None:
        loop = asyncio.get_running_loop()
        sisa = b""
        while data := await loop.sock_recv(self._sisi_gerbang, _MAKS_BARIS):
            sisa += data
            while b"\n" in sisa:
                baris, sisa = sisa.split(b"\n", 1)
                if baris == b"tiket":
                    # One at a time: the next request is read only after this answer.
                    tiket = await self._minta_tiket()
                    await loop.sock_sendall(self._sisi_gerbang, tiket.encode("ascii") + b"\n")
                elif baris == b"masuk":
                    self.keluar.clear()
                    self.masuk.set()
                elif baris == b"keluar":
                    self.masuk.clear()
                    self.keluar.set()
            if len(sisa) > _MAKS_BARIS:
                log.warning("ssh.kendali.rusak")
                return

    async def tutup(self) -> None:
        if self._tugas is not None:
            self._tugas.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await self._tugas
        self._sisi_anak.close()
        self._sisi_gerbang.close()


async def awasi_login(kendali: KendaliAnak, detik: float) -> None:
    """Returns only when the login screen was up `detik` seconds without a
    password accepted; a logout starts the count again."""
    while True:
        try:
            await asyncio.wait_for(kendali.masuk.wait(), detik)
        except TimeoutError:
            return
        await kendali.keluar.wait()
        kendali.keluar.clear()
