"""NIP: 18 digits = birth date YYYYMMDD + TMT YYYYMM + gender digit + sequence."""

from __future__ import annotations

import datetime as dt

from services.shared.errors import TidakValid

PNS = "PNS"
PPPK = "PPPK"


def validate_nip(nip: str, jenis_asn: str = PNS, field: str = "nip") -> str:
    """Returns the NIP or raises TidakValid naming `field` and the reason."""
    if not nip:
        raise TidakValid(field, "wajib diisi")
    if not nip.isascii() or not nip.isdigit():
        raise TidakValid(field, "hanya boleh berisi angka")
    if len(nip) != 18:
        raise TidakValid(field, f"harus 18 digit (yang diisi {len(nip)} digit)")
    try:
        lahir = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise TidakValid(field, "8 digit pertama bukan tanggal lahir yang sah (TTTTBBHH)") from None
    if nip[14] not in "12":
        raise TidakValid(field, "digit ke-15 (jenis kelamin) harus 1 atau 2")
    tahun_tmt, bulan_tmt = int(nip[8:12]), int(nip[12:14])
    if jenis_asn == PNS:
        # PPPK numbers carry other data here (inferred): only PNS TMT is checked.
        if not 1 <= bulan_tmt <= 12:
            raise TidakValid(field, "digit ke-13–14 bukan bulan TMT yang sah")
        if (tahun_tmt, bulan_tmt) < (lahir.year + 18, lahir.month):
            raise TidakValid(field, "TMT CPNS (digit ke-9–14) kurang dari 18 tahun setelah tanggal lahir")
    return nip
