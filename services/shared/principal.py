"""Who is calling: the verified content of a bearer token."""

from __future__ import annotations

import contextvars
import time
from dataclasses import dataclass, field

from services.shared.errors import BelumMasuk

PEGAWAI = "pegawai"
ADMIN_INSTANSI = "admin_instansi"
HELPDESK = "helpdesk"
LAYANAN = "layanan"  # service account: another system calling the API (reads its own instansi)
GERBANG_SSH = "gerbang_ssh"  # the SSH gateway's account (gerbang_ssh/, deploy/ssh.md)
SEMUA_PERAN = (PEGAWAI, ADMIN_INSTANSI, HELPDESK, LAYANAN, GERBANG_SSH)
# Accounts of machines, not people: they log in only from their allowed
# source (EKINERJA_LAYANAN_ALAMAT or a client certificate; batas_login.py).
PERAN_SISTEM = frozenset({LAYANAN, GERBANG_SSH})

# All the SSH gateway's account may call; every service's boundary refuses it
# anything else. Its password sits on the gateway machine: it must not read
# any pegawai. Only it may call CariKunciSsh and BuatTiketGerbang.
RPC_GERBANG_SSH = frozenset(
    f"/ekinerja.profil.v1.AuthService/{m}"
    for m in ("CariKunciSsh", "BuatTiketGerbang", "Logout", "LogoutSemua", "CekSesi", "UbahPassword")
)


@dataclass(frozen=True)
class Principal:
    akun_id: str
    sesi_id: str
    nip: str | None
    username: str | None
    peran: frozenset[str]
    instansi_id: str
    nama: str = ""
    # The bearer token itself: a service calling another on this caller's
    # behalf forwards it, so the callee checks the same person's rights.
    token: str = field(default="", repr=False, compare=False)

    @property
    def kunci(self) -> str:
        """Stable id for idempotency records and logs (never the NIP)."""
        return self.akun_id

    @property
    def login(self) -> str:
        """What the person signs in with: NIP, or username without one."""
        return self.nip or self.username or self.akun_id

    def punya(self, *peran: str) -> bool:
        return bool(self.peran.intersection(peran))

    def pengelola_instansi(self, instansi_id: str) -> bool:
        """Admin instansi or helpdesk of that instansi."""
        return self.instansi_id == instansi_id and self.punya(ADMIN_INSTANSI, HELPDESK)


_current: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("principal", default=None)


def set_current(principal: Principal | None) -> contextvars.Token[Principal | None]:
    return _current.set(principal)


def current() -> Principal:
    principal = _current.get()
    if principal is None:
        raise BelumMasuk("Silakan masuk (login) terlebih dahulu.")
    return principal


def current_or_none() -> Principal | None:
    return _current.get()


_alamat: contextvars.ContextVar[str] = contextvars.ContextVar("alamat_klien", default="")


def set_alamat(alamat: str) -> None:
    _alamat.set(alamat)


def alamat_klien() -> str:
    """The client's network address (behind a trusted proxy, the one it names), or ""."""
    return _alamat.get()


# When the caller's deadline falls (time.monotonic()), if they set one: calls
# this service makes on their behalf must not outlive it.
_tenggat: contextvars.ContextVar[float | None] = contextvars.ContextVar("tenggat", default=None)


def set_tenggat(detik_tersisa: float | None) -> None:
    _tenggat.set(None if detik_tersisa is None else time.monotonic() + detik_tersisa)


def sisa_waktu() -> float | None:
    """Seconds left before the caller's deadline, or None without one."""
    tenggat = _tenggat.get()
    return None if tenggat is None else tenggat - time.monotonic()
