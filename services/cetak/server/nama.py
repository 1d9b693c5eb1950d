"""Resource names cetak reads: skp's "skp/{skp}", penilaian's
"penilaian/{skp}/periode/{kode}", and its own "cetak/{id}"."""

from __future__ import annotations

import re

from services.shared.errors import TidakValid

KODE = ("tw1", "tw2", "tw3", "tw4", "akhir")
_ID = r"([0-9a-f]{32})"
_SKP = re.compile(rf"^skp/{_ID}$")
_PERIODE = re.compile(rf"^penilaian/{_ID}/periode/({'|'.join(KODE)})$")


def skp(name: str, field: str) -> str:
    m = _SKP.match(name.strip())
    if m is None:
        raise TidakValid(field, "harus berbentuk 'skp/{id}'")
    return m.group(1)


def periode(name: str, field: str) -> tuple[str, str]:
    m = _PERIODE.match(name.strip())
    if m is None:
        raise TidakValid(field, "harus berbentuk 'penilaian/{id SKP}/periode/{tw1|tw2|tw3|tw4|akhir}'")
    return m.group(1), m.group(2)


def kode_periode(kode: str, field: str = "periode") -> str:
    if kode not in KODE:
        raise TidakValid(field, "pilih tw1, tw2, tw3, tw4 atau akhir")
    return kode


def riwayat(row_id: str) -> str:
    return f"cetak/{row_id}"
