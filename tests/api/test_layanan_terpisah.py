"""Services in separate processes' shape: profil signs, skp verifies with the
public key alone and reaches profil at EKINERJA_PROFIL_ADDRESS."""

import shutil

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.type.date_pb2 import Date

from services.registry import MODULES
from services.shared.server import start
from services.shared.tokens import ensure_keypair
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_layanan_menolak_skema_yang_belum_dimigrasi(settings, tmp_path):
    from services.shared.migrations import SkemaUsang

    kosong = settings.model_copy(update={"data_dir": tmp_path / "kosong"})
    ensure_keypair(kosong.private_key_path, kosong.public_key_path)
    with pytest.raises(SkemaUsang, match="ekinerja migrate"):
        await start(kosong, [MODULES["skp"]], port=0)


async def test_token_profil_diterima_layanan_lain(settings, tmp_path):
    profil = await start(settings, [MODULES["profil"]], port=0)
    # skp gets only the public key, in a data directory of its own.
    skp_dir = tmp_path / "skp"
    (skp_dir / "keys").mkdir(parents=True)
    (skp_dir / "keys" / "token-ed25519.pub").write_bytes(settings.public_key_path.read_bytes())
    for f in settings.data_dir.glob("skp.db*"):  # skp's own store, already migrated
        shutil.copy(f, skp_dir / f.name)
    skp_settings = settings.model_copy(update={"data_dir": skp_dir, "profil_address": f"127.0.0.1:{profil.port}"})
    skp = await start(skp_settings, [MODULES["skp"]], port=0)
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            login = await auth_pb2_grpc.AuthServiceStub(a).Login(
                auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)
            )
            md = (("authorization", f"Bearer {login.access_token}"),)
            r = await skp_pb2_grpc.SkpServiceStub(b).ListPerilakuKerja(skp_pb2.ListPerilakuKerjaRequest(), metadata=md)
            assert len(r.perilaku) == 7
            # Tambah SKP snapshots both columns through profil's API, in the other server.
            skp_baru = await skp_pb2_grpc.SkpServiceStub(b).CreateSkp(
                skp_pb2.CreateSkpRequest(
                    skp=skp_pb2.Skp(
                        periode_awal=Date(year=2023, month=1, day=1),
                        periode_akhir=Date(year=2023, month=12, day=31),
                        pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
                    )
                ),
                metadata=md,
            )
            assert (skp_baru.pegawai.nama, skp_baru.penilai.nip) == ("SUTIKNO", data.ENDANG)
            assert not (skp_dir / "keys" / "token-ed25519.pem").exists()
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await auth_pb2_grpc.AuthServiceStub(b).Login(auth_pb2.LoginRequest(nip=data.SUTIKNO, password="x"))
            assert e.value.code() == grpc.StatusCode.UNIMPLEMENTED
    finally:
        await skp.stop(grace=1)
        await profil.stop(grace=1)


async def test_profil_tidak_terjangkau_menjadi_unavailable(settings, tmp_path):
    profil = await start(settings, [MODULES["profil"]], port=0)
    skp_settings = settings.model_copy(update={"profil_address": "127.0.0.1:1"})  # nothing listens there
    skp = await start(skp_settings, [MODULES["skp"]], port=0)
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            login = await auth_pb2_grpc.AuthServiceStub(a).Login(
                auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD)
            )
            md = (("authorization", f"Bearer {login.access_token}"),)
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
                )
            assert e.value.code() == grpc.StatusCode.UNAVAILABLE
            assert "profil tidak dapat dihubungi" in e.value.details()
    finally:
        await skp.stop(grace=1)
        await profil.stop(grace=1)


async def test_penilaian_terpisah_membaca_skp_dan_profil_lewat_alamatnya(settings):
    from ekinerja.penilaian.v1 import penilaian_pb2, penilaian_pb2_grpc

    from tests.api.penilaian.bantu import skp_disetujui
    from tests.conftest import Client

    inti = await start(settings, [MODULES["profil"], MODULES["skp"]], port=0)
    alamat = f"127.0.0.1:{inti.port}"
    nilai = await start(
        settings.model_copy(update={"profil_address": alamat, "skp_address": alamat}), [MODULES["penilaian"]], port=0
    )
    try:
        async with grpc.aio.insecure_channel(alamat) as a, grpc.aio.insecure_channel(f"127.0.0.1:{nilai.port}") as b:
            skp = await skp_disetujui(Client(a))
            md = await Client(a).login(nip=data.SUTIKNO)
            resp = await penilaian_pb2_grpc.PenilaianServiceStub(b).ListPeriodePenilaian(
                penilaian_pb2.ListPeriodePenilaianRequest(skp=skp.name), metadata=md
            )
            assert len(resp.periode) == 5
    finally:
        await nilai.stop(grace=1)
        await inti.stop(grace=1)


async def test_logout_sampai_ke_layanan_terpisah(settings, tmp_path):
    """skp in a process of its own asks profil (CekSesi) whether a session
    still stands, and remembers the answer sesi_cek_detik seconds."""
    profil = await start(settings, [MODULES["profil"]], port=0)
    skp_dir = tmp_path / "skp"
    (skp_dir / "keys").mkdir(parents=True)
    (skp_dir / "keys" / "token-ed25519.pub").write_bytes(settings.public_key_path.read_bytes())
    for f in settings.data_dir.glob("skp.db*"):
        shutil.copy(f, skp_dir / f.name)
    skp = await start(
        settings.model_copy(
            update={"data_dir": skp_dir, "profil_address": f"127.0.0.1:{profil.port}", "sesi_cek_detik": 0}
        ),
        [MODULES["skp"]],
        port=0,
    )
    try:
        async with (
            grpc.aio.insecure_channel(f"127.0.0.1:{profil.port}") as a,
            grpc.aio.insecure_channel(f"127.0.0.1:{skp.port}") as b,
        ):
            auth = auth_pb2_grpc.AuthServiceStub(a)
            login = await auth.Login(auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD))
            md = (("authorization", f"Bearer {login.access_token}"),)
            daftar = skp_pb2.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}")
            await skp_pb2_grpc.SkpServiceStub(b).ListSkp(daftar, metadata=md)
            await auth.LogoutSemua(auth_pb2.LogoutSemuaRequest(), metadata=md)
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await skp_pb2_grpc.SkpServiceStub(b).ListSkp(daftar, metadata=md)
            assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED and "berakhir" in e.value.details()
    finally:
        await skp.stop(grace=1)
        await profil.stop(grace=1)
