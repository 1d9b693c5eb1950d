"""Who may do what on profil data. Pure functions of the caller and the target."""

from __future__ import annotations

from services.shared.errors import AksesDitolak
from services.shared.principal import LAYANAN, Principal

FIELD_PEGAWAI_SENDIRI = frozenset({"jabatan", "unor_id"})
FIELD_PENGELOLA = FIELD_PEGAWAI_SENDIRI | {"nama", "golongan_ruang", "email", "jenis_asn"}


def boleh_baca_pegawai(p: Principal, nip: str, instansi_id: str) -> None:
    if p.nip == nip or p.pengelola_instansi(instansi_id) or (p.punya(LAYANAN) and p.instansi_id == instansi_id):
        return
    raise AksesDitolak("Anda hanya dapat melihat profil Anda sendiri.")


def boleh_lihat_atasan(p: Principal, instansi_id: str) -> None:
    """Who leads which unit is the instansi's org chart, which ListUnor already
    shows every member; a penilai needs it for Sinkronisasi SKP Bawahan."""
    if p.instansi_id != instansi_id:
        raise AksesDitolak("Data atasan pegawai instansi lain tidak dapat dilihat.")


def lihat_email(p: Principal, nip: str, instansi_id: str) -> bool:
    return p.nip == nip or p.pengelola_instansi(instansi_id)


def field_boleh_diubah(p: Principal, nip: str, instansi_id: str) -> frozenset[str]:
    if p.pengelola_instansi(instansi_id):
        return FIELD_PENGELOLA
    if p.nip == nip:
        return FIELD_PEGAWAI_SENDIRI
    raise AksesDitolak("Anda hanya dapat mengubah profil Anda sendiri.")


def boleh_lihat_unor(p: Principal, unor_id: str, unor_sendiri: str | None, instansi_id: str) -> None:
    if unor_id == unor_sendiri or p.pengelola_instansi(instansi_id) or (
        p.punya(LAYANAN) and p.instansi_id == instansi_id
    ):
        return
    raise AksesDitolak("Anda hanya dapat melihat pegawai pada unit kerja Anda sendiri.")


def boleh_cari(p: Principal) -> None:
    if not (p.pengelola_instansi(p.instansi_id) or p.punya(LAYANAN)):
        raise AksesDitolak("Pencarian pegawai hanya untuk admin instansi, helpdesk dan akun layanan.")


def boleh_kelola_penugasan(p: Principal, nip: str, instansi_id: str) -> None:
    if p.nip == nip or p.pengelola_instansi(instansi_id):
        return
    raise AksesDitolak("Penugasan PLT/PLH hanya dapat diatur oleh pegawai yang bersangkutan atau admin/helpdesk.")


def boleh_ganti_pimpinan(p: Principal, instansi_id: str) -> None:
    if not p.pengelola_instansi(instansi_id):
        raise AksesDitolak("Mengganti pimpinan unit kerja hanya dapat dilakukan admin instansi atau helpdesk.")


def dalam_instansi(p: Principal, instansi_id: str) -> None:
    if p.instansi_id != instansi_id:
        raise AksesDitolak("Data ini milik instansi lain.")
