"""`ekinerja ssh` as a process: where it listens, its host key, and a clean stop."""

import asyncio
import os
import signal
import sys
from pathlib import Path

import asyncssh
import pytest

from gerbang_ssh.kunci_host import lokasi
from tests import data
from tests.e2e.test_cli_serve import free_port
from tests.ssh.layar import AKUN_GERBANG, buka, sambung

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **tambah: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EKINERJA_")}
    return {**env, "EKINERJA_DATA_DIR": str(tmp_path / "gerbang"), "EKINERJA_LOG_LEVEL": "WARNING", **tambah}


async def _jalankan(env: dict[str, str], *argv: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "cli",
        "ssh",
        *argv,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_ekinerja_ssh_mencetak_alamat_dan_sidik_jari_lalu_berhenti_rapi(address, kunci_sutikno, tmp_path):
    port = free_port()
    env = _env(tmp_path, EKINERJA_SSH_AKUN=AKUN_GERBANG, EKINERJA_SSH_PASSWORD=data.PASSWORD)
    proc = await _jalankan(env, "--server", address, "--port", str(port))
    try:
        assert proc.stdout is not None
        baris = [(await asyncio.wait_for(proc.stdout.readline(), 60)).decode() for _ in range(2)]
        assert f"mendengarkan di 127.0.0.1:{port}" in baris[0]
        sidik = baris[1].split(": ", 1)[1].strip()
        kunci_host = asyncssh.read_public_key(f"{lokasi(tmp_path / 'gerbang')}.pub")
        assert sidik == kunci_host.get_fingerprint()
        async with sambung(port, kunci_sutikno) as conn:
            assert conn.get_server_host_key().get_fingerprint() == sidik
            layar = await buka(conn)
            await layar.tunggu(data.SUTIKNO, "Password")
            proc.send_signal(signal.SIGTERM)
            # The operator's stop ends the session with a word to the user.
            await layar.tunggu_tutup()
        assert "dihentikan oleh admin" in layar.mentah.decode(errors="replace")
        _, stderr = await asyncio.wait_for(proc.communicate(), 60)
        assert proc.returncode == 0, stderr.decode()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_ekinerja_ssh_tanpa_akun_layanan_menolak_mulai(tmp_path):
    proc = await _jalankan(_env(tmp_path), "--port", str(free_port()))
    _, stderr = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 2
    assert "EKINERJA_SSH_AKUN" in stderr.decode()
