"""The texts a pegawai types into an SKP: RHK, indikator, lampiran items,
ekspektasi. Checked once here so every RPC says the same thing."""

from __future__ import annotations

from services.shared.errors import TidakValid
from services.shared.teks import teks as teks  # re-exported: the use cases call isian.teks

MAKS_RHK = 1000
MAKS_INDIKATOR = 1000
MAKS_BUTIR = 500
MAKS_BUTIR_LAMPIRAN = 30
MAKS_EKSPEKTASI = 1000
# The perspektif of the JPT / pimpinan unit kerja mandiri format, in the
# annex's order (docs/domain.md#format-jpt-dan-unit-kerja-mandiri).
PERSPEKTIF = (
    "Perspektif Penerima Layanan",
    "Perspektif Proses Bisnis Internal",
    "Perspektif Penguatan Internal",
    "Perspektif Anggaran",
)


def perspektif(value: str, pimpinan: bool, field: str) -> str:
    """An RHK's perspektif: empty, or one of PERSPEKTIF, and only on a
    pimpinan's SKP (the JPT format is a pimpinan's)."""
    value = " ".join(value.split())
    if not value:
        return ""
    if not pimpinan:
        raise TidakValid(field, "perspektif hanya untuk SKP pimpinan (format JPT / unit kerja mandiri)")
    if value not in PERSPEKTIF:
        raise TidakValid(field, "pilih perspektif: " + ", ".join(PERSPEKTIF))
    return value


def butir_lampiran(items: list[str], field: str) -> list[str]:
    """A Lampiran list: blank lines dropped, each item checked."""
    hasil = [teks(item, f"{field}[{i}]", MAKS_BUTIR) for i, item in enumerate(items) if item.strip()]
    if len(hasil) > MAKS_BUTIR_LAMPIRAN:
        raise TidakValid(field, f"maksimal {MAKS_BUTIR_LAMPIRAN} butir")
    return hasil


def pindah(urutan: list[str], id_: str, ke: int, field: str) -> list[str]:
    """Moves `id_` to 1-based position `ke`; the others keep their order."""
    if not 1 <= ke <= len(urutan):
        raise TidakValid(field, f"urutan harus 1 sampai {len(urutan)}")
    sisa = [x for x in urutan if x != id_]
    sisa.insert(ke - 1, id_)
    return sisa
