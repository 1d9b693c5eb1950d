"""Resource names of penilaian: "penilaian/{skp}/periode/{kode}" and its
children "…/rencana-aksi/{id}", "…/bukti-dukung/{id}", "…/feedback/{id}";
and skp's names of RHK and indikator."""

from __future__ import annotations

import re

from services.penilaian.domain.periode import KODE
from services.shared.errors import TidakValid

_ID = r"([0-9a-f]{32})"
_KODE = "(" + "|".join(KODE) + ")"
_PERIODE = re.compile(rf"^penilaian/{_ID}/periode/{_KODE}$")
_ANAK = re.compile(rf"^penilaian/{_ID}/periode/{_KODE}/(rencana-aksi|bukti-dukung|feedback)/{_ID}$")
_RHK = re.compile(rf"^skp/{_ID}/rhk/{_ID}$")
_INDIKATOR = re.compile(rf"^skp/{_ID}/rhk/{_ID}/indikator/{_ID}$")


def periode(name: str, field: str = "name") -> tuple[str, str]:
    m = _PERIODE.match(name)
    if m is None:
        raise TidakValid(field, "harus berbentuk 'penilaian/{id SKP}/periode/{tw1|tw2|tw3|tw4|akhir}'")
    return m.group(1), m.group(2)


def anak(name: str, jenis: str, field: str = "name") -> tuple[str, str, str]:
    m = _ANAK.match(name)
    if m is None or m.group(3) != jenis:
        raise TidakValid(field, f"harus berbentuk 'penilaian/{{id SKP}}/periode/{{kode}}/{jenis}/{{id}}'")
    return m.group(1), m.group(2), m.group(4)


_SKP = re.compile(rf"^skp/{_ID}$")


def skp(name: str, field: str) -> str:
    m = _SKP.match(name)
    if m is None:
        raise TidakValid(field, "harus berbentuk 'skp/{id}'")
    return m.group(1)


def nama_periode(skp_id: str, kode: str) -> str:
    return f"penilaian/{skp_id}/periode/{kode}"


def rhk(name: str, skp_id: str, field: str) -> str:
    m = _RHK.match(name)
    if m is None or m.group(1) != skp_id:
        raise TidakValid(field, "sebutkan RHK SKP ini: 'skp/{id}/rhk/{id}'")
    return m.group(2)


def indikator(name: str, skp_id: str, field: str) -> str:
    m = _INDIKATOR.match(name)
    if m is None or m.group(1) != skp_id:
        raise TidakValid(field, "sebutkan indikator SKP ini: 'skp/{id}/rhk/{id}/indikator/{id}'")
    return m.group(3)
