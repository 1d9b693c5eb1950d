"""Who may do what with an SKP. The penilai is whoever the SKP's penilai
snapshot names (docs/domain.md#snapshot-dan-muat-ulang), not a stored role.

Another instansi's SKP is answered exactly as one that does not exist:
whether it exists is not the caller's to learn (docs/keamanan.md)."""

from __future__ import annotations

from dataclasses import dataclass

from services.shared.errors import AksesDitolak, TidakDitemukan
from services.shared.principal import ADMIN_INSTANSI, LAYANAN, Principal


@dataclass(frozen=True)
class Pihak:
    nip: str
    penilai_nip: str | None
    instansi_id: str
    # A penilai eksternal (NON ASN) rates this SKP: he has no account, the
    # admin instansi acts for him (docs/domain.md#penentuan-atasan).
    penilai_eksternal: bool = False


def pemilik(p: Principal, skp: Pihak) -> bool:
    return p.nip is not None and p.nip == skp.nip


def penilai(p: Principal, skp: Pihak) -> bool:
    return p.nip is not None and p.nip == skp.penilai_nip


def wakil_penilai(p: Principal, skp: Pihak) -> bool:
    """The admin instansi of the SKP's instansi, acting for its penilai eksternal."""
    return skp.penilai_eksternal and p.punya(ADMIN_INSTANSI) and p.instansi_id == skp.instansi_id


def skp_tidak_ditemukan() -> TidakDitemukan:
    return TidakDitemukan("SKP tidak ditemukan.")


def boleh_baca(p: Principal, skp: Pihak) -> None:
    if p.instansi_id != skp.instansi_id and not (pemilik(p, skp) or penilai(p, skp)):
        raise skp_tidak_ditemukan()
    if (
        pemilik(p, skp)
        or penilai(p, skp)
        or p.pengelola_instansi(skp.instansi_id)
        or (p.punya(LAYANAN) and p.instansi_id == skp.instansi_id)
    ):
        return
    raise AksesDitolak("SKP ini bukan milik Anda dan Anda bukan pejabat penilainya.")


def harus_pemilik(p: Principal, skp: Pihak, juga_pengelola: bool = False) -> None:
    """`juga_pengelola`: admin instansi and helpdesk may do it too (the
    helpdesk fixes of issue 6: Muat Ulang, Edit Status)."""
    boleh_baca(p, skp)
    if not (pemilik(p, skp) or (juga_pengelola and p.pengelola_instansi(skp.instansi_id))):
        raise AksesDitolak(
            "Hanya pegawai pemilik SKP yang dapat melakukan ini."
            + (" (atau admin instansi/helpdesk)" if juga_pengelola else "")
        )


def harus_penilai(p: Principal, skp: Pihak, juga_pengelola: bool = False) -> None:
    boleh_baca(p, skp)
    if not (penilai(p, skp) or wakil_penilai(p, skp) or (juga_pengelola and p.pengelola_instansi(skp.instansi_id))):
        raise AksesDitolak(
            "Hanya pejabat penilai kinerja SKP ini yang dapat melakukan ini."
            + (" (atau admin instansi/helpdesk)" if juga_pengelola else "")
        )


def boleh_daftar(p: Principal, nip: str) -> None:
    """Daftar SKP of a pegawai: themself, or an admin/helpdesk/service account
    (the instansi is checked on each SKP returned)."""
    if p.nip == nip or p.punya("admin_instansi", "helpdesk", LAYANAN):
        return
    raise AksesDitolak("Anda hanya dapat melihat daftar SKP Anda sendiri.")
