"""The TUI started by the SSH gateway (gerbang_ssh/): its line to the gateway
(gerbang_ssh/kendali.py has the protocol) and the one folder it may write to.
Absent when the TUI runs on a desk."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket

ENV_FD = "EKINERJA_GERBANG_FD"  # as gerbang_ssh/kendali.py; the TUI does not import the gateway
_TUNGGU = 15.0  # seconds for a ticket; without one the Login goes anyway


class SaluranGerbang:
    def __init__(self, fd: int) -> None:
        self._sock = socket.socket(fileno=fd)
        self._sock.setblocking(False)
        self._kunci = asyncio.Lock()  # one request and its answer at a time

    @classmethod
    def dari_lingkungan(cls) -> SaluranGerbang | None:
        fd = os.environ.pop(ENV_FD, "")  # not passed on to anything this process starts
        if not fd.isdigit():
            return None
        try:
            return cls(int(fd))
        except OSError:
            return None

    async def tiket(self) -> str:
        """A single-use ticket for the next Login, "" when the gateway had none."""
        loop = asyncio.get_running_loop()
        async with self._kunci:
            try:
                await loop.sock_sendall(self._sock, b"tiket\n")
                async with asyncio.timeout(_TUNGGU):
                    baris = b""
                    while not baris.endswith(b"\n"):
                        data = await loop.sock_recv(self._sock, 256)
                        if not data or len(baris) > 256:
                            return ""
                        baris += data
            except (OSError, TimeoutError):
                return ""
        return baris.strip().decode("ascii", errors="replace")

    def sudah_masuk(self) -> None:
        """The password was accepted: the gateway's login deadline is over."""
        self._kirim(b"masuk\n")

    def keluar(self) -> None:
        """Back at the login screen (logout, session ended): the deadline runs again."""
        self._kirim(b"keluar\n")

    def _kirim(self, baris: bytes) -> None:
        with contextlib.suppress(OSError):  # a few bytes on an empty socket: never blocks
            self._sock.send(baris)
