"""Klaim Pimpinan Unit Kerja (docs/domain.md#klaim-pimpinan)."""

from __future__ import annotations

from services.profil.domain.organisasi import Unor
from services.shared.errors import KondisiTidakTerpenuhi


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def klaim_berakhir(unor_lama: str, jabatan_lama: str, unor_baru: str, jabatan_baru: str) -> bool:
    """A pimpinan who moves to another unit or takes another jabatan no longer
    heads the unit (docs/domain.md#klaim-pimpinan). Letter case and spacing alone change nothing."""
    return unor_lama != unor_baru or _normal(jabatan_lama) != _normal(jabatan_baru)


def cek_klaim(unor: Unor, nip: str, jabatan: str, nama_pimpinan_sekarang: str | None, ganti: bool,
              sendiri: bool = True) -> bool:
    """Returns False when the claimant already leads the unit (nothing to do).
    `sendiri`: the claimant asks themself (else admin/helpdesk for them)."""
    if unor.pimpinan_nip == nip:
        return False
    if not unor.jabatan_pimpinan.strip():
        raise KondisiTidakTerpenuhi(
            f"Jabatan pimpinan {unor.nama} belum tercatat. Hubungi admin instansi/BKPSDM."
        )
    if _normal(jabatan) != _normal(unor.jabatan_pimpinan):
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
