"""The session check of a split deployment fails closed: a caller's short
deadline never turns "profil did not answer" into "allowed", and a profil
that is down means UNAVAILABLE, not acceptance — unless an outage grace is
configured, and then only for a session profil confirmed recently."""

import contextlib

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from services.registry import MODULES
from services.shared.server import start
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

C = grpc.StatusCode


@contextlib.asynccontextmanager
async def terpisah(settings, **skp_setelan):
    """profil and skp in servers of their own; skp asks profil about sessions."""
    profil = await start(settings, [MODULES["profil"]], port=0)
    skp = await start(
        settings.model_copy(update={"profil_address": f"127.0.0.1:{profil.port}", **skp_setelan}),
        [MODULES["skp"]],
        port=0,
    )
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            yield profil, auth_pb2_grpc.AuthServiceStub(a), skp_pb2_grpc.SkpServiceStub(b)
    finally:
        await skp.stop(grace=1)
        await profil.stop(grace=1)


async def masuk(auth) -> tuple[tuple[str, str], ...]:
    login = await auth.Login(auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD))
    return (("authorization", f"Bearer {login.access_token}"),)


def list_skp(skp, md, timeout=10.0):
    return skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md, timeout=timeout)


async def test_tenggat_pendek_tidak_membuka_token_yang_sudah_logout(settings):
    async with terpisah(settings) as (_, auth, skp):
        diterima = []
        for i in range(16):
            md = await masuk(auth)
            await auth.Logout(auth_pb2.LogoutRequest(), metadata=md)
            # The attack: a call whose deadline passes while skp asks profil…
            with contextlib.suppress(grpc.aio.AioRpcError):
                await list_skp(skp, md, timeout=(0.001, 0.003, 0.01, 0.03)[i % 4])
                diterima.append(("pendek", i))
            # …and then an ordinary one with the same logged-out token.
            try:
                await list_skp(skp, md)
                diterima.append(("biasa", i))
            except grpc.aio.AioRpcError as e:
                assert e.code() == C.UNAUTHENTICATED, e
        assert diterima == []


async def test_profil_mati_berarti_unavailable_bukan_diterima(settings):
    async with terpisah(settings, sesi_cek_detik=0) as (profil, auth, skp):
        dikonfirmasi = await masuk(auth)
        baru = await masuk(auth)
        await list_skp(skp, dikonfirmasi)
        await profil.stop(grace=1)
        for md in (dikonfirmasi, baru, dikonfirmasi):
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await list_skp(skp, md)
            assert e.value.code() == C.UNAVAILABLE
            assert "profil tidak dapat dihubungi" in e.value.details()


async def test_masa_tenggang_hanya_untuk_sesi_yang_baru_dikonfirmasi(settings, capsys):
    async with terpisah(settings, sesi_cek_detik=0, sesi_grace_detik=600) as (profil, auth, skp):
        dikonfirmasi = await masuk(auth)
        baru = await masuk(auth)
        await list_skp(skp, dikonfirmasi)
        await profil.stop(grace=1)
        await list_skp(skp, dikonfirmasi)  # within the configured grace…
        await list_skp(skp, dikonfirmasi)
        assert capsys.readouterr().out.count("sesi.dipercaya_tanpa_cek") == 2  # …logged each time
        with pytest.raises(grpc.aio.AioRpcError) as e:
            await list_skp(skp, baru)  # never confirmed: nothing to lean on
        assert e.value.code() == C.UNAVAILABLE
