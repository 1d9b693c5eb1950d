"""`ekinerja seed demo` and `ekinerja import`: profil's master data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from cli.migrate import migrate
from services.shared.config import Settings
from services.shared.db import Database


def run_seed(settings: Settings, jumlah: int) -> int:
    from services.profil.demo import DEMO_PASSWORD, seed_demo

    migrate(settings, ["profil"])

    async def main() -> int:
        db = Database.for_service(settings, "profil")
        try:
            laporan = await seed_demo(db, jumlah_pegawai=jumlah)
        finally:
            await db.dispose()
        print(laporan.ringkasan() if hasattr(laporan, "ringkasan") else laporan)
        print(f"\nAkun demo (password semuanya: {DEMO_PASSWORD}):")
        for login, nama, keterangan in laporan.logins:
            print(f"  {login:<20} {nama:<28} {keterangan}")
        return 0

    return asyncio.run(main())


def run_import(settings: Settings, jenis: str, berkas: str) -> int:
    from services.profil.importer import import_pegawai, import_unor

    path = Path(berkas)
    if not path.is_file():
        print(f"Berkas tidak ditemukan: {path}")
        return 2
    migrate(settings, ["profil"])

    async def main() -> int:
        db = Database.for_service(settings, "profil")
        try:
            laporan = await (import_unor if jenis == "unor" else import_pegawai)(db, path)
        finally:
            await db.dispose()
        print(laporan.ringkasan())
        for baris in laporan.ditolak:
            print(f"  baris {baris.baris}: {baris.alasan}")
        return 1 if laporan.ditolak else 0

    return asyncio.run(main())
