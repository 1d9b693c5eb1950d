"""`ekinerja seed demo` (profil master data, then SKPs through the API) and `ekinerja import`."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from cli.migrate import migrate
from services.shared.config import SERVICES, Settings
from services.shared.db import Database

if TYPE_CHECKING:
    from services.profil.demo import LaporanDemo


def run_seed(settings: Settings, jumlah: int) -> int:
    from services.profil.demo import DEMO_PASSWORD, seed_demo

    migrate(settings, list(SERVICES))

    async def main() -> int:
        db = Database.for_service(settings, "profil")
        try:
            laporan = await seed_demo(db, jumlah_pegawai=jumlah)
        finally:
            await db.dispose()
        print(laporan.ringkasan())
        print(await _seed_skp(settings, laporan, DEMO_PASSWORD))
        print(_ca_demo(settings))
        print(f"\nAkun demo (password semuanya: {DEMO_PASSWORD}):")
        for login, nama, keterangan in laporan.logins:
            print(f"  {login:<20} {nama:<28} {keterangan}")
        return 0

    return asyncio.run(main())


def _ca_demo(settings: Settings) -> str:
    """The demo signs its printed documents with a demo CA (never replacing a
    key that is already there)."""
    from services.cetak.ca_demo import pastikan_ca_demo
    from services.cetak.pengaturan import PengaturanCetak

    ca = pastikan_ca_demo(PengaturanCetak.dari(settings), "Pemerintah Kab. Madiun")
    return f"Tanda tangan digital dokumen cetak: CA demo {ca}" if ca else "Tanda tangan digital: kunci sudah ada."


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


async def _seed_skp(settings: Settings, laporan: LaporanDemo, password: str) -> str:
    """The demo SKPs are made through the gRPC API, by the demo people
    themselves, on a server started for the purpose on a free port."""

    from services.penilaian.demo import seed_demo_penilaian
    from services.profil import demo
    from services.registry import MODULES
    from services.shared.logging import configure
    from services.shared.saluran import buka, kredensial_klien
    from services.shared.server import start
    from services.skp.demo import seed_demo_skp

    configure("WARNING", settings.log_format)  # one line per RPC would bury the summary
    running = await start(settings.model_copy(update={"host": "127.0.0.1"}), list(MODULES.values()), port=0)
    try:
        async with buka(f"127.0.0.1:{running.port}", kredensial_klien(settings)) as channel:
            ringkas = []
            # The manual's year, and the current one so its story can be walked today (open periods).
            for tahun in sorted({demo.TAHUN_ACUAN, dt.date.today().year}):
                ringkas.append(
                    await seed_demo_skp(
                        channel,
                        password,
                        kepala=laporan.kepala_bkpsdm,
                        endang=demo.ENDANG,
                        sutikno=demo.SUTIKNO,
                        widanang=demo.WIDANANG,
                        suyanto=demo.SUYANTO,
                        sekda=laporan.sekda,
                        tahun=tahun,
                    )
                )
                ringkas.append(
                    await seed_demo_penilaian(
                        channel,
                        password,
                        admin="admin.madiun",
                        sekda=laporan.sekda,
                        endang=demo.ENDANG,
                        suyanto=demo.SUYANTO,
                        unor_induk=laporan.unor_induk_bkpsdm,
                        tahun=tahun,
                    )
                )
            return "\n".join(ringkas)
    finally:
        await running.stop(grace=1)
