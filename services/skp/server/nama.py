"""Resource names of skp: "skp/{skp}", "skp/{skp}/rhk/{rhk}",
"skp/{skp}/rhk/{rhk}/indikator/{indikator}"."""

from __future__ import annotations

import re

from services.shared.errors import TidakValid

_ID = r"([0-9a-f]{32})"
ID = re.compile(r"^[0-9a-f]{32}$")
_SKP = re.compile(rf"^skp/{_ID}$")
_RHK = re.compile(rf"^skp/{_ID}/rhk/{_ID}$")
_INDIKATOR = re.compile(rf"^skp/{_ID}/rhk/{_ID}/indikator/{_ID}$")


def skp(name: str, field: str = "name") -> str:
    m = _SKP.match(name)
    if m is None:
        raise TidakValid(field, "harus berbentuk 'skp/{id}' (id: 32 karakter heksadesimal)")
    return m.group(1)


def rhk(name: str, field: str = "name") -> tuple[str, str]:
    m = _RHK.match(name)
    if m is None:
        raise TidakValid(field, "harus berbentuk 'skp/{id}/rhk/{id}'")
    return m.group(1), m.group(2)


def indikator(name: str, field: str = "name") -> tuple[str, str, str]:
    m = _INDIKATOR.match(name)
    if m is None:
        raise TidakValid(field, "harus berbentuk 'skp/{id}/rhk/{id}/indikator/{id}'")
    return m.group(1), m.group(2), m.group(3)


def nip(value: str, field: str) -> str:
    """The shape of a NIP; whether it exists is profil's business."""
    if not (len(value) == 18 and value.isdigit()):
        raise TidakValid(field, "NIP harus 18 digit angka")
    return value
