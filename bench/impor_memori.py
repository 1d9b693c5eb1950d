"""Peak memory of `ekinerja import pegawai` against the size of the file.

    python -m bench.impor_memori [--pegawai 50000] [--format csv|xlsx]

Writes a unor file and a pegawai file of that many rows into a temporary
folder, imports them into a fresh SQLite profil database, and prints the
file size and the peak of Python allocations (tracemalloc) during the pegawai
import, and the process's peak RSS. Run it once per format in a fresh process:
the figures are about one import.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import resource
import tempfile
import tracemalloc
from pathlib import Path

INSTANSI = "a1" * 16
UNOR = [f"{i:032x}" for i in range(1, 201)]


def tulis(folder: Path, jumlah: int, fmt: str) -> tuple[Path, Path]:
    unor = [
        [
            "id_unor",
            "nama_unor",
            "id_unor_atasan",
            "unor_induk",
            "jabatan_pimpinan",
            "id_instansi",
            "nama_instansi",
            "lokasi",
        ]
    ]
    unor += [
        [
            u,
            f"UNIT KERJA NOMOR {i}",
            "" if i == 0 else UNOR[0],
            "Y" if i == 0 else "N",
            f"Kepala Unit {i}",
            INSTANSI,
            "Pemerintah Kab. Contoh",
            "CONTOH",
        ]
        for i, u in enumerate(UNOR)
    ]
    pegawai = [["nip", "nama", "jabatan", "golongan_ruang", "jenis_asn", "id_unor", "email"]]
    for i in range(jumlah):
        # unique: birth date from i, then TMT, sex, sequence number
        nip = f"19{60 + i % 30:02d}{1 + i // 30 % 12:02d}{1 + i // 360 % 28:02d}{2010 + i % 10}011{1 + i // 10080:03d}"
        pegawai.append(
            [
                nip,
                f"PEGAWAI CONTOH NOMOR {i} S.Kom.",
                "Pranata Komputer Ahli Pertama pada Bidang Data",
                "III/a",
                "PNS",
                UNOR[i % len(UNOR)],
                f"pegawai{i}@contoh.go.id",
            ]
        )
    paths = folder / f"unor.{fmt}", folder / f"pegawai.{fmt}"
    for path, rows in zip(paths, (unor, pegawai), strict=True):
        if fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
        else:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("data")
            for r in rows:
                ws.append(r)
            wb.save(path)
    return paths


async def impor(settings: object, unor: Path, pegawai: Path) -> tuple[str, int]:
    from services.profil.importer import import_pegawai, import_unor
    from services.shared.db import Database

    db = Database.for_service(settings, "profil")  # type: ignore[arg-type]
    try:
        await import_unor(db, unor)
        tracemalloc.start()
        laporan = await import_pegawai(db, pegawai)
        _, puncak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        await db.dispose()
    return laporan.ringkasan(), puncak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pegawai", type=int, default=50_000)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    args = parser.parse_args()

    from cli.migrate import migrate
    from services.shared.config import Settings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unor, pegawai = tulis(folder, args.pegawai, args.format)
        settings = Settings(data_dir=folder / "data", port=0, log_level="WARNING")
        migrate(settings, ["profil"])
        ringkasan, puncak = asyncio.run(impor(settings, unor, pegawai))
        ukuran = pegawai.stat().st_size
        print(ringkasan)
        print(
            f"{args.format}: berkas {ukuran / 2**20:.1f} MiB, puncak alokasi Python {puncak / 2**20:.1f} MiB "
            f"({puncak / ukuran:.1f}x ukuran berkas), RSS puncak proses "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )


if __name__ == "__main__":
    main()
