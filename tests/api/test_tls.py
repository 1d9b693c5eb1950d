"""TLS and mutual TLS, configured by EKINERJA_TLS_*: with a client
certificate required, a client without one (or with one from another CA, or
in plaintext) is refused, and the services still reach each other."""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from services.registry import MODULES
from services.shared.saluran import TlsSalah
from services.shared.server import start
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def _kunci() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _simpan(folder: Path, nama: str, cert: x509.Certificate, kunci: ec.EllipticCurvePrivateKey) -> tuple[Path, Path]:
    c, k = folder / f"{nama}.crt", folder / f"{nama}.key"
    c.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    k.write_bytes(
        kunci.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return c, k


def _ca(folder: Path, nama: str):  # type: ignore[no-untyped-def]
    kunci = _kunci()
    subjek = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, nama)])
    sekarang = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subjek)
        .issuer_name(subjek)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(minutes=1))
        .not_valid_after(sekarang + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(kunci, hashes.SHA256())
    )
    _simpan(folder, nama, cert, kunci)
    return cert, kunci


def _terbitkan(folder: Path, nama: str, ca, server: bool) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    ca_cert, ca_kunci = ca
    kunci = _kunci()
    sekarang = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, nama)]))
        .issuer_name(ca_cert.subject)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(minutes=1))
        .not_valid_after(sekarang + dt.timedelta(days=1))
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
    )
    if server:
        b = b.add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    return _simpan(folder, nama, b.sign(ca_kunci, hashes.SHA256()), kunci)


async def _masuk(address: str, kredensial: grpc.ChannelCredentials | None) -> None:
    """Login, then an skp call that makes skp call profil: both legs over TLS."""
    channel = grpc.aio.secure_channel(address, kredensial) if kredensial else grpc.aio.insecure_channel(address)
    async with channel:
        login = await auth_pb2_grpc.AuthServiceStub(channel).Login(
            auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD), timeout=10
        )
        md = (("authorization", f"Bearer {login.access_token}"),)
        baru = await skp_pb2_grpc.SkpServiceStub(channel).CreateSkp(
            skp_pb2.CreateSkpRequest(
                skp=skp_pb2.Skp(
                    periode_awal={"year": 2023, "month": 1, "day": 1},
                    periode_akhir={"year": 2023, "month": 12, "day": 31},
                    pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
                )
            ),
            metadata=md,
            timeout=10,
        )
        assert baru.penilai.nip == data.ENDANG  # skp read the atasan from profil


async def _ditolak(address: str, kredensial: grpc.ChannelCredentials | None) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as e:
        await _masuk(address, kredensial)
    assert e.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_mtls_menolak_klien_tanpa_sertifikat(settings, tmp_path):
    ca = _ca(tmp_path, "ca-ekinerja")
    lain = _ca(tmp_path, "ca-lain")
    server_crt, server_key = _terbitkan(tmp_path, "server", ca, server=True)
    layanan_crt, layanan_key = _terbitkan(tmp_path, "layanan", ca, server=False)
    tamu_crt, tamu_key = _terbitkan(tmp_path, "tamu", lain, server=False)
    ca_pem = (tmp_path / "ca-ekinerja.crt").read_bytes()
    tls = settings.model_copy(
        update={
            "tls_cert_file": server_crt,
            "tls_key_file": server_key,
            "tls_ca_file": tmp_path / "ca-ekinerja.crt",
            "tls_klien_cert_file": layanan_crt,
            "tls_klien_key_file": layanan_key,
            "tls_klien_wajib": True,
        }
    )
    running = await start(tls, list(MODULES.values()), port=0)
    try:
        address = f"127.0.0.1:{running.port}"
        await _masuk(address, grpc.ssl_channel_credentials(ca_pem, layanan_key.read_bytes(), layanan_crt.read_bytes()))
        await _ditolak(address, grpc.ssl_channel_credentials(ca_pem))  # TLS, but no certificate
        await _ditolak(address, grpc.ssl_channel_credentials(ca_pem, tamu_key.read_bytes(), tamu_crt.read_bytes()))
        await _ditolak(address, None)  # plaintext
    finally:
        await running.stop(grace=1)


async def test_tls_tanpa_sertifikat_klien_dan_setelan_salah(settings, tmp_path):
    ca = _ca(tmp_path, "ca-ekinerja")
    server_crt, server_key = _terbitkan(tmp_path, "server", ca, server=True)
    ca_file = tmp_path / "ca-ekinerja.crt"
    tls = settings.model_copy(update={"tls_cert_file": server_crt, "tls_key_file": server_key, "tls_ca_file": ca_file})
    running = await start(tls, list(MODULES.values()), port=0)
    try:
        await _masuk(f"127.0.0.1:{running.port}", grpc.ssl_channel_credentials(ca_file.read_bytes()))
        await _ditolak(f"127.0.0.1:{running.port}", None)
    finally:
        await running.stop(grace=1)
    for salah in (
        {"tls_cert_file": server_crt},  # a certificate without its key
        {"tls_klien_wajib": True},  # mutual TLS without a server certificate
        {"tls_cert_file": server_crt, "tls_key_file": tmp_path / "tidak-ada.key"},
    ):
        with pytest.raises(TlsSalah):
            await start(settings.model_copy(update=salah), list(MODULES.values()), port=0)


async def test_akun_layanan_dengan_sertifikat_klien_dari_alamat_mana_pun(settings, tmp_path):
    """No allowed address at all: a service account still logs in over mutual
    TLS (the certificate vouches for it), and never without it."""
    ca = _ca(tmp_path, "ca-ekinerja")
    server_crt, server_key = _terbitkan(tmp_path, "server", ca, server=True)
    klien_crt, klien_key = _terbitkan(tmp_path, "gerbang", ca, server=False)
    ca_file = tmp_path / "ca-ekinerja.crt"
    login = auth_pb2.LoginRequest(username="layanan.siasn", password=data.PASSWORD)
    tls = settings.model_copy(
        update={
            "tls_cert_file": server_crt,
            "tls_key_file": server_key,
            "tls_ca_file": ca_file,
            "tls_klien_cert_file": klien_crt,
            "tls_klien_key_file": klien_key,
            "tls_klien_wajib": True,
            "layanan_alamat": [],
        }
    )
    running = await start(tls, list(MODULES.values()), port=0)
    try:
        kredensial = grpc.ssl_channel_credentials(ca_file.read_bytes(), klien_key.read_bytes(), klien_crt.read_bytes())
        async with grpc.aio.secure_channel(f"127.0.0.1:{running.port}", kredensial) as ch:
            resp = await auth_pb2_grpc.AuthServiceStub(ch).Login(login, timeout=10)
            assert auth_pb2.PERAN_LAYANAN in resp.akun.peran
    finally:
        await running.stop(grace=1)
    running = await start(settings.model_copy(update={"layanan_alamat": []}), list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await auth_pb2_grpc.AuthServiceStub(ch).Login(login, timeout=10)
            assert e.value.code() == grpc.StatusCode.UNAUTHENTICATED
    finally:
        await running.stop(grace=1)


async def test_port_sehat_polos_hanya_menjawab_health(settings, tmp_path):
    """Kubernetes' gRPC probes cannot speak TLS: with mutual TLS on the service
    port, a plaintext port answers grpc.health and nothing else."""
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    ca = _ca(tmp_path, "ca-ekinerja")
    server_crt, server_key = _terbitkan(tmp_path, "server", ca, server=True)
    layanan_crt, layanan_key = _terbitkan(tmp_path, "layanan", ca, server=False)
    tls = settings.model_copy(
        update={
            "tls_cert_file": server_crt,
            "tls_key_file": server_key,
            "tls_ca_file": tmp_path / "ca-ekinerja.crt",
            "tls_klien_cert_file": layanan_crt,
            "tls_klien_key_file": layanan_key,
            "tls_klien_wajib": True,
            "port_sehat": 0,
        }
    )
    running = await start(tls, list(MODULES.values()), port=0)
    try:
        assert running.port_sehat and running.port_sehat != running.port
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port_sehat}") as ch:
            sehat = await health_pb2_grpc.HealthStub(ch).Check(
                health_pb2.HealthCheckRequest(service="ekinerja.skp.v1.SkpService"), timeout=10
            )
            assert sehat.status == health_pb2.HealthCheckResponse.SERVING
            with pytest.raises(grpc.aio.AioRpcError) as e:
                await auth_pb2_grpc.AuthServiceStub(ch).Login(
                    auth_pb2.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD), timeout=10
                )
            assert e.value.code() == grpc.StatusCode.UNIMPLEMENTED
        await _ditolak(f"127.0.0.1:{running.port}", None)  # the service port stays TLS only
    finally:
        await running.stop(grace=1)
