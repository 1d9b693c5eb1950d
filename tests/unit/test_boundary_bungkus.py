"""Per-call work the boundary does less of (issue 18). grpc asks for a
method's handler on every call: the checked handler is built once per
method, and built again only if the server's own handler for it is another
one. A request id is made without a UUID object, to the same format."""

import asyncio
import uuid
from types import SimpleNamespace
from typing import Any

import grpc
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.shared.boundary import Boundary, _request_id_baru
from services.shared.tokens import TokenVerifier


def _boundary() -> Boundary:
    kunci = Ed25519PrivateKey.generate().public_key()
    pem = kunci.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return Boundary(TokenVerifier(pem), public_methods=())


async def _jawab(request: Any, context: Any) -> Any:
    return request


def test_dibungkus_sekali_per_metode() -> None:
    boundary = _boundary()
    asli = grpc.unary_unary_rpc_method_handler(_jawab)
    lain = grpc.unary_unary_rpc_method_handler(_jawab)
    handlers = {"/ekinerja.skp.v1.SkpService/GetSkp": asli, "/grpc.health.v1.Health/Check": asli}

    async def continuation(details: Any) -> Any:
        return handlers.get(details.method)

    def minta(method: str) -> Any:
        return asyncio.run(boundary.intercept_service(continuation, SimpleNamespace(method=method)))

    pertama = minta("/ekinerja.skp.v1.SkpService/GetSkp")
    assert pertama is not asli and pertama.unary_unary is not asli.unary_unary
    assert minta("/ekinerja.skp.v1.SkpService/GetSkp") is pertama
    # Not ours (health, reflection) and unknown methods pass as they are.
    assert minta("/grpc.health.v1.Health/Check") is asli
    assert minta("/ekinerja.skp.v1.SkpService/Tidak") is None
    handlers["/ekinerja.skp.v1.SkpService/GetSkp"] = lain
    baru = minta("/ekinerja.skp.v1.SkpService/GetSkp")
    assert baru is not pertama and baru is not lain


def test_request_id_baru_uuid4() -> None:
    """A request id made here is what uuid.uuid4().hex was: 32 hex digits of a version 4 UUID."""
    semua = {_request_id_baru() for _ in range(1000)}
    assert len(semua) == 1000
    for rid in semua:
        u = uuid.UUID(hex=rid)
        assert u.hex == rid and u.version == 4 and u.variant == uuid.RFC_4122
