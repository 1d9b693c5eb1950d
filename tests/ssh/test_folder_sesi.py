"""Each SSH session's TUI is told it runs under the gateway and given a fresh
folder of its own (mode 700) to save files in, apart from the host key;
the folder goes with the session."""

import asyncio
import stat
from pathlib import Path

import pytest

from gerbang_ssh.kunci_host import lokasi
from tests.ssh.layar import buka, sambung

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _folder_sesi(pid: int) -> Path:
    argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    return Path(argv[argv.index(b"--folder-sesi") + 1].decode())


async def test_folder_sesi_baru_per_sesi_terpisah_dari_kunci_host(jalankan_gerbang, kunci_sutikno, settings):
    gerbang, port = await jalankan_gerbang()
    async with sambung(port, kunci_sutikno) as conn1, sambung(port, kunci_sutikno) as conn2:
        for layar in (await buka(conn1), await buka(conn2)):
            await layar.tunggu("Lupa Password")
        folder = [_folder_sesi(pid) for pid in gerbang.pid_sesi()]
        assert folder[0] != folder[1]
        for f in folder:
            assert stat.S_IMODE(f.stat().st_mode) == 0o700 and not list(f.iterdir())
            assert f.parent == settings.data_dir / "ssh-berkas"
            assert not lokasi(settings.data_dir).is_relative_to(f.parent)
    loop = asyncio.get_running_loop()
    akhir = loop.time() + 60
    while gerbang.jumlah_sesi or any(f.exists() for f in folder):
        assert loop.time() < akhir
        await asyncio.sleep(0.1)
