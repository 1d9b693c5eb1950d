"""TARGET TAHUNAN of an indikator: a number and a unit in a Kuantitatif SKP
("12 bulan", "100 %", "1.500 dokumen", "2,5 jam"), free text otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from services.shared.errors import TidakValid

_ANGKA = re.compile(r"^\s*(\d[\d.,]*)\s*(.*?)\s*$")
_RIBUAN = re.compile(r"^\d{1,3}(\.\d{3})+$")
MAKS = 100


@dataclass(frozen=True)
class Target:
    teks: str
    angka: Decimal | None
    satuan: str


def _angka(raw: str) -> Decimal:
    # Indonesian numerals: '.' groups thousands, ',' is the decimal comma.
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".", 1)
    elif _RIBUAN.match(raw):
        raw = raw.replace(".", "")
    return Decimal(raw)


def parse_target(teks: str, kuantitatif: bool, field: str) -> Target:
    teks = " ".join(teks.split())
    if len(teks) > MAKS:
        raise TidakValid(field, f"maksimal {MAKS} karakter")
    if not teks:
        if kuantitatif:
            raise TidakValid(field, "SKP Kuantitatif wajib mengisi target, misalnya '12 bulan'")
        return Target("", None, "")
    m = _ANGKA.match(teks)
    if m is None:
        if kuantitatif:
            raise TidakValid(field, "target SKP Kuantitatif harus diawali angka, misalnya '12 bulan' atau '100 %'")
        return Target(teks, None, "")
    try:
        angka = _angka(m.group(1))
    except InvalidOperation:
        raise TidakValid(field, f"'{m.group(1)}' bukan angka yang sah") from None
    satuan = m.group(2)
    if kuantitatif and not satuan:
        raise TidakValid(field, "sebutkan satuan target, misalnya '12 bulan' atau '2 dokumen'")
    return Target(teks, angka, satuan)
