"""Who may print an SKP's documents, and sign at which spot. Stricter than
reading the SKP: admin instansi and service accounts read SKPs but do not
print the documents people sign."""

from __future__ import annotations

from dataclasses import dataclass

from services.shared.errors import AksesDitolak, TidakDitemukan
from services.shared.principal import ADMIN_INSTANSI, HELPDESK, Principal

PEGAWAI, PENILAI = "PEGAWAI", "PENILAI"


@dataclass(frozen=True)
class Pihak:
    nip: str
    penilai_nip: str  # empty for a penilai eksternal: his NIP names no account
    instansi_id: str
    penilai_eksternal: bool = False


def wakil_penilai(p: Principal, skp: Pihak) -> bool:
    """The admin instansi acts for a penilai eksternal, printing included
    (docs/domain.md#penentuan-atasan); he never signs for him."""
    return skp.penilai_eksternal and p.punya(ADMIN_INSTANSI) and p.instansi_id == skp.instansi_id


def boleh_cetak(p: Principal, skp: Pihak) -> None:
    if p.nip and p.nip in (skp.nip, skp.penilai_nip):
        return
    if wakil_penilai(p, skp):
        return
    if p.instansi_id != skp.instansi_id:
        # Answered as skp answers a missing SKP: another instansi's is not known.
        raise TidakDitemukan("SKP tidak ditemukan.")
    if p.punya(HELPDESK) and p.instansi_id == skp.instansi_id:
        return
    raise AksesDitolak(
        "Dokumen SKP ini hanya dapat dicetak oleh pegawai yang dinilai, pejabat penilai "
        "kinerjanya (admin instansi bagi penilai eksternal), atau helpdesk instansinya."
    )


def boleh_tanda_tangan(p: Principal, skp: Pihak, pihak: str) -> None:
    """The server signs at a spot only for the person who signs there."""
    nip = skp.nip if pihak == PEGAWAI else skp.penilai_nip
    if pihak == PENILAI and skp.penilai_eksternal:
        raise AksesDitolak(
            "Penilai eksternal (NON ASN) tidak memiliki akun: tanda tangani dokumennya di atas "
            "kertas, atau cetak tanpa tanda tangan digital."
        )
    if not (p.nip and p.nip == nip):
        siapa = "pegawai yang dinilai" if pihak == PEGAWAI else "pejabat penilai kinerja"
        raise AksesDitolak(f"Tanda tangan digital di tempat {siapa} hanya dapat diminta oleh {siapa} sendiri.")
