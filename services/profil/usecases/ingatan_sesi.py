"""profil's own answer to "has this token's session ended?", remembered per
session for `sesi_cek_detik` seconds: asking the database on every RPC was
a query per call in the embedded default.

The window is the one other services already have (services/shared/sesi.py):
a session ended by another process (another worker of `ekinerja serve`,
another replica, the `ekinerja akun` command) is refused here within that
many seconds. One ended by THIS process is refused at once: Logout,
LogoutSemua, UbahPassword and ResetPassword forget the account's remembered
answers when their transaction commits (`lupakan_setelah_commit`).

A check whose database read was under way while something was forgotten
does not store its answer (the generation counter): it may have read the
session before the commit, and would otherwise remember it active.

Processes sharing a data directory (the workers of one `ekinerja serve`)
learn it at once too: whoever forgets also appends a byte to the stamp file
`tanda`, and every check first looks at that file's size and time (one
stat, ~1 µs) and forgets everything when they changed. Processes on other
machines have their own data directory, hence the window."""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import structlog
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import metrik
from services.shared.principal import Principal

log = structlog.get_logger("ekinerja.profil.sesi")
MAKS_INGATAN = 100_000  # sessions remembered at once; beyond it the oldest are forgotten
UKURAN_TANDA = 4096  # bytes of the stamp file before it starts again
TANDA_SESI = "sesi-berakhir.tanda"  # the stamp's name in the data directory


def sentuh_tanda(tanda: Path) -> None:
    """Tells the processes on this data directory that a session ended.
    Appended, so the size changes even where mtime is coarse; started again
    once it grows past a page."""
    try:
        besar = tanda.stat().st_size if tanda.exists() else 0
        with open(tanda, "w" if besar >= UKURAN_TANDA else "a") as f:
            f.write(".")
    except OSError:
        log.warning("sesi.tanda_gagal_ditulis", berkas=str(tanda))


class IngatanSesi:
    def __init__(
        self, tanya: Callable[[Principal], Awaitable[bool]], ttl_detik: float, tanda: Path | None = None
    ) -> None:
        self._tanya = tanya
        self._ttl = ttl_detik
        self._tanda = tanda
        self._tanda_dilihat = self._baca_tanda()
        self._ingat: dict[str, tuple[bool, float, str]] = {}  # sesi id → (aktif, until monotonic, akun id)
        self._per_akun: dict[str, set[str]] = {}  # akun id → its remembered sesi ids
        self._generasi = 0  # +1 whenever something is forgotten

    async def __call__(self, p: Principal) -> bool:
        if self._tanda is not None:
            tanda = self._baca_tanda()
            if tanda != self._tanda_dilihat:  # another process ended a session
                self._tanda_dilihat = tanda
                self._lupakan_semua()
        ingat = self._ingat.get(p.sesi_id)
        if ingat is not None and ingat[1] > time.monotonic():
            metrik.cache_sesi(hit=True)
            return ingat[0]
        metrik.cache_sesi(hit=False)
        generasi = self._generasi
        aktif = await self._tanya(p)
        if self._ttl > 0 and generasi == self._generasi:
            self._simpan(p, aktif)
        return aktif

    async def segar(self, p: Principal) -> bool:
        """Asks now, whatever is remembered (CekSesi: its callers remember it)."""
        return await self._tanya(p)

    def _simpan(self, p: Principal, aktif: bool) -> None:
        sekarang = time.monotonic()
        if len(self._ingat) >= MAKS_INGATAN:
            self._ingat = {k: v for k, v in self._ingat.items() if v[1] > sekarang}
            while len(self._ingat) >= MAKS_INGATAN:  # all fresh: the oldest go (dicts keep insertion order)
                self._ingat.pop(next(iter(self._ingat)))
            self._per_akun = {}
            for sesi_id, (_, _, akun_id) in self._ingat.items():
                self._per_akun.setdefault(akun_id, set()).add(sesi_id)
        self._ingat.pop(p.sesi_id, None)  # re-inserted at the end: the newest
        self._ingat[p.sesi_id] = (aktif, sekarang + self._ttl, p.akun_id)
        self._per_akun.setdefault(p.akun_id, set()).add(p.sesi_id)

    def lupakan_akun(self, akun_id: str) -> None:
        """Every remembered session of the account is asked again next time,
        here and (the stamp) in the processes sharing the data directory."""
        self._generasi += 1
        for sesi_id in self._per_akun.pop(akun_id, ()):
            self._ingat.pop(sesi_id, None)
        if self._tanda is not None:
            sentuh_tanda(self._tanda)
            self._tanda_dilihat = self._baca_tanda()

    def _lupakan_semua(self) -> None:
        self._generasi += 1
        self._ingat = {}
        self._per_akun = {}

    def _baca_tanda(self) -> tuple[int, int, int] | None:
        if self._tanda is None:
            return None
        try:
            st = os.stat(self._tanda)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def lupakan_setelah_commit(self, s: AsyncSession, akun_id: str) -> None:
        """Forgets the account's sessions once `s` commits the change that
        ended some of them: a read before the commit would find them still
        active, so forgetting earlier could be undone by a call in between."""
        event.listen(s.sync_session, "after_commit", lambda _s: self.lupakan_akun(akun_id), once=True)
