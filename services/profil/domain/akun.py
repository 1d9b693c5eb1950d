"""Account rules: password policy, reset codes and attempt limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from services.shared.errors import TerlaluBanyak, TidakValid

PANJANG_MINIMAL = 8
KODE_DIGIT = 8
MAKS_SALAH_KODE = 5
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
PESAN_LUPA_PASSWORD = (
    "Jika NIP dan email sesuai dengan data kepegawaian, kode reset password telah dikirim ke email "
    "tersebut dan berlaku 15 menit. Jika email tidak sampai, silakan hubungi biro SDM/BKPSDM "
    "instansi masing-masing."
)


def validate_password_baru(password: str, lama: str | None = None, field: str = "password_baru") -> str:
    if len(password) < PANJANG_MINIMAL:
        raise TidakValid(field, f"minimal {PANJANG_MINIMAL} karakter")
    if len(password) > 256:
        raise TidakValid(field, "maksimal 256 karakter")
    if password.strip() != password or not password.isprintable():
        raise TidakValid(field, "tidak boleh diawali/diakhiri spasi atau berisi karakter kendali")
    if lama is not None and password == lama:
        raise TidakValid(field, "harus berbeda dari password lama")
    return password


def validate_email(email: str, field: str = "email") -> str:
    value = email.strip()
    if not EMAIL.match(value) or len(value) > 254:
        raise TidakValid(field, "bukan alamat email yang sah")
    return value.lower()


def kode_baru() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(KODE_DIGIT))


def hash_kode(kode: str, nip: str) -> str:
    # The code is short: it is guarded by the attempt limit, not by the hash.
    return hashlib.sha256(f"{nip}:{kode}".encode()).hexdigest()


def kode_cocok(kode: str, nip: str, tersimpan: str) -> bool:
    return hmac.compare_digest(hash_kode(kode, nip), tersimpan)


def batasi(jumlah: int, maksimum: int, jendela: dt.timedelta, apa: str) -> None:
    """Raises TerlaluBanyak when `jumlah` attempts in the window reached the limit."""
    if jumlah >= maksimum:
        menit = max(1, int(jendela.total_seconds() // 60))
        raise TerlaluBanyak(
            f"Terlalu banyak {apa}. Silakan coba lagi dalam {menit} menit.", int(jendela.total_seconds())
        )


def samarkan_email(email: str) -> str:
    """What a helpdesk may see of an address: enough to tell the pegawai where
    to look ("s***@madiunkab.go.id"), not enough to write to it."""
    nama, _, domain = email.partition("@")
    return f"{nama[:1]}***@{domain}"
