"""SQL statements per key RPC: all four services in this process, each
statement counted on the service's own engine (a SQLAlchemy
`before_cursor_execute` event), one warm call of each RPC. A count that
grows with the data is an N+1."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
from sqlalchemy import event

from bench import kunci
from bench.generator import Hasil, generate
from services.shared.server import Running


@contextlib.contextmanager
def penghitung(running: Running) -> Iterator[Counter[str]]:
    """Counts statements per service while the block runs."""
    hitung: Counter[str] = Counter()
    pasang = []
    for nama, db in running.context.databases.items():

        def dengar(*_: Any, nama: str = nama) -> None:
            hitung[nama] += 1

        event.listen(db.engine.sync_engine, "before_cursor_execute", dengar)
        pasang.append((db.engine.sync_engine, dengar))
    try:
        yield hitung
    finally:
        for engine, dengar in pasang:
            event.remove(engine, "before_cursor_execute", dengar)


async def per_rpc(running: Running, hasil: Hasil) -> dict[str, Counter[str]]:
    """Statements of one call of each key RPC, after a warm-up call (the
    first call of a channel or a token check is not the steady state)."""
    hasil_rpc: dict[str, Counter[str]] = {}
    async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
        for nama, panggil in await kunci.kasus(ch, hasil, 1):
            await panggil(0)
            with penghitung(running) as hitung:
                await panggil(1)
            hasil_rpc[nama.split(" (")[0]] = hitung
    return hasil_rpc


def tabel(kecil: dict[str, Counter[str]], besar: dict[str, Counter[str]], n_kecil: int, n_besar: int) -> str:
    baris = [f"| RPC | {n_kecil:,} pegawai | {n_besar:,} pegawai | by service ({n_besar:,}) |", "|---|---:|---:|---|"]
    for rpc, c in besar.items():
        rinci = ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
        baris.append(f"| {rpc} | {sum(kecil[rpc].values())} | {sum(c.values())} | {rinci} |")
    return "\n".join(baris)


async def server_instansi(folder: Path, jumlah: int) -> tuple[Running, Hasil]:
    """A migrated SQLite store in `folder` with a generated instansi, and all
    four services on it in this process (stop the server when done)."""
    from cli.migrate import migrate
    from services.registry import MODULES
    from services.shared.config import SERVICES, Settings
    from services.shared.server import start
    from services.shared.tokens import ensure_keypair

    settings = Settings(data_dir=folder, port=0, log_level="WARNING")
    # Alembic runs its own event loop: off this one.
    await asyncio.to_thread(migrate, settings, list(SERVICES))
    hasil = await generate(settings, jumlah)
    ensure_keypair(settings.private_key_path, settings.public_key_path)
    return await start(settings, list(MODULES.values()), port=0), hasil
