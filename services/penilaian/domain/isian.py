"""What a pegawai or penilai types into a penilaian: texts and links."""

from __future__ import annotations

from urllib.parse import urlsplit

from services.shared.besaran import parse_besaran
from services.shared.errors import TidakValid
from services.shared.teks import teks as _teks

MAKS_TEKS = 2000
MAKS_NAMA = 300
MAKS_TAUTAN = 2000


def teks(value: str, field: str, maks: int = MAKS_TEKS, wajib: bool = True) -> str:
    return _teks(value, field, maks, wajib)


def tautan(value: str, field: str) -> str:
    """BUKTI DUKUNG: a link to the file (Google Drive, Dropbox, …), http or
    https only — a javascript: or file: link must never reach an atasan."""
    value = value.strip()
    if not value:
        raise TidakValid(field, "isi tautan ke berkas bukti dukung, misalnya https://drive.google.com/…")
    if len(value) > MAKS_TAUTAN or any(c.isspace() for c in value):
        raise TidakValid(field, "tautan tidak sah (terlalu panjang atau berisi spasi)")
    try:
        parts = urlsplit(value)
    except ValueError:
        raise TidakValid(field, "tautan tidak sah") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        raise TidakValid(
            field,
            "tautan harus diawali http:// atau https:// dan menyebut alamat situsnya, "
            "misalnya https://drive.google.com/…",
        )
    return value


def realisasi_kuantitatif(value: str, field: str = "realisasi.realisasi") -> None:
    """The realisasi of a Kuantitatif indikator is read like its target
    (services/shared/besaran.py): a number and a unit, "3 bulan",
    "Rp 12.500.000"; 0 is a realisation (nothing done yet), a negative number
    is not (docs/domain.md#indikator-dan-target)."""
    if parse_besaran(value, field, "realisasi", boleh_nol=True) is None:
        raise TidakValid(
            field,
            "realisasi SKP Kuantitatif diawali angka dengan satuannya, misalnya '3 bulan', "
            "'2 dokumen' atau 'Rp 12.500.000'",
        )
