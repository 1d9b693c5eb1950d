"""A quantity as civil servants write it: a number and a unit ("12 bulan",
"1.500 dokumen", "2,5 jam", "100 %"), a rupiah amount ("Rp 50.000.000") or a
range ("80-100 %") (docs/domain.md#indikator-dan-target).

Here, not in a service, because skp reads it for the TARGET of an indikator
and penilaian for the REALISASI of a Kuantitatif indikator, the same way,
and the services do not import each other (pyproject.toml, import-linter
"services are independent"). Pure: no gRPC, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from services.shared.errors import TidakValid

_RP = re.compile(r"^rp\.?\s*(?=[\d-])", re.IGNORECASE)
_ANGKA = re.compile(r"^(-?\d[\d.,]*)(?:\s*[-–]\s*(\d[\d.,]*))?\s*(.*?)$")
_RIBUAN = re.compile(r"^\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class Besaran:
    angka: Decimal
    sampai: Decimal | None  # the upper bound of a range ("80-100 %"), else None
    satuan: str  # "Rp" for a rupiah amount


def _angka(raw: str, field: str) -> Decimal:
    # Indonesian numerals: '.' groups thousands, ',' is the decimal comma.
    teks = raw
    if "," in teks:
        teks = teks.replace(".", "").replace(",", ".", 1)
    elif _RIBUAN.match(teks.lstrip("-")):
        teks = teks.replace(".", "")
    try:
        return Decimal(teks)
    except InvalidOperation:
        raise TidakValid(field, f"'{raw}' bukan angka yang sah; tulis misalnya '1.500' atau '2,5'") from None


def parse_besaran(teks: str, field: str, apa: str = "target", boleh_nol: bool = False) -> Besaran | None:
    """None when `teks` does not start with a number (or "Rp"). Refuses a
    number that is not one, 0 (unless `boleh_nol`: a realisasi may be 0) and
    negative numbers, a range whose bounds are not in order, and a number
    without a unit, each naming `field`."""
    teks = " ".join(teks.split())
    rupiah = _RP.match(teks)
    sisa = teks[rupiah.end() :] if rupiah else teks
    m = _ANGKA.match(sisa)
    if m is None:
        return None
    angka = _angka(m.group(1), field)
    sampai = _angka(m.group(2), field) if m.group(2) else None
    satuan = "Rp" if rupiah else m.group(3)
    if rupiah and m.group(3):
        raise TidakValid(field, f"{apa} rupiah ditulis angka saja sesudah 'Rp', misalnya 'Rp 50.000.000'")
    if angka < 0 or (angka == 0 and not boleh_nol):
        raise TidakValid(field, f"{apa} harus lebih dari 0" if not boleh_nol else f"{apa} tidak boleh negatif")
    if sampai is not None and sampai <= angka:
        raise TidakValid(field, f"rentang {apa} harus dari angka kecil ke besar, misalnya '80-100 %'")
    if not satuan:
        raise TidakValid(field, f"sebutkan satuan {apa}, misalnya '12 bulan', '2 dokumen' atau 'Rp 50.000.000'")
    return Besaran(angka, sampai, satuan)
