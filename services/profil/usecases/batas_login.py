"""The login limiter, for Login and UbahPassword's password_lama alike.

Every password check is first reserved as a failed attempt, in a transaction
of its own that takes the account's turn (services/shared/giliran.py), counts
and records: simultaneous guesses are counted one after another, so no more
of them reach argon2 than the limits allow. A check that succeeds takes its
reservation back.

The limits, in the window login_jendela_detik:
- (account, client address): after login_max_gagal failures that pair waits
  login_jeda_awal_detik, twice as long after each further one. A guesser
  slows down himself, not the pegawai at her own desk.
- account, from all addresses: login_max_gagal_akun, much higher; guessing
  from many addresses at once stops there.
- client address, whatever account (password spraying): login_max_gagal_alamat.
- service accounts (peran layanan): only from settings.layanan_alamat, or with
  a client certificate when mutual TLS is on; from elsewhere the password is
  never checked (a dummy hash is, for the same time), and such failures
  count neither for the account nor for the allowed source.

Then argon2 runs on a pool of login_argon2_maks threads, at most
login_argon2_maks_akun at once for one account and login_argon2_maks_alamat
for one address (more wait their turn; the limits above bound how many can).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import ipaddress
import math
import os
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain import akun as rules
from services.profil.passwords import hash_password, verify_password
from services.profil.store import repository as repo
from services.profil.store.models import AkunRow, giliran
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.giliran import ambil as ambil_giliran
from services.shared.principal import PERAN_SISTEM

PERCOBAAN_PESAN = 3  # a racing first insert of a turn row fails once; then the row exists


@dataclass(frozen=True)
class Pesanan:
    """A reserved attempt: what `berhasil` takes back."""

    ids: list[int]
    pasangan: str


def kunci_giliran(kunci: str) -> str:
    """Turn keys are at most 100 characters; a long one (an email address) is hashed."""
    return kunci if len(kunci) <= 90 else f"{kunci[:20]}#{hashlib.sha256(kunci.encode()).hexdigest()[:40]}"


class _Antrean:
    """At most `maks` at once per key; the rest wait in order."""

    def __init__(self, maks: int) -> None:
        self._maks = maks
        self._kunci: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @contextlib.asynccontextmanager
    async def giliran(self, kunci: str) -> AsyncIterator[None]:
        sem, n = self._kunci.get(kunci) or (asyncio.Semaphore(self._maks), 0)
        self._kunci[kunci] = (sem, n + 1)
        try:
            async with sem:
                yield
        finally:
            sem, n = self._kunci[kunci]
            if n == 1:
                del self._kunci[kunci]
            else:
                self._kunci[kunci] = (sem, n - 1)


def _prioritas_rendah(nice: int) -> None:
    """An argon2 thread yields the CPU to the event loop: a login storm kept
    every core busy with hashes and other RPCs waited behind them (p99 in
    seconds). With a higher nice the scheduler gives the loop its turn first
    and the hashes the rest; they still run whenever the loop idles. Linux
    sets it per thread (the thread id as PRIO_PROCESS); elsewhere nothing."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)


class BatasLogin:
    def __init__(self, settings: Settings) -> None:
        self._s = settings
        # Its size is the global cap: a call whose client gave up still
        # finishes its argon2 on these threads, never beside them.
        self._argon2 = ThreadPoolExecutor(
            settings.login_argon2_maks,
            thread_name_prefix="argon2",
            initializer=_prioritas_rendah,
            initargs=(settings.login_argon2_nice,),
        )
        self._per_akun = _Antrean(settings.login_argon2_maks_akun)
        self._per_alamat = _Antrean(settings.login_argon2_maks_alamat)
        self._layanan = [ipaddress.ip_network(x, strict=False) for x in settings.layanan_alamat]

    def tutup(self) -> None:
        self._argon2.shutdown(wait=False)

    async def hash(self, password: str) -> str:
        return await hash_password(password, self._argon2)

    def layanan_boleh(self, alamat: str, bersertifikat: bool) -> bool:
        if bersertifikat and self._s.tls_klien_wajib:
            return True
        try:
            ip = ipaddress.ip_address(alamat)
        except ValueError:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped  # a dual-stack listener sees 127.0.0.1 as ::ffff:127.0.0.1
        return any(ip in jaringan for jaringan in self._layanan)

    async def periksa(
        self, db: Database, akun: AkunRow | None, login: str, alamat: str, password: str, bersertifikat: bool
    ) -> tuple[bool, Pesanan]:
        """Reserves the attempt, then checks the password. Raises TerlaluBanyak
        before any check when a limit is reached."""
        # Service accounts and the SSH gateway's: machines at known addresses.
        layanan = akun is not None and not PERAN_SISTEM.isdisjoint(akun.peran.split(","))
        dari_luar = layanan and not self.layanan_boleh(alamat, bersertifikat)
        kunci = f"login:{akun.id if akun is not None else login}"
        pasangan = f"{kunci}@{alamat}"
        # A service account from its allowed source is limited by that pair
        # alone: nobody elsewhere can use up its attempts. Attempts from
        # elsewhere take turns of their own, so they never hold it up either.
        per_akun = None if layanan else kunci
        per_alamat = f"login-alamat:{alamat}" if alamat and (dari_luar or not layanan) else None
        giliran_akun = pasangan if dari_luar else kunci
        ids = await self._pesan(db, giliran_akun, per_akun, pasangan, per_alamat)
        async with self._per_akun.giliran(giliran_akun), self._per_alamat.giliran(per_alamat or pasangan):
            ok = await verify_password(
                None if dari_luar or akun is None else akun.password_hash, password, self._argon2
            )
        return ok and not dari_luar, Pesanan(ids, pasangan)

    async def berhasil(self, s: AsyncSession, pesanan: Pesanan) -> None:
        """The password was right: this attempt and the pair's failures no longer count."""
        await repo.hapus_percobaan(s, pesanan.pasangan, pesanan.ids)

    async def _pesan(
        self, db: Database, kunci: str, per_akun: str | None, pasangan: str, per_alamat: str | None
    ) -> list[int]:
        for percobaan in range(1, PERCOBAAN_PESAN + 1):
            try:
                async with db.transaction() as s:
                    return await self._pesan_dalam(s, kunci, per_akun, pasangan, per_alamat)
            except IntegrityError:
                if percobaan == PERCOBAAN_PESAN:
                    raise
        raise AssertionError("unreachable")

    async def _pesan_dalam(
        self, s: AsyncSession, kunci: str, per_akun: str | None, pasangan: str, per_alamat: str | None
    ) -> list[int]:
        # Always the account's turn first, then the address's: two attempts
        # never wait on each other's second turn (no deadlock).
        await ambil_giliran(s, giliran, kunci_giliran(kunci))
        if per_alamat:
            await ambil_giliran(s, giliran, kunci_giliran(per_alamat))
        t = dt.datetime.now(dt.UTC)
        detik = self._s.login_jendela_detik
        jendela = dt.timedelta(seconds=detik)
        if per_akun:
            rules.batasi(
                await repo.hitung_percobaan(s, per_akun, t - jendela),
                self._s.login_max_gagal_akun,
                jendela,
                "percobaan masuk yang gagal untuk akun ini",
            )
        gagal, terakhir = await repo.percobaan_terakhir(s, pasangan, t - jendela)
        jeda = rules.jeda_login(gagal, self._s.login_max_gagal, self._s.login_jeda_awal_detik, detik)
        if jeda and terakhir is not None:
            sisa = (terakhir + dt.timedelta(seconds=jeda) - t).total_seconds()
            if sisa > 0:
                rules.tolak("percobaan masuk yang gagal", max(1, math.ceil(sisa)))
        if per_alamat:
            rules.batasi(
                await repo.hitung_percobaan(s, per_alamat, t - jendela),
                self._s.login_max_gagal_alamat,
                jendela,
                "percobaan masuk yang gagal dari alamat jaringan Anda",
            )
        return await repo.catat_percobaan(s, [k for k in (per_akun, pasangan, per_alamat) if k], t)
