"""Opaque page tokens (AIP-158): a base64 offset bound to the query that made it."""

from __future__ import annotations

import base64
import hashlib
import json

from services.shared.errors import TidakValid

# No query pages this deep; a larger offset only overflows the database's integer.
MAKS_OFFSET = 2**31 - 1


def page_size(requested: int, default: int, maximum: int) -> int:
    if requested < 0:
        raise TidakValid("page_size", "tidak boleh negatif")
    return min(requested or default, maximum)


def _fingerprint(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:12]


def encode(offset: int, query: str) -> str:
    raw = json.dumps({"o": offset, "q": _fingerprint(query)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str, query: str) -> int:
    if not token:
        return 0
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        offset = int(data["o"])
        if data["q"] != _fingerprint(query) or not 0 <= offset <= MAKS_OFFSET:
            raise ValueError
    # OverflowError: {"o": Infinity}; RecursionError: "[[[[…" nested past
    # the parser's limit. Tokens come back from clients: anything is possible.
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError):
        raise TidakValid("page_token", "tidak sah atau bukan untuk pencarian ini") from None
    return offset


def encode_kunci(kunci: list[str], query: str) -> str:
    """A keyset token: the sort key of the last row returned. Deep pages of a
    table that only grows (the jejak audit) stay as fast as the first."""
    raw = json.dumps({"k": kunci, "q": _fingerprint(query)}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_kunci(token: str, query: str, panjang: int) -> list[str] | None:
    if not token:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        kunci = data["k"]
        if (
            data["q"] != _fingerprint(query)
            or not isinstance(kunci, list)
            or len(kunci) != panjang
            or not all(isinstance(k, str) for k in kunci)
        ):
            raise ValueError
    except (ValueError, KeyError, TypeError, RecursionError):
        raise TidakValid("page_token", "tidak sah atau bukan untuk pencarian ini") from None
    return kunci
