"""PLT/PLH assignment rules."""

from __future__ import annotations

import datetime as dt

from services.profil.domain.organisasi import PLH, PLT, Penugasan
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

PALING_LAMA = dt.timedelta(days=366)


def validate_penugasan(jenis: str, mulai: dt.date, selesai: dt.date) -> None:
    if jenis not in (PLT, PLH):
        raise TidakValid("penugasan.jenis", "pilih PLT atau PLH")
    if selesai < mulai:
        raise TidakValid("penugasan.tanggal_selesai", "tidak boleh sebelum tanggal mulai")
    if selesai - mulai > PALING_LAMA:
        raise TidakValid("penugasan.tanggal_selesai", "penugasan paling lama satu tahun")


def cek_tumpang_tindih(baru: Penugasan, yang_ada: list[Penugasan], nama_unor: str) -> None:
    """Two assignments for one unit may not overlap (one acting head at a time)."""
    for p in yang_ada:
        if p.id != baru.id and p.unor_id == baru.unor_id and p.mulai <= baru.selesai and baru.mulai <= p.selesai:
            raise KondisiTidakTerpenuhi(
                f"{nama_unor} sudah memiliki {p.jenis} pada {p.mulai:%d-%m-%Y} s.d. {p.selesai:%d-%m-%Y}."
            )


def jabatan_peran(jenis: str, jabatan_pimpinan: str) -> str:
    """ "Plt. Kepala Seksi Pelayanan", as the SKP of the role shows it."""
    return f"{'Plt.' if jenis == PLT else 'Plh.'} {jabatan_pimpinan}"
