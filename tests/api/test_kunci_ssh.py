"""SSH keys of accounts: registered by the operator, looked up only by a
service account (the SSH gateway)."""

from __future__ import annotations

import subprocess

import grpc
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.profil.v1 import auth_pb2 as a

from services.profil.akun_admin import daftar_kunci_ssh, hapus_kunci_ssh, tambah_kunci_ssh
from services.shared.errors import SudahAda, TidakDitemukan, TidakValid
from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode


def kunci_publik(komentar: str = "helpdesk@laptop") -> str:
    pub = ed25519.Ed25519PrivateKey.generate().public_key()
    teks = pub.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
    return f"{teks} {komentar}"


async def test_gerbang_mencari_pemilik_kunci(client, server, tmp_path):
    db = server.context.databases["profil"]
    teks = kunci_publik()
    kunci = await tambah_kunci_ssh(db, "helpdesk.bkpsdm", teks)
    berkas = tmp_path / "k.pub"
    berkas.write_text(teks + "\n")
    # The fingerprint is the one ssh-keygen prints, so operators can compare.
    keygen = subprocess.run(["ssh-keygen", "-lf", str(berkas)], capture_output=True, text=True, check=False)
    if keygen.returncode == 0:
        assert kunci.sidik_jari in keygen.stdout
    # Only the gateway's account maps keys to people, not a service account of another system.
    await gagal(
        client.auth.CariKunciSsh(
            a.CariKunciSshRequest(kunci_publik=teks), metadata=await client.login(username="layanan.siasn")
        ),
        C.PERMISSION_DENIED,
    )
    layanan = await client.login(username="gerbang.ssh")
    k = await client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik=teks), metadata=layanan)
    assert (k.username, k.nip, k.sidik_jari, list(k.peran)) == (
        "helpdesk.bkpsdm",
        "",
        kunci.sidik_jari,
        [a.PERAN_HELPDESK],
    )
    # Without the comment, or with another, it is the same key.
    tanpa = teks.rsplit(" ", 1)[0]
    assert (await client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik=tanpa), metadata=layanan)).username

    await gagal(
        client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik=kunci_publik()), metadata=layanan), C.NOT_FOUND
    )
    err = await gagal(
        client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik="ssh-ed25519 bukan!base64"), metadata=layanan),
        C.INVALID_ARGUMENT,
    )
    assert "kunci_publik" in field_violations(err)
    for siapa in (await client.login(username="helpdesk.bkpsdm"), await client.login(nip=data.SUTIKNO)):
        await gagal(
            client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik=teks), metadata=siapa), C.PERMISSION_DENIED
        )

    await hapus_kunci_ssh(db, kunci.sidik_jari)
    await gagal(client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik=teks), metadata=layanan), C.NOT_FOUND)
    # Operator commands leave a record too: who at the OS, which key.
    admin = await client.login(username="admin.madiun")
    r = await client.profil.ListJejakAudit(au.ListJejakAuditRequest(sasaran="akun/helpdesk.bkpsdm"), metadata=admin)
    assert [j.metode for j in r.jejak] == ["HapusKunciSsh", "TambahKunciSsh"]
    assert r.jejak[0].aktor.startswith("operator") and kunci.sidik_jari in r.jejak[1].sesudah


async def test_pendaftaran_kunci_ditolak_bila_salah(server):
    db = server.context.databases["profil"]
    teks = kunci_publik()
    await tambah_kunci_ssh(db, data.SUTIKNO, teks)
    with pytest.raises(SudahAda):
        await tambah_kunci_ssh(db, "helpdesk.bkpsdm", teks)
    with pytest.raises(TidakDitemukan):
        await tambah_kunci_ssh(db, "tidak.ada", kunci_publik())
    lemah = rsa.generate_private_key(public_exponent=65537, key_size=1024).public_key()
    teks_lemah = lemah.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()
    for salah in ("", "ssh-dss AAAAB3NzaC1kc3M=", teks_lemah, "-----BEGIN OPENSSH PRIVATE KEY-----"):
        with pytest.raises(TidakValid):
            await tambah_kunci_ssh(db, data.SUTIKNO, salah)
    ((row, login),) = await daftar_kunci_ssh(db, data.SUTIKNO)
    assert login == data.SUTIKNO and row.komentar == "helpdesk@laptop"
