"""`ekinerja serve [LAYANAN...]`."""

from __future__ import annotations

import asyncio

from cli.migrate import migrate
from services.registry import MODULES
from services.shared.config import Settings
from services.shared.migrations import SkemaUsang
from services.shared.server import serve_forever, start


def run_serve(settings: Settings, names: list[str], port: int | None, do_migrate: bool) -> int:
    if do_migrate:
        migrate(settings, names)

    async def main() -> None:
        try:
            running = await start(settings, [MODULES[n] for n in names], port)
        except SkemaUsang as e:
            raise SystemExit(str(e)) from None
        print(f"ekinerja melayani {', '.join(names)} di {settings.host}:{running.port}", flush=True)
        await serve_forever(running)

    asyncio.run(main())
    return 0
