"""The one check for free text a user types (RHK, indikator, rencana aksi,
feedback, …): trimmed, required unless said otherwise, bounded, printable
(line breaks and tabs allowed)."""

from __future__ import annotations

from typing import Any

from services.shared.errors import TidakValid

# C0 (tab and newline kept), DEL and C1: what `teks` refuses on input, removed
# where text leaves for a file (a row stored before the check, an import of old).
_KENDALI = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])


def tanpa_kendali(value: str) -> str:
    return value.translate(_KENDALI)


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


def tolak_nul(request: Any, prefix: str = "") -> None:
    """Refuses a request with NUL (U+0000) in any string field, naming its path
    ("lampiran.konsekuensi[1]"). Nobody types one, and PostgreSQL text cannot
    hold it: a query with one failed there (INTERNAL) where SQLite stored it.
    Run by the boundary on every request (found by tests/fuzz)."""
    for f, value in request.ListFields():
        path = f"{prefix}{f.name}"
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            items = [(f"{path}[{k!r}]", x) for k, v in value.items() for x in (k, v)]
        elif f.is_repeated:
            items = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            items = [(path, value)]
        for where, v in items:
            if isinstance(v, str) and "\x00" in v:
                raise TidakValid(where, "berisi karakter NUL (\\0) yang tidak diizinkan")
            if hasattr(v, "ListFields"):
                tolak_nul(v, f"{where}.")
