"""`ekinerja serve [LAYANAN...]`."""

from __future__ import annotations

import asyncio
import os
import signal

from cli import pekerja
from cli.migrate import migrate
from services.registry import MODULES
from services.shared import berkas_rahasia, pelacakan
from services.shared.config import Settings
from services.shared.migrations import SkemaUsang
from services.shared.server import Running, serve_forever, start
from services.shared.tokens import ensure_keypair


def run_serve(settings: Settings, names: list[str], port: int | None, do_migrate: bool) -> int:
    if settings.pekerja_ke is None:
        # What an older version left readable by others (databases, keys,
        # outbox mail with live reset codes) is narrowed before serving.
        berkas_rahasia.sempitkan_pohon(settings.data_dir)
        if do_migrate:
            migrate(settings, names)
        port = settings.port if port is None else port
        jumlah = pekerja.jumlah_pekerja(settings, port)
        if jumlah > 1:
            # Once, here: N workers creating the key pair at once would race.
            if any(MODULES[n].needs_signing_key for n in names):
                ensure_keypair(settings.private_key_path, settings.public_key_path)
            for p in (port, settings.port_sehat, settings.metrics_port):
                if p:
                    pekerja.pastikan_bebas(settings.host, p)
            if settings.metrics_port:
                for ke in range(1, jumlah):
                    pekerja.pastikan_bebas(settings.host, settings.metrics_port + ke)
            return pekerja.Pengawas(settings, names, port, jumlah).jalankan()

    # Traces by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (services/shared/pelacakan.py).
    provider = pelacakan.dari_lingkungan("ekinerja-" + "-".join(names) if len(names) < 4 else "ekinerja", os.environ)
    if provider is not None:
        pelacakan.pasang(provider)

    async def main() -> None:
        try:
            running = await start(settings, [MODULES[n] for n in names], port)
        except SkemaUsang as e:
            raise SystemExit(str(e)) from None
        if settings.pekerja_ke is None:
            print(f"ekinerja melayani {', '.join(names)} di {settings.host}:{running.port}", flush=True)
            if running.pelayan_metrik is not None:
                print(f"metrik Prometheus di http://{settings.host}:{running.port_metrik}/metrics", flush=True)
            await serve_forever(running)
            return
        pekerja.kabari_siap()
        tanpa_induk = asyncio.create_task(_jaga_induk(running))
        await serve_forever(running)
        tanpa_induk.cancel()

    try:
        asyncio.run(main())
    finally:
        if provider is not None:
            provider.shutdown()  # the spans still queued are sent
    return 0


async def _jaga_induk(running: Running) -> None:
    """A worker whose parent is gone (killed with SIGKILL) stops: nobody would
    restart it or stop it, and it would hold the port."""
    induk = os.getppid()
    while os.getppid() == induk:
        await asyncio.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)  # serve_forever drains as on any SIGTERM
