"""Klaim Pimpinan Unit Kerja (docs/domain.md#klaim-pimpinan)."""

from __future__ import annotations

import re

from services.profil.domain.organisasi import Unor
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

# The states of a claim (docs/domain.md#klaim-pimpinan). Only a MENUNGGU claim
# is decided; the others are history.
MENUNGGU = "MENUNGGU"
DISETUJUI = "DISETUJUI"
DITOLAK = "DITOLAK"
BATAL = "BATAL"  # the claimant's unit or jabatan changed while it waited
STATUS = (MENUNGGU, DISETUJUI, DITOLAK, BATAL)

# Units a jabatan fungsional heads as an extra duty (tugas tambahan): schools
# and puskesmas, recognised by the unit's name or jabatan pimpinan.
_UNIT_TUGAS_TAMBAHAN = re.compile(r"\b(sekolah|sd|sdn|smp|smpn|sma|sman|smk|smkn|slb|tk|tkn|paud|puskesmas)\b")
# A jabatan fungsional: guru, dokter, or a JF level ("Ahli Muda", "Terampil").
_JABATAN_FUNGSIONAL = re.compile(
    r"\b(guru|dokter|dokter gigi|bidan|perawat|ahli (pertama|muda|madya|utama)|terampil|mahir|penyelia|pemula)\b"
)

ALASAN_TUGAS_TAMBAHAN = (
    "klaim sebagai kepala sekolah/puskesmas (jabatan fungsional dengan tugas tambahan) belum tercatat di data master"
)
ALASAN_DATA_SENDIRI = "unit kerja atau jabatan diubah sendiri lewat Edit Profil, belum dari data master"


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def klaim_berakhir(unor_lama: str, jabatan_lama: str, unor_baru: str, jabatan_baru: str) -> bool:
    """A pimpinan who moves to another unit or takes another jabatan no longer
    heads the unit (docs/domain.md#klaim-pimpinan). Letter case and spacing alone change nothing."""
    return unor_lama != unor_baru or _normal(jabatan_lama) != _normal(jabatan_baru)


def jabatan_sama(jabatan: str, jabatan_pimpinan: str) -> bool:
    return _normal(jabatan) == _normal(jabatan_pimpinan)


def tugas_tambahan(unor: Unor, jabatan: str) -> bool:
    """Kepala sekolah/puskesmas: a jabatan fungsional ("Guru Ahli Madya")
    heading a school or puskesmas as an extra duty (docs/domain.md#klaim-pimpinan)."""
    return bool(
        _UNIT_TUGAS_TAMBAHAN.search(_normal(f"{unor.nama} {unor.jabatan_pimpinan}"))
        and _JABATAN_FUNGSIONAL.search(_normal(jabatan))
    )


def cek_klaim(
    unor: Unor, nip: str, jabatan: str, nama_pimpinan_sekarang: str | None, ganti: bool, sendiri: bool = True
) -> bool:
    """Returns False when the claimant already leads the unit (nothing to do).
    `sendiri`: the claimant asks themself (else admin/helpdesk for them)."""
    if unor.pimpinan_nip == nip:
        return False
    if not unor.jabatan_pimpinan.strip():
        raise KondisiTidakTerpenuhi(f"Jabatan pimpinan {unor.nama} belum tercatat. Hubungi admin instansi/BKPSDM.")
    if not jabatan_sama(jabatan, unor.jabatan_pimpinan) and not tugas_tambahan(unor, jabatan):
        raise KondisiTidakTerpenuhi(
            f"Jabatan {'Anda' if sendiri else 'pegawai ini'} ({jabatan}) bukan jabatan pimpinan {unor.nama} "
            f"({unor.jabatan_pimpinan}). Perbaiki jabatan melalui Edit Profil terlebih dahulu."
        )
    if unor.pimpinan_nip and not ganti:
        raise KondisiTidakTerpenuhi(
            f"{unor.nama} sudah memiliki pimpinan ({nama_pimpinan_sekarang or unor.pimpinan_nip}). "
            "Penggantian pimpinan dilakukan oleh admin instansi atau helpdesk BKPSDM."
        )
    return True


def alasan_menunggu(unor: Unor, jabatan: str, sendiri: bool, data_sendiri: bool) -> str | None:
    """Why a claim waits for admin/helpdesk verification, or None when it takes
    effect at once (docs/domain.md#klaim-pimpinan): a claim is authority over
    the whole unit, so one the pegawai makes on data he set himself grants
    nothing until confirmed. Admin/helpdesk claiming for him is the confirmation."""
    if not sendiri:
        return None
    if not jabatan_sama(jabatan, unor.jabatan_pimpinan):
        return ALASAN_TUGAS_TAMBAHAN
    if data_sendiri:
        return ALASAN_DATA_SENDIRI
    return None


def cek_keputusan(setujui: bool, alasan: str) -> None:
    """A refusal says why: the claimant reads it."""
    if not setujui and not alasan.strip():
        raise TidakValid("alasan", "wajib diisi saat menolak: pegawai perlu tahu alasannya")
