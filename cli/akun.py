"""`ekinerja akun tambah` and `ekinerja akun instansi`: operator commands."""

from __future__ import annotations

import asyncio
import getpass
import os

from cli.migrate import migrate
from services.profil.akun_admin import daftar_instansi, tambah_akun
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.errors import DomainError


def run_akun(settings: Settings, args: object) -> int:
    migrate(settings, ["profil"])

    async def main() -> int:
        db = Database.for_service(settings, "profil")
        try:
            if args.aksi == "instansi":
                for row in await daftar_instansi(db):
                    print(f"{row.id}  {row.nama}  ({row.lokasi})")
                return 0
            password = os.environ.get("EKINERJA_PASSWORD_BARU") or getpass.getpass("Password akun baru: ")
            akun_id = await tambah_akun(db, args.username, args.peran, args.instansi, args.nama or "", password)  # type: ignore[attr-defined]
            print(f"Akun {args.username} ({args.peran}) dibuat: {akun_id}")  # type: ignore[attr-defined]
            return 0
        except DomainError as e:
            print(f"Gagal: {e.pesan}")
            return 1
        finally:
            await db.dispose()

    return asyncio.run(main())
