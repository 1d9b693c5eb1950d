"""Klaim Pimpinan Unit Kerja (manual chapter 3)."""

from __future__ import annotations

from services.profil.domain.organisasi import Unor
from services.shared.errors import KondisiTidakTerpenuhi


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def cek_klaim(unor: Unor, nip: str, jabatan: str, nama_pimpinan_sekarang: str | None, ganti: bool) -> bool:
    """Returns False when the claimant already leads the unit (nothing to do)."""
    if unor.pimpinan_nip == nip:
        return False
    if not unor.jabatan_pimpinan.strip():
        raise KondisiTidakTerpenuhi(
            f"Jabatan pimpinan {unor.nama} belum tercatat. Hubungi admin instansi/BKPSDM."
        )
    if _normal(jabatan) != _normal(unor.jabatan_pimpinan):
        raise KondisiTidakTerpenuhi(
            f"Jabatan Anda ({jabatan}) bukan jabatan pimpinan {unor.nama} ({unor.jabatan_pimpinan}). "
            "Perbaiki jabatan melalui Edit Profil terlebih dahulu."
        )
    if unor.pimpinan_nip and not ganti:
        raise KondisiTidakTerpenuhi(
            f"{unor.nama} sudah memiliki pimpinan ({nama_pimpinan_sekarang or unor.pimpinan_nip}). "
            "Penggantian pimpinan dilakukan oleh admin instansi atau helpdesk BKPSDM."
        )
    return True
