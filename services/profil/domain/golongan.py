"""Golongan ruang and pangkat."""

from __future__ import annotations

from services.shared.errors import TidakValid

PANGKAT = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PPPK = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)


def normalize_golongan(value: str, jenis_asn: str, field: str = "golongan_ruang") -> str:
    raw = value.strip()
    if jenis_asn == "PPPK":
        up = raw.upper()
        if up not in GOLONGAN_PPPK:
            raise TidakValid(field, "golongan PPPK harus I sampai XVII")
        return up
    if "/" in raw:
        left, right = raw.split("/", 1)
        raw = f"{left.strip().upper()}/{right.strip().lower()}"
    if raw not in PANGKAT:
        raise TidakValid(field, "bukan golongan ruang PNS yang sah (contoh: III/c)")
    return raw


def pangkat(golongan: str) -> str:
    return PANGKAT.get(golongan, "")
