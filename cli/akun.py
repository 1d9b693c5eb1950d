"""`ekinerja akun tambah` and `ekinerja akun instansi`: operator commands."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
from pathlib import Path

from cli.migrate import migrate
from services.profil.akun_admin import (
    daftar_instansi,
    daftar_kunci_ssh,
    hapus_kunci_ssh,
    tambah_akun,
    tambah_kunci_ssh,
    ubah_status_akun,
)
from services.profil.usecases.ingatan_sesi import TANDA_SESI, sentuh_tanda
from services.shared.config import Settings
from services.shared.db import Database
from services.shared.errors import DomainError


def run_akun(settings: Settings, args: argparse.Namespace) -> int:
    migrate(settings, ["profil"])

    async def main() -> int:
        db = Database.for_service(settings, "profil")
        try:
            if args.aksi == "instansi":
                for row in await daftar_instansi(db):
                    print(f"{row.id}  {row.nama}  ({row.lokasi})")
                return 0
            if args.aksi == "kunci-ssh":
                return await _kunci_ssh(db, args)
            if args.aksi in ("nonaktifkan", "aktifkan"):
                return await _status(db, args.akun, args.aksi == "aktifkan", settings)
            password = os.environ.get("EKINERJA_PASSWORD_BARU") or getpass.getpass("Password akun baru: ")
            akun_id = await tambah_akun(db, args.username, args.peran, args.instansi, args.nama or "", password)
            print(f"Akun {args.username} ({args.peran}) dibuat: {akun_id}")
            return 0
        except DomainError as e:
            print(f"Gagal: {e.pesan}")
            return 1
        finally:
            await db.dispose()

    return asyncio.run(main())


async def _status(db: Database, login: str, aktif: bool, settings: Settings) -> int:
    jumlah = await ubah_status_akun(db, login, aktif)
    if not aktif:
        # A running `ekinerja serve` on this data directory refuses the
        # account's tokens at once; servers elsewhere within sesi_cek_detik.
        sentuh_tanda(settings.data_dir / TANDA_SESI)
    print(f"Akun {login} diaktifkan." if aktif else f"Akun {login} dinonaktifkan; {jumlah} sesi diakhiri.")
    return 0


async def _kunci_ssh(db: Database, args: argparse.Namespace) -> int:
    aksi = args.aksi_kunci
    if aksi == "tambah":
        try:
            teks = Path(args.berkas).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            print(f"Gagal: berkas kunci tidak dapat dibaca ({e.__class__.__name__}).")
            return 1
        kunci = await tambah_kunci_ssh(db, args.akun, teks)
        print(f"Kunci {kunci.sidik_jari} didaftarkan untuk {args.akun}.")
    elif aksi == "daftar":
        for row, login in await daftar_kunci_ssh(db, args.akun):
            print(f"{row.sidik_jari}  {login}  {row.kunci_publik.split()[0]}  {row.komentar}")
    else:
        await hapus_kunci_ssh(db, args.sidik_jari)
        print(f"Kunci {args.sidik_jari} dicabut.")
    return 0
