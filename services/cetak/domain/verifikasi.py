"""The verification code every printed document carries (docs/cetak.md,
"Verifikasi"): printed in words and as a QR at the foot of each page and
kept in the PDF's keywords, so that VerifikasiDokumen finds the print
record even when the file was changed (or signed again) after printing.

Twelve characters of Crockford's base32 (no I, L, O, U: nothing to misread
when typed from paper), 60 random bits: not guessable, short to type."""

from __future__ import annotations

import re
import secrets
from dataclasses import replace

from services.cetak.domain.isi import Dokumen

_ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KATA_KUNCI = "ekinerja-verifikasi:"  # before the code in the PDF keywords and the QR
_POLA = re.compile(r"ekinerja-verifikasi:([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})")
BELUM = "(diberikan saat dicetak)"


def kode_baru() -> str:
    k = "".join(secrets.choice(_ALFABET) for _ in range(12))
    return f"{k[:4]}-{k[4:8]}-{k[8:]}"


def kalimat(kode: str) -> str:
    return f"Kode verifikasi: {kode} — keaslian dokumen ini dapat diperiksa di e-Kinerja, menu Verifikasi Dokumen."


def tandai(d: Dokumen, kode: str) -> Dokumen:
    return replace(d, kode=kode, verifikasi=kalimat(kode))


def tanpa_kode(d: Dokumen) -> Dokumen:
    """For the preview: the code is drawn when the document is printed."""
    return replace(d, kode="", verifikasi=kalimat(BELUM)) if d.kode else d


def dari_kata_kunci(kata_kunci: str) -> str:
    """The code in a PDF's keywords, or ""."""
    m = _POLA.search(kata_kunci or "")
    return m.group(1) if m else ""


def sah(utuh: bool, tepercaya: bool, berubah: bool) -> bool:
    """A signature vouches for the file: its bytes intact, its certificate
    trusted, nothing changed after it but more signatures."""
    return utuh and tepercaya and not berubah


def keterangan_tanda_tangan(utuh: bool, tepercaya: bool, berubah: bool, bercap_waktu: bool = False) -> str:
    cap = " Waktunya dari cap waktu TSA tepercaya." if bercap_waktu else ""
    return _keterangan(utuh, tepercaya, berubah) + cap


def _keterangan(utuh: bool, tepercaya: bool, berubah: bool) -> str:
    if not utuh:
        return "TIDAK SAH: isi yang ditandatangani telah diubah atau tanda tangan rusak."
    if berubah:
        return "TIDAK SAH: berkas diubah setelah ditandatangani."
    if not tepercaya:
        return "Utuh, tetapi sertifikat penanda tangan tidak diterbitkan CA yang dipercaya server ini."
    return "SAH: utuh, tidak diubah setelah ditandatangani, sertifikat dipercaya."


def kesimpulan(jumlah_ttd: int, ttd_sah: int, tercatat: bool, sama: bool, kode: str, waktu_cetak: str) -> str:
    """One sentence or two a person reads first (the details follow it)."""
    if tercatat and sama:
        asal = f"Berkas ini persis dokumen yang dicetak e-Kinerja pada {waktu_cetak}."
    elif tercatat:
        asal = (
            f"Dokumen dengan kode {kode} dicetak e-Kinerja pada {waktu_cetak}, tetapi berkas ini tidak sama "
            "dengan yang diserahkan saat itu (diubah atau ditandatangani lagi di luar e-Kinerja)."
        )
    elif kode:
        asal = f"Kode {kode} tidak tercatat di e-Kinerja ini: dokumen tidak berasal dari sini."
    else:
        asal = "Tidak ada catatan cetak e-Kinerja untuk berkas ini."
    if jumlah_ttd == 0:
        return f"{asal} Berkas tidak bertanda tangan elektronik."
    if ttd_sah == jumlah_ttd:
        return f"{asal} Semua tanda tangan elektronik ({jumlah_ttd}) sah."
    return f"{asal} PERHATIAN: {jumlah_ttd - ttd_sah} dari {jumlah_ttd} tanda tangan elektronik tidak sah."
