"""Who may do what on profil data. Pure functions of the caller and the target.

Another instansi's pegawai and units are answered exactly as ones that do
not exist (same code, same message): whether a NIP exists elsewhere is not
the caller's to learn (docs/keamanan.md)."""

from __future__ import annotations

from services.shared.errors import AksesDitolak, TidakDitemukan
from services.shared.principal import ADMIN_INSTANSI, LAYANAN, Principal

FIELD_PEGAWAI_SENDIRI = frozenset({"jabatan", "unor_id"})
FIELD_PENGELOLA = FIELD_PEGAWAI_SENDIRI | {"nama", "golongan_ruang", "email", "jenis_asn"}


def pegawai_tidak_ditemukan(nip: str) -> TidakDitemukan:
    return TidakDitemukan(f"Pegawai dengan NIP {nip} tidak ditemukan.")


def unor_tidak_ditemukan(unor_id: str) -> TidakDitemukan:
    return TidakDitemukan(f"Unit organisasi {unor_id} tidak ditemukan.")


def pegawai_terlihat(p: Principal, nip: str, instansi_id: str) -> None:
    """Oneself anywhere; others only within one's own instansi."""
    if p.nip != nip and p.instansi_id != instansi_id:
        raise pegawai_tidak_ditemukan(nip)


def unor_terlihat(p: Principal, unor_id: str, instansi_id: str) -> None:
    if p.instansi_id != instansi_id:
        raise unor_tidak_ditemukan(unor_id)


def boleh_baca_pegawai(p: Principal, nip: str, instansi_id: str) -> None:
    pegawai_terlihat(p, nip, instansi_id)
    if p.nip == nip or p.pengelola_instansi(instansi_id) or (p.punya(LAYANAN) and p.instansi_id == instansi_id):
        return
    raise AksesDitolak("Anda hanya dapat melihat profil Anda sendiri.")


def boleh_lihat_atasan(p: Principal, nip: str, instansi_id: str) -> None:
    """Who leads which unit is the instansi's org chart, which ListUnor already
    shows every member; a penilai needs it for Sinkronisasi SKP Bawahan."""
    if p.instansi_id != instansi_id:
        raise pegawai_tidak_ditemukan(nip)


def lihat_email(p: Principal, nip: str, instansi_id: str) -> bool:
    return p.nip == nip or p.pengelola_instansi(instansi_id)


def field_boleh_diubah(p: Principal, nip: str, instansi_id: str) -> frozenset[str]:
    pegawai_terlihat(p, nip, instansi_id)
    if p.pengelola_instansi(instansi_id):
        return FIELD_PENGELOLA
    if p.nip == nip:
        return FIELD_PEGAWAI_SENDIRI
    raise AksesDitolak("Anda hanya dapat mengubah profil Anda sendiri.")


def boleh_lihat_unor(p: Principal, unor_id: str, unor_sendiri: str | None, instansi_id: str) -> None:
    unor_terlihat(p, unor_id, instansi_id)
    if (
        unor_id == unor_sendiri
        or p.pengelola_instansi(instansi_id)
        or (p.punya(LAYANAN) and p.instansi_id == instansi_id)
    ):
        return
    raise AksesDitolak("Anda hanya dapat melihat pegawai pada unit kerja Anda sendiri.")


def boleh_cari(p: Principal) -> None:
    """Searching the instansi's pegawai (NIP, nama, jabatan, unit: the org
    chart ListUnor already shows every member) is also for pegawai: an atasan
    adds colleagues of other units to their Matriks Peran Hasil
    (docs/domain.md#matriks-peran-hasil)."""
    if not (p.pengelola_instansi(p.instansi_id) or p.punya(LAYANAN) or p.nip):
        raise AksesDitolak("Pencarian pegawai hanya untuk pegawai, admin instansi, helpdesk dan akun layanan.")


def boleh_kelola_penugasan(p: Principal, nip: str, instansi_id: str) -> None:
    """Admin/helpdesk register; the pegawai himself requests (and may end his
    own early). Whether it takes effect is the use case's (docs/domain.md#plt-dan-plh)."""
    pegawai_terlihat(p, nip, instansi_id)
    if p.nip == nip or p.pengelola_instansi(instansi_id):
        return
    raise AksesDitolak(
        "Penugasan PLT/PLH hanya dapat diajukan oleh pegawai yang bersangkutan atau didaftarkan admin/helpdesk."
    )


def boleh_putuskan_penugasan(p: Principal, instansi_id: str) -> None:
    if not p.pengelola_instansi(instansi_id):
        raise AksesDitolak("Penugasan PLT/PLH didaftarkan dan diputus oleh admin instansi atau helpdesk.")


def boleh_ganti_pimpinan(p: Principal, instansi_id: str) -> None:
    if not p.pengelola_instansi(instansi_id):
        raise AksesDitolak("Mengganti pimpinan unit kerja hanya dapat dilakukan admin instansi atau helpdesk.")


def dalam_instansi(p: Principal, instansi_id: str) -> None:
    if p.instansi_id != instansi_id:
        raise AksesDitolak("Data ini milik instansi lain.")


def boleh_putuskan_klaim(p: Principal, instansi_id: str) -> None:
    if not p.pengelola_instansi(instansi_id):
        raise AksesDitolak("Klaim pimpinan yang menunggu diperiksa dan diputus oleh admin instansi atau helpdesk.")


def boleh_atur_penilai_eksternal(p: Principal, nip: str, instansi_id: str) -> None:
    """Only the admin instansi records a penilai eksternal: he then acts for
    that penilai (docs/domain.md#penentuan-atasan)."""
    pegawai_terlihat(p, nip, instansi_id)
    if not (p.punya(ADMIN_INSTANSI) and p.instansi_id == instansi_id):
        raise AksesDitolak("Penilai eksternal hanya dapat dicatat oleh admin instansi.")
