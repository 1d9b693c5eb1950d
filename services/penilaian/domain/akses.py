"""Who may do what in a penilaian. The SKP's pegawai and penilai are
whoever skp says (the penilai snapshot), not stored roles."""

from __future__ import annotations

from dataclasses import dataclass

from services.shared.errors import AksesDitolak
from services.shared.principal import ADMIN_INSTANSI, Principal


@dataclass(frozen=True)
class Pihak:
    nip: str
    penilai_nip: str
    instansi_id: str
    # Rated by a penilai eksternal (NON ASN) with no account: the admin
    # instansi acts for him (docs/domain.md#penentuan-atasan).
    penilai_eksternal: bool = False


def wakil_penilai(p: Principal, skp: Pihak) -> bool:
    return skp.penilai_eksternal and p.punya(ADMIN_INSTANSI) and p.instansi_id == skp.instansi_id


def harus_pemilik(p: Principal, skp: Pihak) -> None:
    if not (p.nip and p.nip == skp.nip):
        raise AksesDitolak("Rencana aksi, bukti dukung dan realisasi diisi oleh pegawai pemilik SKP.")


def harus_penilai(p: Principal, skp: Pihak) -> None:
    if not ((p.nip and p.nip == skp.penilai_nip) or wakil_penilai(p, skp)):
        raise AksesDitolak("Hanya pejabat penilai kinerja SKP ini yang dapat memberi feedback dan rating.")


def harus_admin(p: Principal, instansi_id: str) -> None:
    if not (p.punya(ADMIN_INSTANSI) and p.instansi_id == instansi_id):
        raise AksesDitolak("Hanya admin instansi yang dapat mengatur ini.")
