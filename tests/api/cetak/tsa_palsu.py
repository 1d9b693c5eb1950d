"""A timestamping authority (RFC 3161 over HTTP) started for real on a
loopback port: its own root and a TSA certificate (extended key usage
timeStamping, critical), answering with pyHanko's test TSA."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper


@dataclass(frozen=True)
class TsaPalsu:
    url: str
    akar: Path  # its root certificate (PEM), to trust


def _sertifikat(nama: str, kunci, penerbit: str, kunci_penerbit, ca: bool) -> x509.Certificate:  # type: ignore[no-untyped-def]
    sekarang = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, nama)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, penerbit)]))
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(days=1))
        .not_valid_after(sekarang + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return b.sign(kunci_penerbit, hashes.SHA256())


@asynccontextmanager
async def jalankan(folder: Path) -> AsyncIterator[TsaPalsu]:
    folder.mkdir(parents=True, exist_ok=True)
    # pyHanko's test TSA signs with RSA only.
    kunci_akar, kunci_tsa = (rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2))
    akar = _sertifikat("TSA Akar (UJI)", kunci_akar, "TSA Akar (UJI)", kunci_akar, ca=True)
    tsa = _sertifikat("Cap Waktu (UJI)", kunci_tsa, "TSA Akar (UJI)", kunci_akar, ca=False)
    (folder / "akar.pem").write_bytes(akar.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.pem").write_bytes(tsa.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa-kunci.pem").write_bytes(
        kunci_tsa.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    stamper = DummyTimeStamper(
        load_cert_from_pemder(str(folder / "tsa.pem")),
        load_private_key_from_pemder(str(folder / "tsa-kunci.pem"), passphrase=None),
        certs_to_embed=[load_cert_from_pemder(str(folder / "akar.pem"))],
    )

    async def cap(request: web.Request) -> web.Response:
        req = tsp.TimeStampReq.load(await request.read())
        return web.Response(body=stamper.request_tsa_response(req).dump(), content_type="application/timestamp-reply")

    app = web.Application()
    app.router.add_post("/tsa", cap)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield TsaPalsu(f"http://127.0.0.1:{port}/tsa", folder / "akar.pem")
    finally:
        await runner.cleanup()
