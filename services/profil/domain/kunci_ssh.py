"""OpenSSH public keys of accounts (`ekinerja ssh`): parsed and fingerprinted
the way ssh-keygen does, so an operator can compare what they see."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa

from services.shared.errors import TidakValid

JENIS = ("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa")
RSA_MINIMAL = 2048


@dataclass(frozen=True)
class KunciPublik:
    teks: str  # "ssh-ed25519 AAAA…" without the comment
    komentar: str
    sidik_jari: str  # "SHA256:…"


def urai(teks: str, field: str = "kunci_publik") -> KunciPublik:
    bagian = teks.strip().split(None, 2)
    if len(bagian) < 2 or bagian[0] not in JENIS or len(teks) > 16_384:
        raise TidakValid(field, f"bukan kunci publik OpenSSH (jenis yang diterima: {', '.join(JENIS)})")
    jenis, isi = bagian[0], bagian[1]
    try:
        blob = base64.b64decode(isi, validate=True)
        kunci = serialization.load_ssh_public_key(f"{jenis} {isi}".encode())
    except (binascii.Error, ValueError, TypeError):
        raise TidakValid(field, "kunci publik OpenSSH rusak atau tidak lengkap") from None
    if isinstance(kunci, dsa.DSAPublicKey):
        raise TidakValid(field, "kunci DSA tidak diterima")
    ukuran = getattr(kunci, "key_size", None)
    if jenis == "ssh-rsa" and ukuran is not None and ukuran < RSA_MINIMAL:
        raise TidakValid(field, f"kunci RSA minimal {RSA_MINIMAL} bit")
    sidik = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    komentar = bagian[2].strip()[:200] if len(bagian) > 2 else ""
    return KunciPublik(f"{jenis} {isi}", komentar, sidik)
