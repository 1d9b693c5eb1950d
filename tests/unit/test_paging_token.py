"""Page tokens come back from clients: whatever a client sends is INVALID_ARGUMENT
on `page_token`, never a crash (found by tests/fuzz: {"o": Infinity} ended
INTERNAL with an OverflowError)."""

import base64
import json

import pytest

from services.shared import paging
from services.shared.errors import TidakValid


def b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def test_token_yang_diterbitkan_dibaca_kembali():
    assert paging.decode(paging.encode(50, "q"), "q") == 50
    assert paging.decode_kunci(paging.encode_kunci(["a", "b"], "q"), "q", 2) == ["a", "b"]


@pytest.mark.parametrize(
    "isi",
    [
        "Infinity",
        "-Infinity",
        "1e999",
        "NaN",
        str(10**30),
        str(2**63),
        "-1",
    ],
)
def test_offset_di_luar_jangkauan_ditolak(isi):
    asli = json.loads(base64.urlsafe_b64decode(paging.encode(0, "q") + "=="))
    token = b64(json.dumps(asli).replace('"o": 0', f'"o": {isi}'))
    with pytest.raises(TidakValid) as e:
        paging.decode(token, "q")
    assert e.value.pelanggaran[0].field == "page_token"


@pytest.mark.parametrize(
    "decode",
    [
        lambda t: paging.decode(t, "q"),
        lambda t: paging.decode_kunci(t, "q", 2),
    ],
)
def test_json_bersarang_terlalu_dalam_ditolak(decode):
    with pytest.raises(TidakValid):
        decode(b64("[" * 100_000))
