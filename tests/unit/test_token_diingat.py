"""The verified-token cache (services/shared/tokens.py): a token is verified
once, yet never accepted past its exp, a changed token is never taken from
the cache, and the cache stays bounded."""

from __future__ import annotations

import datetime as dt
import time
from unittest import mock

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.shared.errors import BelumMasuk
from services.shared.tokens import TokenSigner, TokenVerifier


@pytest.fixture
def pasangan() -> tuple[TokenSigner, TokenVerifier]:
    kunci = Ed25519PrivateKey.generate()
    pem = kunci.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    pub = kunci.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return TokenSigner(pem, ttl_seconds=60), TokenVerifier(pub, maks_diingat=3)


def _tanda(signer: TokenSigner, akun: str = "a1", now: dt.datetime | None = None) -> str:
    token, _, _ = signer.sign(
        akun_id=akun, nip=None, username=akun, peran=["pegawai"], instansi_id="i1", now=now or dt.datetime.now(dt.UTC)
    )
    return token


def test_diverifikasi_sekali(pasangan: tuple[TokenSigner, TokenVerifier]) -> None:
    signer, verifier = pasangan
    token = _tanda(signer)
    with mock.patch("services.shared.tokens.jwt.decode", wraps=jwt.decode) as decode:
        p1 = verifier.verify(token)
        p2 = verifier.verify(token)
    assert decode.call_count == 1
    assert p1 == p2 and p1.akun_id == "a1" and p1.token == token


def test_kedaluwarsa_ditolak_walau_diingat(pasangan: tuple[TokenSigner, TokenVerifier]) -> None:
    signer, verifier = pasangan
    sekarang = dt.datetime.now(dt.UTC)
    token = _tanda(signer, now=sekarang - dt.timedelta(seconds=59))  # exp within 1-2 s
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    assert verifier.verify(token).akun_id == "a1"
    time.sleep(max(0.0, exp - time.time()) + 0.05)
    with pytest.raises(BelumMasuk, match="berakhir"):
        verifier.verify(token)
    assert token not in verifier._diingat


def test_tepat_pada_exp_tidak_dari_ingatan(pasangan: tuple[TokenSigner, TokenVerifier]) -> None:
    signer, verifier = pasangan
    token = _tanda(signer)
    exp = jwt.decode(token, options={"verify_signature": False})["exp"]
    verifier.verify(token)
    # At exp the cache no longer answers: the token goes back to PyJWT's check
    # (which, on the real clock, still accepts it here).
    with (
        mock.patch("services.shared.tokens.time.time", return_value=float(exp)),
        mock.patch("services.shared.tokens.jwt.decode", wraps=jwt.decode) as decode,
    ):
        verifier.verify(token)
    assert decode.call_count == 1


def test_token_diubah_tidak_pernah_diterima(pasangan: tuple[TokenSigner, TokenVerifier]) -> None:
    signer, verifier = pasangan
    token = _tanda(signer)
    verifier.verify(token)  # the genuine one is cached
    kepala, isi, tanda = token.split(".")
    klaim = jwt.decode(token, options={"verify_signature": False})
    klaim["rol"] = ["admin_instansi"]
    isi_palsu = jwt.utils.base64url_encode(jwt.api_jws.json.dumps(klaim).encode()).decode()
    for palsu in (
        f"{kepala}.{isi_palsu}.{tanda}",  # other claims, the genuine signature
        f"{kepala}.{isi}.{tanda[:-2]}{'A' if tanda[-2] != 'A' else 'B'}{tanda[-1]}",  # signature changed
        token + "x",
        f"{kepala}.{isi}.",
    ):
        with pytest.raises(BelumMasuk):
            verifier.verify(palsu)
        with pytest.raises(BelumMasuk):  # and not remembered as good either
            verifier.verify(palsu)
    assert verifier.verify(token).peran == frozenset({"pegawai"})


def test_terbatas(pasangan: tuple[TokenSigner, TokenVerifier]) -> None:
    signer, verifier = pasangan
    tokens = [_tanda(signer, akun=f"a{i}") for i in range(10)]
    for t in tokens:
        verifier.verify(t)
    assert len(verifier._diingat) == 3
    with mock.patch("services.shared.tokens.jwt.decode", wraps=jwt.decode) as decode:
        verifier.verify(tokens[-1])  # recent: from the cache
        assert decode.call_count == 0
        verifier.verify(tokens[0])  # evicted: verified again, still accepted
        assert decode.call_count == 1
    assert len(verifier._diingat) == 3
