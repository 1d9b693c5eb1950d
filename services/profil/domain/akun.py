"""Account rules: password policy, reset codes and attempt limits."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from importlib import resources

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


def validate_password_baru(
    password: str, lama: str | None = None, field: str = "password_baru", *, pribadi: Iterable[str] = ()
) -> str:
    """The rules for every new password. `pribadi`: the NIP, name and
    username of the account, which a password must not be built from."""
    if len(password) < PANJANG_MINIMAL:
        raise TidakValid(field, f"minimal {PANJANG_MINIMAL} karakter")
    if len(password) > PANJANG_MAKSIMAL:
        raise TidakValid(field, f"maksimal {PANJANG_MAKSIMAL} karakter")
    if password.strip() != password or not password.isprintable():
        raise TidakValid(field, "tidak boleh diawali/diakhiri spasi atau berisi karakter kendali")
    if lama is not None and password == lama:
        raise TidakValid(field, "harus berbeda dari password lama")
    if password.casefold() in _password_umum() or _inti(password) in _password_umum():
        raise TidakValid(
            field,
            "terlalu umum dan mudah ditebak (termasuk daftar password yang paling sering "
            "dipakai); pilih gabungan kata yang hanya Anda ketahui",
        )
    _bukan_data_pribadi(password, [x for x in pribadi if x], field)
    return password


@functools.cache
def _password_umum() -> frozenset[str]:
    """Django's list of 19,640 common passwords (data/LICENSE-common-passwords.txt),
    lower case, read once."""
    mentah = resources.files(__package__).joinpath("data/common-passwords.txt.gz").read_bytes()
    return frozenset(baris.strip() for baris in gzip.decompress(mentah).decode().splitlines() if baris.strip())


def _inti(teks: str) -> str:
    """Letters and digits only, lower case: "Sutikno_1969!" → "sutikno1969"."""
    return "".join(ch for ch in teks.casefold() if ch.isalnum())


def _bukan_data_pribadi(password: str, pribadi: list[str], field: str) -> None:
    inti = _inti(password)
    for nip in (_inti(x) for x in pribadi):
        if not nip.isdigit() or len(nip) < 8:
            continue
        # A NIP begins with the birth date and the TMT: six digits of it or
        # more, forwards or backwards, are guessed by whoever knows the NIP.
        for angka in re.findall(r"\d{6,}", inti):
            if any(angka[i : i + 6] in nip or angka[i : i + 6] in nip[::-1] for i in range(len(angka) - 5)):
                raise TidakValid(field, "tidak boleh memuat NIP Anda atau bagiannya (misalnya tanggal lahir)")
    sisa = inti
    kata = {
        w
        for x in pribadi
        if not _inti(x).isdigit()
        for w in [_inti(x), *map(_inti, re.split(r"[\s.,_'-]+", x))]
        if len(w) >= 4
    }
    for w in sorted(kata, key=len, reverse=True):
        sisa = sisa.replace(w, "").replace(w[::-1], "")
    # The name with a little added ("sutikno2024", "Endang.Sumarsih!") is
    # the first guess of anyone who knows the person.
    if sisa != inti and (len(sisa) < PANJANG_MINIMAL or sisa in _password_umum()):
        raise TidakValid(field, "tidak boleh berupa nama atau username Anda, atau nama dengan sedikit tambahan")


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


def hash_kode(kode: str, nip: str, kunci: bytes) -> str:
    """HMAC-SHA256 under a key of the server's (`kunci`, never stored beside
    the codes): eight digits are 10^8 guesses, so a plain hash read from the
    database or a backup gives the code in a minute; without the key it
    gives nothing. Online guessing is stopped by the attempt limit."""
    return hmac.new(kunci, f"{nip}:{kode}".encode(), hashlib.sha256).hexdigest()


def kode_cocok(kode: str, nip: str, tersimpan: str, kunci: bytes) -> bool:
    return hmac.compare_digest(hash_kode(kode, nip, kunci), tersimpan)


def kode_ke_email_baru_ditahan(
    email_diubah: dt.datetime | None, tunggu: dt.timedelta, sekarang: dt.datetime
) -> dt.datetime | None:
    """Until when no reset code may go to an address set at `email_diubah`
    (None: it may now). Whoever changed the address must not be able to
    send himself a code at once; meanwhile the old address has been told."""
    if email_diubah is None or sekarang >= email_diubah + tunggu:
        return None
    return email_diubah + tunggu


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
    return min(awal * int(2 ** min(gagal - batas, 32)), jendela)


def samarkan_email(email: str) -> str:
    """What a helpdesk may see of an address: enough to tell the pegawai where
    to look ("s***@madiunkab.go.id"), not enough to write to it."""
    nama, _, domain = email.partition("@")
    return f"{nama[:1]}***@{domain}"
