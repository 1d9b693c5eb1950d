"""Builds a grpc.aio server for one or several services: the boundary
interceptor, per-service health checking, reflection, and graceful shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import grpc
import structlog
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from services.shared import batas_pesan, kanal_dalam, metrik, pantau_db, pelacakan, refleksi, saluran
from services.shared.boundary import Boundary
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.mail import Mailer
from services.shared.migrations import assert_current
from services.shared.sesi import PemeriksaSesi
from services.shared.tokens import TokenVerifier, ensure_keypair

log = structlog.get_logger("ekinerja.server")

# profil owns sessions; its revocation check is registered under this prefix.
PREFIX_SESI = "/ekinerja.profil."


@dataclass
class Context:
    """What a service gets when it is wired into a server."""

    settings: Settings
    boundary: Boundary
    mailer: Mailer
    databases: dict[str, Database] = field(default_factory=dict)
    # Objects a service exposes for tests and shutdown (e.g. queued mail).
    services: dict[str, object] = field(default_factory=dict)
    port: int = 0  # the bound port, known once the server listens
    kredensial: grpc.ChannelCredentials | None = None  # for calls to other services (TLS)
    # Closed after the server stops (e.g. channels to other services).
    on_stop: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    # The methods this process serves, as registered (None until the services are).
    dalam: kanal_dalam.Rekaman | None = None

    def address_of(self, service: str) -> str:
        """Where to reach another service: its configured address, else this
        process (the embedded default runs all four together)."""
        return self._alamat(service) or f"{self.settings.host}:{self.port or self.settings.port}"

    def _alamat(self, service: str) -> str | None:
        return {
            "profil": self.settings.profil_address,
            "skp": self.settings.skp_address,
            "penilaian": self.settings.penilaian_address,
        }.get(service)

    def saluran(self, service: str) -> Callable[[], grpc.aio.Channel]:
        """Opens a channel to another service, TLS as configured, when first
        used; to one served by this very process, a KanalDalam (kanal_dalam.py)."""

        def buka() -> grpc.aio.Channel:
            def jaringan() -> grpc.aio.Channel:
                return saluran.buka(self.address_of(service), self.kredensial)

            if self.dalam is None or self._alamat(service) or pelacakan.provider() is not None:
                return jaringan()
            return cast(grpc.aio.Channel, kanal_dalam.KanalDalam(self.dalam.penangan, self.boundary, jaringan))

        return buka


@dataclass(frozen=True)
class ServiceModule:
    name: str
    service_names: Sequence[str]  # full gRPC names, e.g. "ekinerja.profil.v1.ProfilService"
    public_methods: Sequence[str]
    migrations_dir: Path
    # Adds the servicers to the server; returns nothing. Databases are opened
    # by the builder so it can close them on shutdown.
    register: Callable[[grpc.aio.Server, Context, Database], Awaitable[None]]
    needs_signing_key: bool = False
    # Deletes what is only kept for a while (idempotency records, attempts…).
    housekeeping: Callable[[Database], Awaitable[None]] | None = None


@dataclass
class Running:
    server: grpc.aio.Server
    port: int
    health: health.aio.HealthServicer
    context: Context
    service_names: list[str]
    background: list[asyncio.Task[None]] = field(default_factory=list)
    sehat: grpc.aio.Server | None = None  # the plaintext health-only port, when configured
    port_sehat: int = 0
    pelayan_metrik: metrik.PelayanMetrik | None = None  # /metrics, when configured
    siap: dict[str, bool] = field(default_factory=dict)  # module name → ready (readiness)

    @property
    def port_metrik(self) -> int:
        return self.pelayan_metrik.port if self.pelayan_metrik is not None else 0

    async def stop(self, grace: float = 5.0) -> None:
        for task in self.background:
            task.cancel()
        # A cancelled job must give its connection back before the pool closes.
        await asyncio.gather(*self.background, return_exceptions=True)
        for name in [*self.service_names, ""]:
            await self.health.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
        await self.server.stop(grace)
        if self.sehat is not None:
            await self.sehat.stop(None)
        if self.pelayan_metrik is not None:
            await asyncio.to_thread(self.pelayan_metrik.stop)
        for close in self.context.on_stop:
            await close()
        for db in self.context.databases.values():
            await db.dispose()


def load_verifier(settings: Settings, signs: bool) -> TokenVerifier:
    if signs:
        ensure_keypair(settings.private_key_path, settings.public_key_path)
    if not settings.public_key_path.exists():
        raise SystemExit(
            f"Kunci publik token tidak ditemukan di {settings.public_key_path}. "
            "Setel EKINERJA_TOKEN_PUBLIC_KEY_FILE (salinan dari layanan profil)."
        )
    return TokenVerifier(settings.public_key_path.read_bytes())


async def start(settings: Settings, modules: Sequence[ServiceModule], port: int | None = None) -> Running:
    verifier = load_verifier(settings, any(m.needs_signing_key for m in modules))
    tls_server = saluran.kredensial_server(settings)
    dengan_metrik = settings.metrics_port is not None
    boundary = Boundary(
        verifier,
        [p for m in modules for p in m.public_methods],
        proxy_tepercaya=settings.proxy_tepercaya,
        proxy_soket=settings.proxy_soket is not None,
        metrik=metrik.RpcMetrik() if dengan_metrik else None,
    )
    context = Context(
        settings=settings, boundary=boundary, mailer=Mailer(settings), kredensial=saluran.kredensial_klien(settings)
    )
    context.databases = {m.name: Database.for_service(settings, m.name) for m in modules}
    for name, db in context.databases.items():
        for engine in db.engines:
            pantau_db.lacak_sql(engine)
        if dengan_metrik:
            pantau_db.ukur(db.engines, name)
    if dengan_metrik:
        metrik.nyalakan()
        metrik.pasang_disk(settings.data_dir)
    server: grpc.aio.Server | None = None
    try:
        # Before any grpc object exists: a server that is created but never
        # stopped hangs its process when the garbage collector finalizes it.
        for module in modules:
            await assert_current(module.name, module.migrations_dir, context.databases[module.name].engine)
        server = grpc.aio.server(
            # The tracing interceptor, when on, outside the boundary: its log lines carry the trace id.
            interceptors=[*pelacakan.interceptor_server(), boundary],
            # Beyond this many calls in flight, RESOURCE_EXHAUSTED: with the
            # message limits it bounds the request bytes held (batas_pesan.py).
            maximum_concurrent_rpcs=settings.maks_rpc_serentak,
            options=[
                # The largest request any RPC accepts; above it grpcio refuses
                # the message unread. Per RPC: Boundary, before parsing.
                ("grpc.max_receive_message_length", batas_pesan.TERBESAR),
                ("grpc.max_concurrent_streams", settings.maks_stream_per_koneksi),
                # Off, so that a busy port fails the bind instead of silently
                # sharing it; on for the workers of `ekinerja serve`, whose
                # parent checked the port was free (cli/pekerja.py).
                ("grpc.so_reuseport", _reuseport(settings)),
                # Without BDP probing a stream's receive window stays at 64 KiB:
                # an oversized message is refused after that much, not read
                # whole (64 × 8 MiB took 100+ MiB with it). No request needs more.
                ("grpc.http2.bdp_probe", 0),
            ],
        )
        health_servicer = health.aio.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
        names: list[str] = []
        context.dalam = kanal_dalam.Rekaman(server)
        for module in modules:
            await module.register(context.dalam.sebagai_server(), context, context.databases[module.name])
            names.extend(module.service_names)
        _periksa_sesi(context, modules)
        refleksi.pasang([*names, health.SERVICE_NAME], server)
        bound = saluran.pasang_port(server, f"{settings.host}:{settings.port if port is None else port}", tls_server)
        if settings.proxy_soket is not None:
            server.add_insecure_port(f"unix:{settings.proxy_soket}")
        context.port = bound
        await server.start()
        if settings.proxy_soket is not None:
            # Only the proxy's group may connect; whoever reaches the socket may name any client address.
            os.chmod(settings.proxy_soket, 0o660)
    except BaseException:
        if server is not None:
            await server.stop(None)
        for db in context.databases.values():
            await db.dispose()
        raise
    running = Running(server, bound, health_servicer, context, names)
    try:
        if settings.port_sehat is not None:
            running.sehat, running.port_sehat = await _port_sehat(settings, health_servicer)
        if settings.metrics_port is not None:
            running.pelayan_metrik = metrik.layani(settings.host, settings.metrics_port)
    except BaseException:
        await running.stop(0)
        raise
    # "" is liveness: SERVING while the process serves at all. Each service's
    # own name is its readiness (_jaga_kesiapan): its database and the
    # services it calls answer.
    await health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    for module in modules:
        await _setel_siap(running, module, True)
    log.info("server.mulai", alamat=f"{settings.host}:{bound}", layanan=[m.name for m in modules])
    running.background.append(asyncio.create_task(_jaga_kesiapan(running, modules)))
    # The workers of one `ekinerja serve` share the databases: one cleans up.
    for module in modules if settings.pekerja_ke in (None, 0) else ():
        if module.housekeeping:
            running.background.append(
                asyncio.create_task(_every_hour(module.name, module.housekeeping, context.databases[module.name]))
            )
    return running


def _reuseport(settings: Settings) -> int:
    return 1 if settings.pekerja_ke is not None else 0


# The services each one calls (services/<svc>/client.py users); checked only
# when served by another process.
BERGANTUNG: dict[str, tuple[str, ...]] = {
    "skp": ("profil", "penilaian"),
    "penilaian": ("profil", "skp"),
    "cetak": ("profil", "skp", "penilaian"),
}
BATAS_CEK = 3.0  # seconds for one database or health check


async def _setel_siap(running: Running, module: ServiceModule, siap: bool) -> None:
    if running.siap.get(module.name) == siap:
        return
    berubah = module.name in running.siap
    running.siap[module.name] = siap
    metrik.SIAP.labels(module.name).set(1 if siap else 0)
    status = health_pb2.HealthCheckResponse.SERVING if siap else health_pb2.HealthCheckResponse.NOT_SERVING
    for name in module.service_names:
        await running.health.set(name, status)
    if berubah:
        log.warning("kesiapan.berubah", layanan=module.name, siap=siap)


async def _db_hidup(db: Database) -> bool:
    try:
        async with asyncio.timeout(BATAS_CEK), db.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure to answer is "down"; the RPCs say why
        return False


async def _layanan_hidup(channel: grpc.aio.Channel) -> bool:
    """Another service's liveness (""), not its readiness: two services that
    call each other (skp, penilaian) would otherwise hold each other down."""
    try:
        stub: Any = health_pb2_grpc.HealthStub(channel)
        jawab = await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=BATAS_CEK)
    except grpc.aio.AioRpcError:
        return False
    return bool(jawab.status == health_pb2.HealthCheckResponse.SERVING)


async def _jaga_kesiapan(running: Running, modules: Sequence[ServiceModule]) -> None:
    context = running.context
    di_sini = {m.name for m in modules}
    channels: dict[str, grpc.aio.Channel] = {}

    async def tutup() -> None:
        for ch in channels.values():
            await ch.close()

    context.on_stop.append(tutup)
    while True:
        await asyncio.sleep(context.settings.sehat_cek_detik)
        try:
            hidup: dict[str, bool] = {}
            for module in modules:
                db_hidup = await _db_hidup(context.databases[module.name])
                metrik.DB_UP.labels(module.name).set(1 if db_hidup else 0)
                siap = db_hidup
                for dep in BERGANTUNG.get(module.name, ()):
                    if dep in di_sini:
                        continue
                    if dep not in hidup:
                        if dep not in channels:
                            channels[dep] = context.saluran(dep)()
                        hidup[dep] = await _layanan_hidup(channels[dep])
                    siap = siap and hidup[dep]
                await _setel_siap(running, module, siap)
        except Exception:  # the check must never stop; the next round retries
            log.exception("kesiapan.gagal_dicek")


async def _port_sehat(settings: Settings, health_servicer: health.aio.HealthServicer) -> tuple[grpc.aio.Server, int]:
    """A second, plaintext port that answers grpc.health only, from the same
    health state: Kubernetes' gRPC probes cannot speak TLS, while the service
    port does (deploy/k8s). Nothing else is served there."""
    sehat = grpc.aio.server(
        options=[("grpc.max_receive_message_length", 1024), ("grpc.so_reuseport", _reuseport(settings))]
    )
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, sehat)
    try:
        port = sehat.add_insecure_port(f"{settings.host}:{settings.port_sehat}")
        await sehat.start()
    except BaseException:
        await sehat.stop(None)
        raise
    return sehat, port


def _periksa_sesi(context: Context, modules: Sequence[ServiceModule]) -> None:
    """Every service refuses a token whose session has ended. profil owns
    sessions and checks its own RPCs; in the same process the others use
    that very check, elsewhere they ask profil (services/shared/sesi.py)."""
    lokal = context.boundary.revocation_check(PREFIX_SESI)
    if lokal is None:
        pemeriksa = PemeriksaSesi(
            context.saluran("profil"), context.settings.sesi_cek_detik, context.settings.sesi_grace_detik
        )
        context.on_stop.append(pemeriksa.close)
        lokal = pemeriksa
    for module in modules:
        prefix = f"/ekinerja.{module.name}."
        if context.boundary.revocation_check(prefix) is None:
            context.boundary.add_revocation_check(prefix, lokal)


async def _every_hour(name: str, job: Callable[[Database], Awaitable[None]], db: Database) -> None:
    # Not at start-up: a process that starts and stops at once (tests, a
    # crash loop) has nothing to clean and should not race its own shutdown.
    while True:
        await asyncio.sleep(3600)
        try:
            await job(db)
        except Exception:  # housekeeping must never stop the server; the next hour retries
            log.exception("housekeeping.gagal", layanan=name)


async def serve_forever(running: Running) -> None:
    """Waits for SIGINT/SIGTERM, then drains in-flight calls before exiting."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("server.berhenti")
    await running.stop(grace=10.0)
