"""Each SSH session's TUI is told it runs under the gateway and given a fresh
folder of its own (mode 700) to save files in, apart from the host key;
the folder goes with the session."""

import asyncio
import os
import pwd
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from gerbang_ssh.kunci_host import lokasi
from tests import data
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


def _terjangkau_semua(path: Path) -> bool:
    """Whether any user may run `path` (every folder above it searchable)."""
    path = path.resolve()
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


@pytest.mark.skipif(os.geteuid() != 0, reason="running a TUI as another user needs root (or CAP_SETUID)")
@pytest.mark.skipif(not _terjangkau_semua(Path(sys.executable)), reason="this Python is not reachable by other users")
async def test_tui_berjalan_sebagai_pengguna_lain(jalankan_gerbang, kunci_sutikno, settings):
    akar = Path(tempfile.mkdtemp(prefix="ekinerja-ssh-uji-"))  # /tmp: the TUI's user can reach below it
    akar.chmod(0o755)
    nobody = pwd.getpwnam("nobody")
    try:
        gerbang, port = await jalankan_gerbang(ssh_tui_pengguna="nobody", ssh_folder_berkas=akar / "ssh-berkas")
        async with sambung(port, kunci_sutikno) as conn:
            layar = await buka(conn)
            await layar.tunggu("Lupa Password")
            (pid,) = gerbang.pid_sesi()
            uid = Path(f"/proc/{pid}/status").read_text().split("\nUid:")[1].split()
            assert set(uid) == {str(nobody.pw_uid)}  # real, effective, saved, fs: all of them
            folder = _folder_sesi(pid)
            assert (folder.stat().st_uid, stat.S_IMODE(folder.stat().st_mode)) == (nobody.pw_uid, 0o700)
            kunci_host = lokasi(settings.data_dir)
            assert kunci_host.stat().st_uid != nobody.pw_uid and stat.S_IMODE(kunci_host.stat().st_mode) == 0o600
            layar.ketik(data.PASSWORD + "\r")
            await layar.tunggu("Hi, SUTIKNO")
    finally:
        shutil.rmtree(akar, ignore_errors=True)
