"""What every service's client.py shares: a channel opened on first use, the
caller's bearer token forwarded (so the callee checks that person's rights),
and the callee's errors turned into domain errors of the calling service."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import grpc
import structlog
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from services.shared import errors, metrik
from services.shared import principal as pr

T = TypeVar("T")
S = TypeVar("S")
TIMEOUT = 10.0  # seconds; a healthy service answers in milliseconds


class Klien:
    def __init__(self, layanan: str, buka: Callable[[], grpc.aio.Channel]) -> None:
        # The channel is opened on first use (Context.saluran): in the
        # embedded default the other service is this very process, whose
        # port is known only once it listens.
        self._layanan = layanan
        self._buka = buka
        self._channel: grpc.aio.Channel | None = None
        self._stub_dibuat: tuple[grpc.aio.Channel, Any] | None = None

    def channel(self) -> grpc.aio.Channel:
        if self._channel is None:
            self._channel = self._buka()
        return self._channel

    def stub(self, jenis: Callable[[grpc.aio.Channel], S]) -> S:
        """The service's stub on the channel, made once: a stub builds a
        callable for each of the service's methods, per call that was ~2% of
        a penilaian write."""
        channel = self.channel()
        if self._stub_dibuat is None or self._stub_dibuat[0] is not channel:
            self._stub_dibuat = (channel, jenis(channel))
        return self._stub_dibuat[1]

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None
            self._stub_dibuat = None

    @staticmethod
    def _metadata() -> tuple[tuple[str, str], ...]:
        meta = [("authorization", f"Bearer {pr.current().token}")]
        rid = structlog.contextvars.get_contextvars().get("rid")
        if rid:
            meta.append(("x-request-id", str(rid)))
        return tuple(meta)

    async def call(
        self, method: Callable[..., Awaitable[T]], request: Any, fields: Mapping[str, str] | None = None
    ) -> T:
        # The caller's own deadline bounds ours: no work after they gave up.
        sisa = pr.sisa_waktu()
        timeout = TIMEOUT if sisa is None else min(TIMEOUT, sisa)
        if timeout <= 0:
            raise errors.TidakTersedia(f"Batas waktu permintaan habis sebelum layanan {self._layanan} dihubungi.")
        mulai = time.perf_counter()
        try:
            jawaban = await method(request, metadata=self._metadata(), timeout=timeout)
        except grpc.aio.AioRpcError as err:
            if metrik.aktif:
                metrik.klien(_nama_metode(method), err.code().name, time.perf_counter() - mulai)
            raise domain_error(self._layanan, err, fields or {}) from None
        if metrik.aktif:
            metrik.klien(_nama_metode(method), "OK", time.perf_counter() - mulai)
        return jawaban


def _nama_metode(method: Callable[..., Any]) -> str:
    """'/ekinerja.profil.v1.ProfilService/GetAtasan' of a stub's multicallable."""
    nama = getattr(method, "_method", b"")
    return nama.decode() if isinstance(nama, bytes) else "/lain/lain"


def domain_error(layanan: str, err: grpc.aio.AioRpcError, fields: Mapping[str, str]) -> errors.DomainError:
    code = err.code()
    pesan = err.details() or f"Layanan {layanan} menolak permintaan."
    if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
        return errors.TidakTersedia(f"Layanan {layanan} tidak dapat dihubungi; coba lagi sebentar lagi.")
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        # The callee names its own request fields; say which of ours it was,
        # when the caller told us (e.g. GetAtasan.unor_plt → skp.unor_plt_id).
        for field, uraian in _violations(err):
            if field in fields:
                return errors.TidakValid(fields[field], uraian)
        return errors.KondisiTidakTerpenuhi(pesan)
    simple: dict[grpc.StatusCode, type[errors.DomainError]] = {
        grpc.StatusCode.NOT_FOUND: errors.TidakDitemukan,
        grpc.StatusCode.PERMISSION_DENIED: errors.AksesDitolak,
        grpc.StatusCode.UNAUTHENTICATED: errors.BelumMasuk,
        grpc.StatusCode.FAILED_PRECONDITION: errors.KondisiTidakTerpenuhi,
    }
    if code in simple:
        return simple[code](pesan)
    return errors.TidakTersedia(f"Layanan {layanan} gagal menjawab ({code.name}); coba lagi sebentar lagi.")


def _violations(err: grpc.aio.AioRpcError) -> list[tuple[str, str]]:
    try:
        status = rpc_status.from_call(err)  # type: ignore[arg-type]  # has the grpc.Call methods it reads
    except ValueError:
        return []
    found: list[tuple[str, str]] = []
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            br = error_details_pb2.BadRequest()
            detail.Unpack(br)
            found += [(v.field, v.description) for v in br.field_violations]
    return found
