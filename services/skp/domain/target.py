"""TARGET TAHUNAN of an indikator (docs/domain.md#indikator-dan-target): a number
and a unit in a Kuantitatif SKP ("12 bulan", "100 %", "1.500 dokumen",
"2,5 jam", "Rp 50.000.000", the range "80-100 %"), free text otherwise. The
number itself is read by services/shared/besaran.py, which penilaian uses
for the realisasi too."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from services.shared.besaran import parse_besaran
from services.shared.errors import TidakValid

MAKS = 100


@dataclass(frozen=True)
class Target:
    teks: str
    angka: Decimal | None
    satuan: str
    sampai: Decimal | None = None  # the upper bound of a range


def parse_target(teks: str, kuantitatif: bool, field: str) -> Target:
    teks = " ".join(teks.split())
    if len(teks) > MAKS:
        raise TidakValid(field, f"maksimal {MAKS} karakter")
    if not teks:
        if kuantitatif:
            raise TidakValid(field, "SKP Kuantitatif wajib mengisi target, misalnya '12 bulan'")
        return Target("", None, "")
    if not kuantitatif:
        # Free text; a number in it is kept when it reads as one, never refused.
        try:
            b = parse_besaran(teks, field)
        except TidakValid:
            b = None
        return Target(teks, b.angka, b.satuan, b.sampai) if b else Target(teks, None, "")
    b = parse_besaran(teks, field)
    if b is None:
        raise TidakValid(
            field, "target SKP Kuantitatif harus diawali angka, misalnya '12 bulan', '100 %' atau 'Rp 50.000.000'"
        )
    return Target(teks, b.angka, b.satuan, b.sampai)
