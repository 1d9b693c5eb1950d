"""A client's deadline holds across service-to-service calls: skp's call to
a slow profil is cut off when the caller's deadline passes, not after
skp's own 10 s."""

import asyncio
import time

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.type.date_pb2 import Date

from services.registry import MODULES
from services.shared.server import start
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


class ProfilLambat(profil_pb2_grpc.ProfilServiceServicer):
    def __init__(self) -> None:
        self.sisa: list[float | None] = []
        self.dibatalkan = asyncio.Event()

    async def GetPegawai(self, request, context):
        self.sisa.append(context.time_remaining())
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            self.dibatalkan.set()
            raise
        return profil_pb2.Pegawai()


class SesiAktif(auth_pb2_grpc.AuthServiceServicer):
    # The session check fails closed: the stand-in answers it as profil would.
    async def CekSesi(self, request, context):
        return auth_pb2.CekSesiResponse()


async def test_tenggat_klien_diteruskan_ke_layanan_lain(settings):
    profil = await start(settings, [MODULES["profil"]], port=0)  # for a real token
    lambat = ProfilLambat()
    palsu = grpc.aio.server()
    profil_pb2_grpc.add_ProfilServiceServicer_to_server(lambat, palsu)
    auth_pb2_grpc.add_AuthServiceServicer_to_server(SesiAktif(), palsu)
    port = palsu.add_insecure_port("127.0.0.1:0")
    await palsu.start()
    skp = await start(settings.model_copy(update={"profil_address": f"127.0.0.1:{port}"}), [MODULES["skp"]], port=0)
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            login = await auth_pb2_grpc.AuthServiceStub(a).Login(
                auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)
            )
            md = (("authorization", f"Bearer {login.access_token}"),)
            mulai = time.monotonic()
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await skp_pb2_grpc.SkpServiceStub(b).CreateSkp(
                    skp_pb2.CreateSkpRequest(
                        skp=skp_pb2.Skp(
                            periode_awal=Date(year=2023, month=1, day=1),
                            periode_akhir=Date(year=2023, month=12, day=31),
                            pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
                        )
                    ),
                    metadata=md,
                    timeout=0.8,
                )
            assert e.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
            assert time.monotonic() - mulai < 3
            await asyncio.wait_for(lambat.dibatalkan.wait(), 3)  # profil's work was cancelled too
            assert lambat.sisa and lambat.sisa[0] is not None and lambat.sisa[0] < 1.0
    finally:
        await skp.stop(grace=1)
        await palsu.stop(None)
        await profil.stop(grace=1)
