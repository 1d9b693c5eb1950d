"""The penilai eksternal (NON ASN) at the top of the chain: step 3 of
docs/domain.md#penentuan-atasan. When no unit above a pegawai has a pimpinan
inside the system (the Sekda, rated by the Kepala Daerah; or every unit above
vacant), the admin instansi records who rates him: nama, jabatan, NIP
optional. Resolution looks here only after the walk up found nobody, so a
pimpinan appointed later takes over without anyone clearing the record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.profil.domain import organisasi as org
from services.profil.domain.nip import PNS, validate_nip
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid
from services.shared.teks import teks

MAKS_NAMA = 200
MAKS_JABATAN = 300


@dataclass(frozen=True)
class PenilaiEksternal:
    nama: str
    jabatan: str
    nip: str = ""  # a Kepala Daerah has none


def validate(nama: str, jabatan: str, nip: str, nip_dinilai: str, field: str = "penilai") -> PenilaiEksternal:
    """Nama and jabatan required; a NIP, when given, is a real one and not the
    rated pegawai's own."""
    nama = teks(nama, f"{field}.nama", MAKS_NAMA)
    jabatan = teks(jabatan, f"{field}.jabatan", MAKS_JABATAN)
    nip = nip.strip()
    if nip:
        validate_nip(nip, PNS, f"{field}.nip")
        if nip == nip_dinilai:
            raise TidakValid(f"{field}.nip", "pegawai tidak dapat menjadi penilai dirinya sendiri")
    return PenilaiEksternal(nama, jabatan, nip)


def penilai_puncak(atasan: org.Pimpinan | None, eksternal: PenilaiEksternal | None) -> PenilaiEksternal | None:
    """Step 3: the recorded penilai eksternal, only where the walk up found no
    atasan inside the system."""
    return eksternal if atasan is None else None


def peran_tanpa_atasan(struktur: org.Struktur, nip: str, unor_id: str, tanggal: dt.date) -> list[str | None]:
    """The roles of the pegawai on `tanggal` (None: the definitive one, else
    the unit led as PLT/PLH) that have no atasan inside the system."""
    peran: list[str | None] = [None]
    peran += [x.unor_id for x in struktur.unor_dipimpin(nip, tanggal) if x.sebagai]
    return [u for u in peran if org.resolve_atasan(struktur, nip, unor_id, tanggal, u) is None]


def cek_boleh_dicatat(struktur: org.Struktur, nip: str, unor_id: str, tanggal: dt.date, nama_atasan: str) -> None:
    """A penilai eksternal is recorded only for someone with no atasan inside
    the system in some role today; anyone else already has a penilai, and
    letting the admin name another would let him rate anyone."""
    if not peran_tanpa_atasan(struktur, nip, unor_id, tanggal):
        raise KondisiTidakTerpenuhi(
            f"Pegawai ini mempunyai atasan di dalam sistem ({nama_atasan}); penilai eksternal hanya untuk "
            "pegawai di puncak instansi atau yang semua unit di atasnya kosong."
        )
