"""A TCP relay between the client and `ekinerja serve` that can swallow the
server's bytes: a write then commits while its answer never reaches the
client — the exact case a request_id exists for, made on purpose instead of
hoping a random SIGKILL lands between a commit and its answer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable


class Perantara:
    def __init__(self, port_tujuan: int) -> None:
        self.port_tujuan = port_tujuan
        self.telan = False  # True: the server's answers are dropped
        self.port = 0
        self._server: asyncio.Server | None = None
        self._sambungan: set[asyncio.StreamWriter] = set()
        self._tugas: set[asyncio.Task[None]] = set()

    async def mulai(self) -> None:
        self._server = await asyncio.start_server(self._layani, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def tutup(self) -> None:
        if self._server is not None:
            self._server.close()
        for w in list(self._sambungan):
            w.close()
        # Closed sockets end the copy loops; wait for them so that no task
        # outlives the test's event loop.
        if self._tugas:
            await asyncio.wait(self._tugas, timeout=10)

    async def _layani(self, r_klien: asyncio.StreamReader, w_klien: asyncio.StreamWriter) -> None:
        tugas = asyncio.current_task()
        assert tugas is not None
        self._tugas.add(tugas)
        tugas.add_done_callback(self._tugas.discard)
        try:
            r_server, w_server = await asyncio.open_connection("127.0.0.1", self.port_tujuan)
        except OSError:
            w_klien.close()  # server down: the client sees UNAVAILABLE and retries
            return
        self._sambungan |= {w_klien, w_server}
        try:
            await asyncio.gather(
                self._salin(r_klien, w_server, lambda: True), self._salin(r_server, w_klien, lambda: not self.telan)
            )
        finally:
            self._sambungan -= {w_klien, w_server}

    @staticmethod
    async def _salin(r: asyncio.StreamReader, w: asyncio.StreamWriter, teruskan: Callable[[], bool]) -> None:
        try:
            while data := await r.read(65536):
                if teruskan():
                    w.write(data)
                    await w.drain()
        except OSError:
            pass
        finally:
            # One side gone (e.g. the server killed): close the other, as a
            # dropped TCP connection would look to the client.
            with contextlib.suppress(OSError):
                w.close()
