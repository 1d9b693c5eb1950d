"""Access tokens: Ed25519-signed JWTs. profil signs with the private key; every
service verifies with the public key alone, without a call to profil."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import OrderedDict
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from services.shared import berkas_rahasia
from services.shared.errors import BelumMasuk
from services.shared.principal import Principal

ISSUER = "ekinerja"
ALGORITHM = "EdDSA"


def ensure_keypair(private_path: Path, public_path: Path) -> None:
    """Creates the signing key pair on first use (embedded default)."""
    if private_path.exists():
        berkas_rahasia.sempitkan_berkas(private_path)  # made world-readable by an older version
        if not public_path.exists():
            _write_public(private_path, public_path)
        return
    berkas_rahasia.folder(private_path.parent)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    with open(berkas_rahasia.buka_tulis(private_path, eksklusif=True), "wb") as f:
        f.write(pem)
    _write_public(private_path, public_path)


def _write_public(private_path: Path, public_path: Path) -> None:
    key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    berkas_rahasia.tulis(
        public_path,
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )


class TokenSigner:
    def __init__(self, private_key_pem: bytes, ttl_seconds: int) -> None:
        key = serialization.load_pem_private_key(private_key_pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):  # EdDSA: another key type failed only at the first login
            raise ValueError("kunci penanda tangan token harus Ed25519")
        self._key = key
        self._ttl = dt.timedelta(seconds=ttl_seconds)

    def sign(
        self,
        *,
        akun_id: str,
        nip: str | None,
        username: str | None,
        peran: list[str],
        instansi_id: str,
        now: dt.datetime,
        nama: str = "",
    ) -> tuple[str, str, dt.datetime]:
        """Returns (token, session id, expiry)."""
        sesi_id = uuid.uuid4().hex
        expires = now + self._ttl
        claims = {
            "iss": ISSUER,
            "sub": akun_id,
            "sid": sesi_id,
            "nip": nip,
            "usr": username,
            "rol": peran,
            "ins": instansi_id,
            "nam": nama,  # the jejak audit names who acted without asking profil
            "iat": int(now.timestamp()),
            "exp": int(expires.timestamp()),
        }
        return jwt.encode(claims, self._key, algorithm=ALGORITHM), sesi_id, expires

    def kunci_turunan(self, untuk: str) -> bytes:
        """A 32-byte secret of profil's for `untuk` (e.g. the HMAC key of
        reset codes), derived from the signing key with HKDF: every replica
        already holds that key (and backups carry it), so they agree on this
        one without another secret to deploy, and it cannot be turned back
        into the signing key."""
        mentah = self._key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"ekinerja:{untuk}".encode()).derive(mentah)


# Tokens whose signature was checked, remembered so each is verified once
# (the Ed25519 check was ~5% of a GetSkp call). Bounded: beyond it the least
# recently used is forgotten and verified again when next seen.
MAKS_TOKEN_DIINGAT = 10_000


class TokenVerifier:
    def __init__(self, public_key_pem: bytes, maks_diingat: int = MAKS_TOKEN_DIINGAT) -> None:
        key = serialization.load_pem_public_key(public_key_pem)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("kunci pemeriksa token harus Ed25519")
        self._key = key
        self._maks = maks_diingat
        # Keyed by the whole token string: a token differing in any byte (a
        # tampered one) is another key and goes through the full check.
        # Only tokens that passed it are kept, with their exp claim.
        self._diingat: OrderedDict[str, tuple[Principal, int]] = OrderedDict()

    def verify(self, token: str) -> Principal:
        ingat = self._diingat.get(token)
        if ingat is not None:
            # The same rule as PyJWT's (no leeway): expired once now >= exp.
            if time.time() < ingat[1]:
                self._diingat.move_to_end(token)
                return ingat[0]
            del self._diingat[token]
        principal, exp = self._periksa(token)
        self._diingat[token] = (principal, exp)
        if len(self._diingat) > self._maks:
            self._diingat.popitem(last=False)
        return principal

    def _periksa(self, token: str) -> tuple[Principal, int]:
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "sid"]},
            )
        except jwt.ExpiredSignatureError:
            raise BelumMasuk("Sesi Anda telah berakhir. Silakan masuk kembali.") from None
        except jwt.PyJWTError:
            raise BelumMasuk("Token tidak sah. Silakan masuk kembali.") from None
        principal = Principal(
            akun_id=claims["sub"],
            sesi_id=claims["sid"],
            nip=claims.get("nip"),
            username=claims.get("usr"),
            peran=frozenset(claims.get("rol") or ()),
            instansi_id=claims.get("ins") or "",
            nama=claims.get("nam") or "",
            token=token,
        )
        return principal, int(claims["exp"])
