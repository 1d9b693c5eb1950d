"""Whether a token's session has ended (Logout, LogoutSemua, a password
reset) for a service that does not own sessions: it asks profil's CekSesi
with the caller's own token and remembers the answer for a while, so a
logout reaches every service within `sesi_cek_detik` seconds at the cost of
one small call per session per that many seconds.

When profil cannot be reached the token is trusted as before (its signature
and expiry still hold): an outage of profil must not stop every service."""

from __future__ import annotations

import time
from collections.abc import Callable

import grpc
import structlog
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from services.shared.principal import Principal, sisa_waktu

log = structlog.get_logger("ekinerja.sesi")
TIMEOUT = 3.0
TANPA_JAWABAN_DETIK = 5.0
MAKS_INGATAN = 100_000  # sessions remembered at once; beyond it, forget the expired


class PemeriksaSesi:
    def __init__(self, buka: Callable[[], grpc.aio.Channel], ttl_detik: float) -> None:
        self._buka = buka
        self._ttl = ttl_detik
        self._channel: grpc.aio.Channel | None = None
        self._ingat: dict[str, tuple[bool, float]] = {}  # sesi id → (aktif, until monotonic)

    async def __call__(self, p: Principal) -> bool:
        sekarang = time.monotonic()
        ingat = self._ingat.get(p.sesi_id)
        if ingat is not None and ingat[1] > sekarang:
            return ingat[0]
        aktif = await self._tanya(p)
        if len(self._ingat) >= MAKS_INGATAN:
            self._ingat = {k: v for k, v in self._ingat.items() if v[1] > sekarang}
        if aktif is None:
            # profil did not answer: trust the token, and do not ask again on
            # every call for a while (a profil that is down must not be hammered).
            if self._ttl > 0:
                self._ingat[p.sesi_id] = (True, sekarang + min(self._ttl, TANPA_JAWABAN_DETIK))
            return True
        if self._ttl > 0:
            self._ingat[p.sesi_id] = (aktif, sekarang + self._ttl)
        return aktif

    async def _tanya(self, p: Principal) -> bool | None:
        if self._channel is None:
            self._channel = self._buka()
        stub = auth_pb2_grpc.AuthServiceStub(self._channel)
        sisa = sisa_waktu()  # the caller's deadline bounds this call too
        if sisa is not None and sisa <= 0:
            return None
        try:
            await stub.CekSesi(auth_pb2.CekSesiRequest(), metadata=(("authorization", f"Bearer {p.token}"),),
                               timeout=TIMEOUT if sisa is None else min(TIMEOUT, sisa))
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
