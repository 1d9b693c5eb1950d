"""Whether a token's session has ended (Logout, LogoutSemua, a password
reset) for a service that does not own sessions: it asks profil's CekSesi
with the caller's own token and remembers the answer for a while, so a
logout reaches every service within `sesi_cek_detik` seconds at the cost of
one small call per session per that many seconds.

This is a security check, so it fails closed: it runs under its own
timeout, never the caller's deadline (a caller who sends a 1 ms deadline
must not turn "no answer" into "allowed"), and when profil does not answer
the call is refused UNAVAILABLE (retryable). Only an explicit outage grace
(`sesi_grace_detik`, default 0) lets a token through whose session profil
confirmed active within that many seconds, with a warning each time. "No
answer" is never remembered: only profil's real answers are."""

from __future__ import annotations

import time
from collections.abc import Callable

import grpc
import structlog
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from services.shared import errors, metrik
from services.shared.principal import Principal

log = structlog.get_logger("ekinerja.sesi")
TIMEOUT = 3.0
MAKS_INGATAN = 100_000  # sessions remembered at once; beyond it, forget the stale


class PemeriksaSesi:
    def __init__(self, buka: Callable[[], grpc.aio.Channel], ttl_detik: float, grace_detik: float = 0) -> None:
        self._buka = buka
        self._ttl = ttl_detik
        self._grace = grace_detik
        self._channel: grpc.aio.Channel | None = None
        self._ingat: dict[str, tuple[bool, float]] = {}  # sesi id → (aktif, until monotonic)
        self._aktif_pada: dict[str, float] = {}  # sesi id → when profil last said "active" (monotonic)

    async def __call__(self, p: Principal) -> bool:
        sekarang = time.monotonic()
        ingat = self._ingat.get(p.sesi_id)
        if ingat is not None and ingat[1] > sekarang:
            metrik.cache_sesi(hit=True)
            return ingat[0]
        metrik.cache_sesi(hit=False)
        aktif = await self._tanya(p)
        sekarang = time.monotonic()
        if aktif is None:
            return self._tanpa_jawaban(p, sekarang)
        if len(self._ingat) >= MAKS_INGATAN or len(self._aktif_pada) >= MAKS_INGATAN:
            simpan = max(self._ttl, self._grace)
            self._ingat = {k: v for k, v in self._ingat.items() if v[1] > sekarang}
            self._aktif_pada = {k: t for k, t in self._aktif_pada.items() if sekarang - t < simpan}
        if aktif:
            self._aktif_pada[p.sesi_id] = sekarang
        else:
            self._aktif_pada.pop(p.sesi_id, None)
        if self._ttl > 0:
            self._ingat[p.sesi_id] = (aktif, sekarang + self._ttl)
        return aktif

    def _tanpa_jawaban(self, p: Principal, sekarang: float) -> bool:
        """profil did not answer: refuse, unless the configured grace covers
        a session profil confirmed active recently. Nothing is remembered."""
        terakhir = self._aktif_pada.get(p.sesi_id)
        if self._grace > 0 and terakhir is not None and sekarang - terakhir <= self._grace:
            log.warning("sesi.dipercaya_tanpa_cek", akun=p.akun_id, dikonfirmasi_detik_lalu=round(sekarang - terakhir))
            return True
        raise errors.TidakTersedia(
            "Sesi tidak dapat diperiksa karena layanan profil tidak dapat dihubungi; coba lagi sebentar lagi."
        )

    async def _tanya(self, p: Principal) -> bool | None:
        if self._channel is None:
            self._channel = self._buka()
        stub = auth_pb2_grpc.AuthServiceStub(self._channel)
        try:
            # Its own timeout, not the caller's deadline: a caller who gives
            # up earlier has their call cancelled, which cancels this too.
            await stub.CekSesi(
                auth_pb2.CekSesiRequest(), metadata=(("authorization", f"Bearer {p.token}"),), timeout=TIMEOUT
            )
        except grpc.aio.AioRpcError as e:
            if e.code() == grpc.StatusCode.UNAUTHENTICATED:
                return False
            log.warning("sesi.tidak_dapat_dicek", code=e.code().name)
            return None
        return True

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None
