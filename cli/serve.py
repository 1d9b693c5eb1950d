"""`ekinerja serve [LAYANAN...]`."""

from __future__ import annotations

import asyncio
import os

from cli.migrate import migrate
from services.registry import MODULES
from services.shared import berkas_rahasia, pelacakan
from services.shared.config import Settings
from services.shared.migrations import SkemaUsang
from services.shared.server import serve_forever, start


def run_serve(settings: Settings, names: list[str], port: int | None, do_migrate: bool) -> int:
    # What an older version left readable by others (databases, keys,
    # outbox mail with live reset codes) is narrowed before serving.
    berkas_rahasia.sempitkan_pohon(settings.data_dir)
    if do_migrate:
        migrate(settings, names)

    # Traces by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (services/shared/pelacakan.py).
    provider = pelacakan.dari_lingkungan("ekinerja-" + "-".join(names) if len(names) < 4 else "ekinerja", os.environ)
    if provider is not None:
        pelacakan.pasang(provider)

    async def main() -> None:
        try:
            running = await start(settings, [MODULES[n] for n in names], port)
        except SkemaUsang as e:
            raise SystemExit(str(e)) from None
        print(f"ekinerja melayani {', '.join(names)} di {settings.host}:{running.port}", flush=True)
        if running.pelayan_metrik is not None:
            print(f"metrik Prometheus di http://{settings.host}:{running.port_metrik}/metrics", flush=True)
        await serve_forever(running)

    try:
        asyncio.run(main())
    finally:
        if provider is not None:
            provider.shutdown()  # the spans still queued are sent
    return 0
