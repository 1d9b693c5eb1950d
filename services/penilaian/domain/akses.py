"""Who may do what in a penilaian. The SKP's pegawai and penilai are
whoever skp says (the penilai snapshot), not stored roles."""

from __future__ import annotations

from collections.abc import Collection, Mapping
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


def pimpinan_di_atas(unor_id: str, unit: Mapping[str, tuple[str, str]]) -> set[str]:
    """The NIPs of the definitive pimpinan of every unit above `unor_id`
    (`unit`: id -> (parent id, pimpinan NIP), the instansi's tree), up to
    the root: the "pimpinan organisasi di atasnya" of a unor induk
    (docs/domain.md#capaian-kinerja-organisasi)."""
    hasil: set[str] = set()
    dilihat = {unor_id}
    atas = unit.get(unor_id, ("", ""))[0]
    while atas and atas not in dilihat and atas in unit:
        dilihat.add(atas)
        atas, nip = unit[atas]
        if nip:
            hasil.add(nip)
    return hasil


def boleh_atur_capaian(p: Principal, instansi_id: str, pimpinan_nip: str, di_atas: Collection[str]) -> None:
    """Capaian Kinerja Organisasi of a unor induk is set and finalised by the
    pimpinan of a unit above it, or admin instansi on their behalf; never by
    the induk's own head, whose rating hasil kerja it becomes
    (docs/domain.md#capaian-kinerja-organisasi)."""
    if p.nip and p.nip == pimpinan_nip:
        raise AksesDitolak(
            "Capaian kinerja organisasi unit yang Anda pimpin ditetapkan oleh pimpinan organisasi "
            "di atasnya atau admin instansi, bukan oleh Anda: capaian itu menjadi rating hasil kerja "
            "Anda."
        )
    if (p.punya(ADMIN_INSTANSI) and p.instansi_id == instansi_id) or (
        p.nip and p.instansi_id == instansi_id and p.nip in di_atas
    ):
        return
    raise AksesDitolak(
        "Capaian kinerja organisasi diatur oleh pimpinan organisasi di atas unit induk itu atau admin instansi."
    )


def boleh_lihat_kurva_induk(p: Principal, instansi_id: str, pimpinan_nip: str, di_atas: Collection[str]) -> None:
    """The curve of a whole unor induk: whoever may set its capaian, and its
    own pimpinan (who rates the unit's penilai)."""
    if p.nip and p.nip == pimpinan_nip and p.instansi_id == instansi_id:
        return
    boleh_atur_capaian(p, instansi_id, pimpinan_nip, di_atas)


def boleh_atur(p: Principal, instansi_id: str, pimpinan_nip: str, di_atas: Collection[str]) -> bool:
    try:
        boleh_atur_capaian(p, instansi_id, pimpinan_nip, di_atas)
    except AksesDitolak:
        return False
    return True
