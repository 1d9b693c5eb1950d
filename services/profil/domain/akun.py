"""Account rules: password policy, reset codes and attempt limits."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from services.shared.errors import TerlaluBanyak, TidakValid

PANJANG_MINIMAL = 8
# Every password field: argon2 of a megabyte costs the server, not the guesser.
PANJANG_MAKSIMAL = 128
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
    if len(password) > PANJANG_MAKSIMAL:
        raise TidakValid(field, f"maksimal {PANJANG_MAKSIMAL} karakter")
    if password.strip() != password or not password.isprintable():
        raise TidakValid(field, "tidak boleh diawali/diakhiri spasi atau berisi karakter kendali")
    if lama is not None and password == lama:
        raise TidakValid(field, "harus berbeda dari password lama")
    return password


def validate_password_masuk(password: str, field: str = "password") -> str:
    """A password to check (Login, password_lama): present and not longer than any password can be."""
    if not password:
        raise TidakValid(field, "wajib diisi")
    if len(password) > PANJANG_MAKSIMAL:
        raise TidakValid(field, f"maksimal {PANJANG_MAKSIMAL} karakter")
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
        tolak(apa, int(jendela.total_seconds()))


def tolak(apa: str, detik: int) -> None:
    raise TerlaluBanyak(f"Terlalu banyak {apa}. Silakan coba lagi dalam {lama(detik)}.", detik)


def lama(detik: int) -> str:
    """'45 detik', '2 menit' (rounded up: never earlier than the wait)."""
    return f"{detik} detik" if detik < 60 else f"{-(-detik // 60)} menit"


def jeda_login(gagal: int, batas: int, awal: int, jendela: int) -> int:
    """Seconds an (account, address) pair waits after its last failure: none
    below `batas` failures, then `awal`, doubling with each further one, never
    more than the window (by then the oldest failure no longer counts)."""
    if gagal < batas:
        return 0
    return min(awal * 2 ** min(gagal - batas, 32), jendela)


def samarkan_email(email: str) -> str:
    """What a helpdesk may see of an address: enough to tell the pegawai where
    to look ("s***@madiunkab.go.id"), not enough to write to it."""
    nama, _, domain = email.partition("@")
    return f"{nama[:1]}***@{domain}"
