"""What the documents' fonts can draw. typst ships Libertinus Serif (text)
and DejaVu Sans Mono (a fallback for symbols) but no emoji font: an emoji
in a feedback would print as an empty box, so it is left out instead."""

from __future__ import annotations

import re
import unicodedata


def tak_tercetak(ch: str) -> bool:
    """Emoji and other pictographs (outside the Basic Multilingual Plane),
    the variation selectors and joiners that dress them, private use."""
    kode = ord(ch)
    if 0xFE00 <= kode <= 0xFE0F or kode in (0x200D, 0x20E3) or 0x1F3FB <= kode <= 0x1F3FF:
        return True
    kategori = unicodedata.category(ch)
    return kategori in ("Co", "Cs") or (kode > 0xFFFF and kategori == "So")


def cetak(teks: str) -> str:
    """The text without what cannot be drawn; "-" if nothing is left."""
    if teks.isascii():
        return teks
    sisa = re.sub(r" {2,}", " ", "".join(ch for ch in teks if not tak_tercetak(ch))).strip()
    return sisa or "-"
