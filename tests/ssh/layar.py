"""An SSH client with a terminal emulator (pyte): the tests read the TUI's
screen as a person at an 80x24 terminal would see it."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncssh
import pyte

from services.profil.akun_admin import tambah_kunci_ssh
from services.shared.config import Settings
from services.shared.db import Database

AKUN_GERBANG = "gerbang.ssh"  # the test organisation's SSH gateway account (peran gerbang_ssh, tests/data.py)
BATAS = 90.0  # seconds: generous, a slow 2-core machine starts Python and Textual slowly


class Layar(asyncssh.SSHClientSession[bytes]):
    def __init__(self, kolom: int = 80, baris: int = 24) -> None:
        self.screen = pyte.Screen(kolom, baris)
        self._stream = pyte.ByteStream(self.screen)
        self.chan: asyncssh.SSHClientChannel[bytes] | None = None
        self.status: int | None = None
        self.tertutup = asyncio.Event()
        self.mentah = bytearray()  # everything received, for messages written after the TUI left

    def connection_made(self, chan: asyncssh.SSHClientChannel[bytes]) -> None:  # type: ignore[override]
        self.chan = chan

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self.mentah += data
        self._stream.feed(data)

    def exit_status_received(self, status: int) -> None:
        self.status = status

    def connection_lost(self, exc: Exception | None) -> None:
        self.tertutup.set()

    def teks(self) -> str:
        return "\n".join(self.screen.display)

    async def tunggu(self, *teks: str, batas: float = BATAS) -> str:
        """Until every `teks` is on the screen; fails showing the screen."""
        loop = asyncio.get_running_loop()
        akhir = loop.time() + batas
        while not all(t in self.teks() for t in teks):
            if loop.time() > akhir:
                raise AssertionError(f"tidak tampil {teks!r} dalam {batas} detik; layar:\n{self.teks()}")
            await asyncio.sleep(0.2)
        return self.teks()

    async def tunggu_tutup(self, batas: float = BATAS) -> None:
        await asyncio.wait_for(self.tertutup.wait(), batas)

    def ketik(self, data: str) -> None:
        assert self.chan is not None
        self.chan.write(data.encode())

    def ubah_ukuran(self, kolom: int, baris: int) -> None:
        assert self.chan is not None
        self.screen.resize(baris, kolom)
        self.chan.change_terminal_size(kolom, baris)


async def buka(conn: asyncssh.SSHClientConnection, kolom: int = 80, baris: int = 24) -> Layar:
    """A session with a PTY of kolom x baris, as `ssh -t` asks for one."""
    _, layar = await conn.create_session(
        lambda: Layar(kolom, baris), term_type="xterm-256color", term_size=(kolom, baris), encoding=None
    )
    return layar


def sambung(port: int, kunci: asyncssh.SSHKey, **opsi: Any) -> Any:
    """`ssh -p PORT -i KUNCI 127.0.0.1` (async with …), trusting any host key:
    the tests compare fingerprints themselves."""
    return asyncssh.connect(
        "127.0.0.1",
        port,
        client_keys=[kunci],
        known_hosts=None,
        username="siapa.saja",
        agent_path=None,
        config=None,
        **opsi,
    )


async def daftarkan(settings: Settings, login: str) -> asyncssh.SSHKey:
    """A fresh key, registered for `login` as `ekinerja akun kunci-ssh tambah` does."""
    kunci = asyncssh.generate_private_key("ssh-ed25519", comment=f"uji-{login}")
    db = Database.for_service(settings, "profil")
    try:
        await tambah_kunci_ssh(db, login, kunci.export_public_key("openssh").decode())
    finally:
        await db.dispose()
    return kunci
