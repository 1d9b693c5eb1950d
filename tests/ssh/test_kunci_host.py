"""The host key is made once and kept: clients' known_hosts stay valid."""

import stat

import asyncssh
import pytest

from gerbang_ssh.kunci_host import KunciHostTerbuka, lokasi, muat_atau_buat
from tests.ssh.layar import sambung


async def _sidik_jari_server(port: int, kunci: asyncssh.SSHKey) -> str:
    async with sambung(port, kunci) as conn:
        return conn.get_server_host_key().get_fingerprint()


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_kunci_host_sama_pada_dua_kali_mulai(jalankan_gerbang, kunci_sutikno, settings):
    gerbang, port = await jalankan_gerbang()
    pertama = await _sidik_jari_server(port, kunci_sutikno)
    await gerbang.berhenti()
    _, port = await jalankan_gerbang()
    assert await _sidik_jari_server(port, kunci_sutikno) == pertama
    path = lokasi(settings.data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert asyncssh.read_public_key(f"{path}.pub").get_fingerprint() == pertama


def test_kunci_host_yang_dapat_dibaca_orang_lain_ditolak(tmp_path):
    path = lokasi(tmp_path)
    muat_atau_buat(path)
    path.chmod(0o644)
    with pytest.raises(KunciHostTerbuka, match="chmod 600"):
        muat_atau_buat(path)
