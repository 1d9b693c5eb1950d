"""The gateway asks profil as its own account (peran gerbang_ssh), and logs
in again when its token is no longer accepted."""

import asyncssh
import pytest

from gerbang_ssh.akun import GagalAkunLayanan, PencariAkun, ProfilTakTerjangkau
from tests import data
from tests.ssh.layar import AKUN_GERBANG, daftarkan

sqlite = pytest.mark.parametrize("backend", ["sqlite"])


def _teks(kunci: asyncssh.SSHKey) -> str:
    return kunci.export_public_key("openssh").decode()


@sqlite
async def test_kunci_dipetakan_ke_akunnya(address, settings):
    kunci = await daftarkan(settings, "helpdesk.bkpsdm")
    pencari = PencariAkun(address, AKUN_GERBANG, data.PASSWORD)
    try:
        akun = await pencari.cari(_teks(kunci))
        assert akun is not None
        assert (akun.login, akun.peran) == ("helpdesk.bkpsdm", ("helpdesk",))
        assert akun.sidik_jari == kunci.get_fingerprint()
        assert await pencari.cari(_teks(asyncssh.generate_private_key("ssh-ed25519"))) is None
    finally:
        await pencari.close()


@sqlite
async def test_nip_tidak_pernah_utuh_di_log(address, settings):
    kunci = await daftarkan(settings, data.SUTIKNO)
    pencari = PencariAkun(address, AKUN_GERBANG, data.PASSWORD)
    try:
        akun = await pencari.cari(_teks(kunci))
    finally:
        await pencari.close()
    assert akun is not None and akun.login == data.SUTIKNO
    assert data.SUTIKNO not in akun.untuk_log


@sqlite
async def test_token_ditolak_masuk_lagi_sendiri(address, settings):
    kunci = await daftarkan(settings, data.SUTIKNO)
    pencari = PencariAkun(address, AKUN_GERBANG, data.PASSWORD)
    try:
        await pencari.masuk()
        pencari._token = "token-kedaluwarsa"  # as a revoked or expired one: UNAUTHENTICATED
        akun = await pencari.cari(_teks(kunci))
        assert akun is not None and akun.login == data.SUTIKNO
    finally:
        await pencari.close()


@sqlite
@pytest.mark.parametrize(
    ("akun", "password", "pesan"),
    [
        ("helpdesk.bkpsdm", data.PASSWORD, "bukan akun gerbang SSH"),
        # A service account of another system is not the gateway's: it may not map keys to people.
        ("layanan.siasn", data.PASSWORD, "bukan akun gerbang SSH"),
        (AKUN_GERBANG, "password-salah", "ditolak"),
    ],
)
async def test_akun_layanan_salah_ditolak_saat_mulai(address, akun, password, pesan):
    pencari = PencariAkun(address, akun, password)
    try:
        with pytest.raises(GagalAkunLayanan, match=pesan):
            await pencari.masuk()
    finally:
        await pencari.close()


async def test_profil_tak_terjangkau():
    pencari = PencariAkun("127.0.0.1:1", AKUN_GERBANG, data.PASSWORD)
    try:
        with pytest.raises(ProfilTakTerjangkau):
            await pencari.cari("ssh-ed25519 AAAA")
    finally:
        await pencari.close()
