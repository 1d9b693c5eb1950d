"""The SSH gateway against a real in-process server: the gateway account of
the test organisation (gerbang.ssh, peran gerbang_ssh) asks profil whose key a client holds, and
every session's TUI is a real child process on a real PTY."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncssh
import pytest
from pydantic import SecretStr

from gerbang_ssh.akun import PencariAkun
from gerbang_ssh.kunci_host import lokasi, muat_atau_buat
from gerbang_ssh.server import Gerbang
from services.shared.config import Settings
from tests import data
from tests.ssh.layar import AKUN_GERBANG, daftarkan


@pytest.fixture
async def kunci_sutikno(settings: Settings) -> asyncssh.SSHKey:
    return await daftarkan(settings, data.SUTIKNO)


JalankanGerbang = Callable[..., Awaitable[tuple[Gerbang, int]]]


@pytest.fixture
async def jalankan_gerbang(settings: Settings, address: str) -> AsyncIterator[JalankanGerbang]:
    """Starts gateways (settings overridable: ssh_idle_detik=…); every one is
    stopped, its TUIs reaped, at the end of the test."""
    berjalan: list[tuple[Gerbang, PencariAkun]] = []

    async def jalankan(**ubah: Any) -> tuple[Gerbang, int]:
        st = settings.model_copy(
            update={"ssh_port": 0, "ssh_akun": AKUN_GERBANG, "ssh_password": SecretStr(data.PASSWORD), **ubah}
        )
        pencari = PencariAkun(address, AKUN_GERBANG, data.PASSWORD)
        gerbang = Gerbang(st, address, pencari, muat_atau_buat(lokasi(st.data_dir)))
        berjalan.append((gerbang, pencari))
        return gerbang, await gerbang.mulai()

    yield jalankan
    for gerbang, pencari in berjalan:
        await gerbang.berhenti()
        await pencari.close()
        assert gerbang.jumlah_sesi == 0
