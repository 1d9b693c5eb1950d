"""A disabled or deleted account's tokens stop working in every service
within sesi_cek_detik — not at their expiry 8 hours later. The account is
changed from outside the serving process (`ekinerja akun`, SQL by hand), so
the server notices when its remembered session answer runs out
(services/profil/usecases/ingatan_sesi.py); here that window is 1 s."""

from __future__ import annotations

import asyncio
import shutil

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from sqlalchemy import delete, update

from services.profil.akun_admin import ubah_status_akun
from services.profil.store.models import AkunRow, KodeResetRow, KunciSshRow, SesiRow
from services.registry import MODULES
from services.shared.config import Settings
from services.shared.server import start
from tests import data
from tests.api.errors import gagal
from tests.api.test_logout_semua import ditolak_semua, semua_layanan

C = grpc.StatusCode
JENDELA = 1


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"sesi_cek_detik": JENDELA})


async def ditolak_dalam_jendela(client, md, nip=data.SUTIKNO) -> None:
    await asyncio.sleep(JENDELA + 0.2)
    await ditolak_semua(client, md, nip)


async def test_akun_dinonaktifkan_tokennya_ditolak_setiap_layanan(client, server):
    md = await client.login(nip=data.SUTIKNO)
    lain = await client.login(nip=data.ENDANG)
    await semua_layanan(client, md)
    assert await ubah_status_akun(server.context.databases["profil"], data.SUTIKNO, aktif=False) == 1
    await ditolak_dalam_jendela(client, md)
    await gagal(client.login(nip=data.SUTIKNO), C.UNAUTHENTICATED)
    await semua_layanan(client, lain, data.ENDANG)  # nobody else is touched
    # Enabled again: he logs in anew; the old token stays dead.
    await ubah_status_akun(server.context.databases["profil"], data.SUTIKNO, aktif=True)
    await semua_layanan(client, await client.login(nip=data.SUTIKNO))
    await ditolak_semua(client, md)


async def test_akun_dinonaktifkan_langsung_di_basis_data_juga_berakhir(client, server):
    """However the flag is cleared (a script, SQL by hand), profil and skp refuse the token."""
    md = await client.login(nip=data.SUTIKNO)
    await semua_layanan(client, md)
    async with server.context.databases["profil"].transaction() as s:
        await s.execute(update(AkunRow).where(AkunRow.nip == data.SUTIKNO).values(aktif=False))
    await ditolak_dalam_jendela(client, md)


async def test_akun_dihapus_tokennya_ditolak(client, server):
    md = await client.login(nip=data.WIDANANG)
    await semua_layanan(client, md, data.WIDANANG)
    async with server.context.databases["profil"].transaction() as s:
        akun_id = (await s.execute(AkunRow.__table__.select().where(AkunRow.nip == data.WIDANANG))).first().id
        for tabel in (SesiRow, KodeResetRow, KunciSshRow):
            await s.execute(delete(tabel).where(tabel.akun_id == akun_id))
        await s.execute(delete(AkunRow).where(AkunRow.id == akun_id))
    await ditolak_dalam_jendela(client, md, data.WIDANANG)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_akun_dinonaktifkan_ditolak_skp_di_proses_lain(settings, tmp_path):
    """skp in a process of its own asks profil's CekSesi (here on every call)."""
    profil = await start(settings, [MODULES["profil"]], port=0)
    skp_dir = tmp_path / "skp"
    (skp_dir / "keys").mkdir(parents=True)
    (skp_dir / "keys" / "token-ed25519.pub").write_bytes(settings.public_key_path.read_bytes())
    for f in settings.data_dir.glob("skp.db*"):
        shutil.copy(f, skp_dir / f.name)
    skp = await start(
        settings.model_copy(
            update={"data_dir": skp_dir, "sesi_cek_detik": 0, "profil_address": f"127.0.0.1:{profil.port}"}
        ),
        [MODULES["skp"]],
        port=0,
    )
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            login = await auth_pb2_grpc.AuthServiceStub(a).Login(
                auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)
            )
            md = (("authorization", f"Bearer {login.access_token}"),)
            stub = skp_pb2_grpc.SkpServiceStub(b)
            await stub.ListPerilakuKerja(skp_pb2.ListPerilakuKerjaRequest(), metadata=md)
            await ubah_status_akun(profil.context.databases["profil"], data.SUTIKNO, aktif=False)
            err = await gagal(
                stub.ListPerilakuKerja(skp_pb2.ListPerilakuKerjaRequest(), metadata=md), C.UNAUTHENTICATED
            )
            assert "Sesi Anda telah berakhir" in err.details()
    finally:
        await skp.stop(grace=1)
        await profil.stop(grace=1)


async def test_perintah_nonaktifkan_seketika_pada_server_di_folder_data_yang_sama(client, server, settings):
    """`ekinerja akun nonaktifkan` touches the stamp in the data directory: a
    server there refuses at once, however long it remembers sessions."""
    from cli.akun import _status

    server.context.services["profil.sesi"]._ttl = 3600
    md = await client.login(nip=data.SUTIKNO)
    await semua_layanan(client, md)
    assert await _status(server.context.databases["profil"], data.SUTIKNO, False, settings) == 0
    await ditolak_semua(client, md)
