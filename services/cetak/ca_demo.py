"""A demo certificate authority for digital signatures (`ekinerja cetak
ca-demo`, and `ekinerja seed demo`): a root CA and a document-signing
certificate it issues, written where cetak looks for its key. Only for a
demo: a signature made with it is valid only against this root."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from services.cetak.pengaturan import PengaturanCetak
from services.shared import berkas_rahasia


def _nama(cn: str, instansi: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, instansi),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _tulis(path: Path, isi: bytes) -> None:
    # 0600 in a 0700 folder, certificates too: everything in the data
    # directory is the service account's alone (copy the CA out to share it).
    berkas_rahasia.folder(path.parent)
    tmp = path.with_suffix(".tmp")
    with os.fdopen(berkas_rahasia.buka_tulis(tmp), "wb") as f:
        f.write(isi)
    tmp.replace(path)  # the server reloads on change: never let it read half a file


def buat_ca_demo(
    pengaturan: PengaturanCetak, instansi: str = "e-Kinerja Demo", sekarang: dt.datetime | None = None
) -> Path:
    """Writes a new demo CA and signing key; returns the CA certificate's path
    (the trust root a PDF reader or pyHanko validates against)."""
    now = sekarang or dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _nama("e-Kinerja Demo CA (BUKAN UNTUK PRODUKSI)", instansi)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_nama("Penanda Tangan Dokumen e-Kinerja (DEMO)", instansi))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    berkas = pengaturan.berkas_kunci
    # The CA's own key is not kept: the demo CA issues this one certificate.
    _tulis(pengaturan.ca_demo, ca.public_bytes(pem))
    _tulis(berkas.rantai, ca.public_bytes(pem))
    _tulis(berkas.sertifikat, cert.public_bytes(pem))
    _tulis(berkas.kunci, key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return pengaturan.ca_demo


def pastikan_ca_demo(pengaturan: PengaturanCetak, instansi: str = "e-Kinerja Demo") -> Path | None:
    """Makes the demo CA unless a key is configured already (never
    overwrites a real one); returns the demo CA's path when it made one."""
    if pengaturan.berkas_kunci.ada():
        return None
    return buat_ca_demo(pengaturan, instansi)
