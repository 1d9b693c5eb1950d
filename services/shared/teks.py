"""The one check for free text a user types (RHK, indikator, rencana aksi,
feedback, …): trimmed, required unless said otherwise, bounded, printable
(line breaks and tabs allowed)."""

from __future__ import annotations

from services.shared.errors import TidakValid


def teks(value: str, field: str, maks: int, wajib: bool = True) -> str:
    value = value.strip()
    if not value:
        if wajib:
            raise TidakValid(field, "wajib diisi")
        return ""
    if len(value) > maks:
        raise TidakValid(field, f"maksimal {maks} karakter (sekarang {len(value)})")
    if any(not (c.isprintable() or c in "\n\t") for c in value):
        raise TidakValid(field, "berisi karakter yang tidak diizinkan")
    return value
