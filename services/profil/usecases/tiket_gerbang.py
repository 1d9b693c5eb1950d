"""Tickets of the SSH gateway (AuthService/BuatTiketGerbang): profil sees every
SSH user's Login coming from the gateway's address, so the login limiter's
per-address count would be one bucket for all of them. The gateway, which
knows the SSH client's address, gets a ticket naming it just before its TUI
logs in; the Login carrying that ticket is counted against that address.

Single-use and bound to the login it was made for, so a ticket cannot name
an address for other Logins; short-lived, stored hashed."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import secrets

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.store.models import TiketGerbangRow
from services.shared.errors import AksesDitolak, TidakValid
from services.shared.principal import GERBANG_SSH, Principal

UMUR = dt.timedelta(seconds=60)
METADATA = "x-tiket-gerbang"


def _hash(tiket: str) -> str:
    return hashlib.sha256(tiket.encode()).hexdigest()


async def buat(s: AsyncSession, p: Principal, login: str, alamat: str, t: dt.datetime) -> tuple[str, dt.datetime]:
    if not p.punya(GERBANG_SSH):
        raise AksesDitolak("Hanya akun gerbang SSH yang dapat membuat tiket gerbang.")
    login = login.strip()
    if not login or len(login) > 64:
        raise TidakValid("login", "wajib diisi: NIP atau username, paling banyak 64 karakter")
    try:
        alamat = str(ipaddress.ip_address(alamat.strip()))
    except ValueError:
        raise TidakValid("alamat_klien", "bukan alamat IP (contoh: 203.0.113.7)") from None
    # Expired ones go here, where new ones are made: the table stays as small as the traffic of a minute.
    await s.execute(delete(TiketGerbangRow).where(TiketGerbangRow.kedaluwarsa < t))
    tiket = secrets.token_urlsafe(32)
    s.add(TiketGerbangRow(tiket_hash=_hash(tiket), login=login.lower(), alamat=alamat, kedaluwarsa=t + UMUR))
    return tiket, t + UMUR


async def tukar(s: AsyncSession, tiket: str, login: str, t: dt.datetime) -> str | None:
    """The address a valid ticket names for a Login of `login`, spending the
    ticket (one statement: two Logins with one ticket cannot both have it);
    None for anything else."""
    if not tiket or len(tiket) > 100 or not login:
        return None
    hasil = await s.execute(
        delete(TiketGerbangRow)
        .where(
            TiketGerbangRow.tiket_hash == _hash(tiket),
            TiketGerbangRow.login == login.strip().lower(),
            TiketGerbangRow.kedaluwarsa >= t,
        )
        .returning(TiketGerbangRow.alamat)
    )
    return hasil.scalar_one_or_none()
