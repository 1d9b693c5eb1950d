"""The one interceptor every server runs. For each ekinerja RPC it, in order:
binds a request id for the logs, authenticates the bearer token (except for
public methods), checks each request message (size before parsing, no NUL;
for a client stream, each message as it is read), runs the handler, and maps errors to status codes with
google.rpc details, then logs one line with the outcome and duration."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from types import TracebackType
from typing import Any

import grpc
import structlog
from google.protobuf import any_pb2, duration_pb2
from google.protobuf.message import DecodeError
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from services.shared import batas_pesan, errors
from services.shared.logging import mask
from services.shared.metrik import RpcMetrik
from services.shared.principal import GERBANG_SSH, RPC_GERBANG_SSH, Principal, set_alamat, set_current, set_tenggat
from services.shared.teks import tolak_nul
from services.shared.tokens import TokenVerifier

log = structlog.get_logger("ekinerja.rpc")


RevocationCheck = Callable[[Principal], Awaitable[bool]]

_CODES: list[tuple[type[errors.DomainError], int]] = [
    (errors.TidakValid, code_pb2.INVALID_ARGUMENT),
    (errors.TidakDitemukan, code_pb2.NOT_FOUND),
    (errors.AksesDitolak, code_pb2.PERMISSION_DENIED),
    (errors.BelumMasuk, code_pb2.UNAUTHENTICATED),
    (errors.KondisiTidakTerpenuhi, code_pb2.FAILED_PRECONDITION),
    (errors.VersiUsang, code_pb2.ABORTED),
    (errors.SudahAda, code_pb2.ALREADY_EXISTS),
    (errors.TerlaluBanyak, code_pb2.RESOURCE_EXHAUSTED),
    (errors.TerlaluBesar, code_pb2.RESOURCE_EXHAUSTED),
    (errors.TidakTersedia, code_pb2.UNAVAILABLE),
]


def to_status(exc: errors.DomainError) -> grpc.Status:
    code = next(c for cls, c in _CODES if isinstance(exc, cls))
    status = status_pb2.Status(code=code, message=exc.pesan)
    detail = any_pb2.Any()
    if isinstance(exc, errors.TidakValid):
        detail.Pack(
            error_details_pb2.BadRequest(
                field_violations=[
                    error_details_pb2.BadRequest.FieldViolation(field=p.field, description=p.pesan)
                    for p in exc.pelanggaran
                ]
            )
        )
        status.details.append(detail)
    elif isinstance(exc, errors.TerlaluBanyak):
        detail.Pack(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=exc.coba_lagi_detik)))
        status.details.append(detail)
    elif isinstance(exc, errors.KondisiTidakTerpenuhi):
        detail.Pack(
            error_details_pb2.PreconditionFailure(
                violations=[error_details_pb2.PreconditionFailure.Violation(type="STATUS", description=exc.pesan)]
            )
        )
        status.details.append(detail)
    loc = any_pb2.Any()
    loc.Pack(error_details_pb2.LocalizedMessage(locale="id-ID", message=exc.pesan))
    status.details.append(loc)
    return rpc_status.to_status(status)


class _Tertolak:
    """A request refused before it was parsed: the handler answers with
    `galat` (a deserializer that raises makes grpcio answer UNKNOWN with a
    Python class name and log a traceback)."""

    def __init__(self, galat: errors.DomainError) -> None:
        self.galat = galat


def _pembaca(method: str, deserializer: Callable[[bytes], Any] | None) -> Callable[[bytes], Any]:
    """The request deserializer behind a size check on the raw bytes: an
    oversized request is refused unparsed, before any token check."""
    batas = batas_pesan.untuk(method)

    def baca(data: bytes) -> Any:
        if len(data) > batas:
            return _Tertolak(
                errors.TerlaluBesar(
                    f"Permintaan terlalu besar ({-(-len(data) // 1024)} KiB; paling besar {batas // 1024} KiB)."
                )
            )
        try:
            return deserializer(data) if deserializer else data
        except DecodeError:
            return _Tertolak(errors.TidakValid("permintaan", "tidak dapat dibaca (bukan pesan protobuf yang sah)"))

    return baca


class Boundary(grpc.aio.ServerInterceptor):
    def __init__(
        self,
        verifier: TokenVerifier,
        public_methods: Iterable[str],
        revocation_checks: dict[str, RevocationCheck] | None = None,
        proxy_tepercaya: Iterable[str] = (),
        proxy_soket: bool = False,
        metrik: RpcMetrik | None = None,
    ) -> None:
        # Per-RPC Prometheus metrics, when this process serves them (services/shared/metrik.py).
        self.metrik = metrik
        # With EKINERJA_PROXY_SOKET the proxy arrives through a unix socket
        # that only it may open: x-real-ip is believed there and nowhere else
        # but from `proxy_tepercaya`.
        self._proxy_soket = proxy_soket
        # Addresses or ranges ("10.0.0.0/8": ingress pods come and go).
        self._proxy = [ipaddress.ip_network(x, strict=False) for x in proxy_tepercaya]
        self._verifier = verifier
        self._public = frozenset(public_methods)
        # Keyed by method prefix ("/ekinerja.profil."): the owner of sessions
        # checks logout on its own RPCs without a round trip.
        self._revocation = revocation_checks or {}
        # method → (the server's handler, the checked one wrapped around it):
        # grpc asks for the handler on every call; it is wrapped once.
        self._dibungkus: dict[str, tuple[grpc.RpcMethodHandler[Any, Any], grpc.RpcMethodHandler[Any, Any]]] = {}

    def add_public(self, methods: Iterable[str]) -> None:
        self._public = self._public | frozenset(methods)

    def add_revocation_check(self, prefix: str, check: RevocationCheck) -> None:
        self._revocation[prefix] = check

    def revocation_check(self, prefix: str) -> RevocationCheck | None:
        return self._revocation.get(prefix)

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any] | None]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        handler = await continuation(details)
        method: str = details.method
        if handler is None or not method.startswith("/ekinerja."):
            return handler  # health, reflection
        dibungkus = self._dibungkus.get(method)
        if dibungkus is not None and dibungkus[0] is handler:
            return dibungkus[1]
        hasil = self._bungkus(method, handler)
        self._dibungkus[method] = (handler, hasil)
        return hasil

    def _bungkus(self, method: str, handler: grpc.RpcMethodHandler[Any, Any]) -> grpc.RpcMethodHandler[Any, Any]:
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(
                self._wrap_unary(method, handler.unary_unary),
                request_deserializer=_pembaca(method, handler.request_deserializer),
                response_serializer=handler.response_serializer,
            )
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                self._wrap_stream(method, handler.unary_stream),
                request_deserializer=_pembaca(method, handler.request_deserializer),
                response_serializer=handler.response_serializer,
            )
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(
                self._wrap_client_stream(method, handler.stream_unary),
                request_deserializer=_pembaca(method, handler.request_deserializer),
                response_serializer=handler.response_serializer,
            )
        # A kind of RPC this boundary does not check (stream_stream): never served unchecked.
        raise RuntimeError(f"{method}: jenis RPC ini tidak dilayani boundary")

    async def _enter(self, method: str, context: grpc.aio.ServicerContext[Any, Any]) -> str:
        metadata = dict(context.invocation_metadata() or ())
        request_id = str(metadata.get("x-request-id") or _request_id_baru())[:64]
        structlog.contextvars.bind_contextvars(rid=request_id)  # rpc: bound by _Panggilan
        principal = None
        # For the calls made on the caller's behalf (services/shared/klien.py);
        # the session check below runs under its own timeout, never this one.
        set_tenggat(context.time_remaining())
        if method not in self._public:
            auth = str(metadata.get("authorization", ""))
            if not auth.lower().startswith("bearer "):
                raise errors.BelumMasuk("Silakan masuk (login) terlebih dahulu.")
            principal = self._verifier.verify(auth[7:].strip())
            for prefix, check in self._revocation.items():
                if method.startswith(prefix) and not await check(principal):
                    raise errors.BelumMasuk("Sesi Anda telah berakhir. Silakan masuk kembali.")
            structlog.contextvars.bind_contextvars(akun=principal.akun_id)
            if GERBANG_SSH in principal.peran and method not in RPC_GERBANG_SSH:
                raise errors.AksesDitolak("Akun gerbang SSH hanya dapat memakai layanan gerbang SSH.")
        set_current(principal)
        set_alamat(self._alamat(context, metadata))
        return request_id

    def _alamat(self, context: grpc.aio.ServicerContext[Any, Any], metadata: dict[str, Any]) -> str:
        """'ipv4:10.1.2.3:5555' → '10.1.2.3'; a trusted proxy's x-real-ip instead."""
        peer = context.peer() or ""
        if peer.startswith("unix:"):
            if self._proxy_soket and metadata.get("x-real-ip"):
                return str(metadata["x-real-ip"])[:64]
            return "unix"
        host = peer.split(":", 1)[1].rsplit(":", 1)[0].strip("[]") if ":" in peer else peer
        if metadata.get("x-real-ip") and self._tepercaya(host):
            return str(metadata["x-real-ip"])[:64]
        return host[:64]

    def _tepercaya(self, host: str) -> bool:
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(ip in jaringan for jaringan in self._proxy)

    async def _fail(
        self, exc: BaseException, context: grpc.aio.ServicerContext[Any, Any], panggilan: _Panggilan
    ) -> None:
        request_id = panggilan.request_id
        if isinstance(exc, StaleDataError):
            # Two writers read the same version; the other one committed first.
            exc = errors.VersiUsang("Data ini baru saja diubah orang lain. Muat ulang lalu ulangi.")
        if isinstance(exc, errors.DomainError):
            status = to_status(exc)
            log.info("rpc.ditolak", code=status.code.name, pesan=mask(exc.pesan))
            panggilan.kode = status.code.name
            await context.abort(status.code, status.details, status.trailing_metadata)
        if isinstance(exc, NotImplementedError):
            # A method of the contract this server does not serve yet (the generated base class).
            panggilan.kode = "UNIMPLEMENTED"
            await context.abort(grpc.StatusCode.UNIMPLEMENTED, "Metode ini belum tersedia pada server ini.")
        lost_db = isinstance(exc, (OperationalError, DBAPIError)) and exc.connection_invalidated
        if lost_db or isinstance(exc, OSError):
            log.warning("rpc.tidak_tersedia", error=mask(str(exc)))
            panggilan.kode = "UNAVAILABLE"
            await context.abort(
                grpc.StatusCode.UNAVAILABLE, "Basis data tidak dapat dihubungi; coba lagi sebentar lagi."
            )
        log.exception("rpc.gagal")
        panggilan.kode = "INTERNAL"
        await context.abort(
            # The id is bound before authentication: a failure there has one too.
            grpc.StatusCode.INTERNAL,
            "Terjadi kesalahan pada server (kode permintaan "
            f"{structlog.contextvars.get_contextvars().get('rid') or request_id}).",
        )

    def _panggilan(self, method: str, context: grpc.aio.ServicerContext[Any, Any], jenis: str) -> _Panggilan:
        return _Panggilan(self, method, context, jenis)

    def _wrap_unary(self, method: str, behavior: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            async with self._panggilan(method, context, "unary") as panggilan:
                _tolak_dini(request)  # answered without a token check or a parse
                panggilan.request_id = await self._enter(method, context)
                return await behavior(_diperiksa(request), context)

        return wrapped

    def _wrap_stream(self, method: str, behavior: Callable[..., Any]) -> Callable[..., Any]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            async with self._panggilan(method, context, "server_stream") as panggilan:
                _tolak_dini(request)
                panggilan.request_id = await self._enter(method, context)
                async for item in behavior(_diperiksa(request), context):
                    yield item

        return wrapped

    def _wrap_client_stream(
        self, method: str, behavior: Callable[..., Awaitable[Any]]
    ) -> Callable[..., Awaitable[Any]]:
        async def wrapped(requests: AsyncIterator[Any], context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            async with self._panggilan(method, context, "client_stream") as panggilan:
                # Before the first message is read: a caller without a valid
                # session has none of them parsed or held.
                panggilan.request_id = await self._enter(method, context)
                return await behavior(_aliran_diperiksa(requests), context)

        return wrapped


class _Panggilan:
    """What every wrapper above shares, around one call (`async with`): a
    fresh log context, every error mapped to a status
    (services/shared/errors.py) and one log line, and no principal left
    behind. A class rather than an asynccontextmanager: a generator per call
    cost more than all it does (issue 18)."""

    __slots__ = ("_boundary", "_method", "_context", "_jenis", "_mulai", "_catatan", "request_id", "kode")

    def __init__(
        self, boundary: Boundary, method: str, context: grpc.aio.ServicerContext[Any, Any], jenis: str
    ) -> None:
        self._boundary = boundary
        self._method = method
        self._context = context
        self._jenis = jenis
        self.request_id = "-"  # until the metadata has been read
        self.kode: str | None = None  # the status code name, once known (metrics)

    async def __aenter__(self) -> _Panggilan:
        self._mulai = time.perf_counter()
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(rpc=self._method)
        metrik = self._boundary.metrik
        self._catatan = None if metrik is None else metrik.mulai(self._method, self._jenis)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        try:
            if exc is None:
                try:
                    # One line per call; per stream too, when it has been sent or read whole.
                    log.info("rpc", code="OK", ms=round((time.perf_counter() - self._mulai) * 1000, 1))
                    self.kode = "OK"
                except Exception as galat:  # noqa: BLE001 as below
                    await self._boundary._fail(galat, self._context, self)
            elif isinstance(exc, asyncio.CancelledError):
                self.kode = "CANCELLED"  # the caller went away or its deadline passed
            elif isinstance(exc, Exception) and not isinstance(exc, grpc.aio.AbortError):
                # The boundary: every error gets a status and a log line
                # (_fail ends the call: context.abort raises).
                await self._boundary._fail(exc, self._context, self)
                return True
        finally:
            set_current(None)
            if self._catatan is not None:
                self._catatan.selesai(self.kode or _kode(self._context))
        return False


# The version (4) and variant (RFC 4122) bits of a random UUID.
_UUID4_HAPUS = ~((0xF000 << 64) | (0xC000 << 48))
_UUID4_SETEL = (0x4000 << 64) | (0x8000 << 48)


def _request_id_baru() -> str:
    """uuid.uuid4().hex without the UUID object, which cost twice as much."""
    return f"{int.from_bytes(os.urandom(16)) & _UUID4_HAPUS | _UUID4_SETEL:032x}"


def _kode(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The code of a call a handler aborted itself."""
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code.name
    return "UNKNOWN"


def _tolak_dini(request: Any) -> None:
    """A message refused before it was parsed answers with its error."""
    if isinstance(request, _Tertolak):
        raise request.galat


def _diperiksa(request: Any) -> Any:
    _tolak_dini(request)
    tolak_nul(request)
    return request


async def _aliran_diperiksa(requests: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """Each message of a client stream checked as a single request is, as it is read."""
    async for request in requests:
        yield _diperiksa(request)
