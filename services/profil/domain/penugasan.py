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


# The states of an assignment (docs/domain.md#plt-dan-plh): a pegawai's
# request grants nothing until admin/helpdesk registers it.
DIAJUKAN = "DIAJUKAN"
BERLAKU = "BERLAKU"
DITOLAK = "DITOLAK"


def cek_plt_kekosongan(jenis: str, nama_unor: str, pimpinan_nip: str | None, nama_pimpinan: str | None) -> None:
    """A PLT fills a vacancy: refused on a unit that has a definitive pimpinan,
    naming them; a PLH stands in for one (docs/domain.md#plt-dan-plh)."""
    if jenis == PLT and pimpinan_nip:
        raise KondisiTidakTerpenuhi(
            f"{nama_unor} memiliki pimpinan definitif ({nama_pimpinan or '-'}, NIP {pimpinan_nip}). "
            "Plt. hanya untuk unit tanpa pimpinan definitif; bila pimpinan berhalangan sementara, daftarkan Plh."
        )


def cek_keputusan(setujui: bool, alasan: str) -> None:
    if not setujui and not alasan.strip():
        raise TidakValid("alasan", "wajib diisi saat menolak: pegawai perlu tahu alasannya")
