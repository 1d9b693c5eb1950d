"""Isian periode and Rating XLSX with 5,000 rows (issue 19, docs/isian-xlsx.md).

    python -m bench.isian_xlsx [--baris 5000] [--port 50872]

A fresh data directory, `ekinerja migrate`, `ekinerja seed demo`, then
`ekinerja serve` in its own process on SQLite. Two uploads of `--baris` rows,
each checked (nothing saved) and then saved, one client, timed from the first
message to the answer:

- Isian: SUTIKNO's approved SKP of next year (open), written straight into
  skp's tables, two RHK; a template with that many rencana aksi rows.
- Rating: ENDANG with that many approved bawahan SKPs of 2023 (bench/isi_massal.py),
  the rating template downloaded and filled.

Never part of `make test`; the tests check the same uploads' results, not their time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from openpyxl import load_workbook
from sqlalchemy import update

from bench.isi_massal import skp_bawahan
from services.profil.demo import BIDANG_PEMBINAAN, DEMO_PASSWORD, ENDANG, INSTANSI_ID, SUTIKNO
from services.shared.config import Settings
from services.shared.db import Database
from services.skp.store.models import SkpRow

POTONGAN = 32 * 1024
TAHUN_BUKA = dt.date.today().year + 1


async def siapkan(settings: Settings, baris: int) -> str:
    """SUTIKNO's open SKP (returns its id) and ENDANG's `baris` bawahan SKPs of 2023."""
    db = Database.for_service(settings, "skp")
    try:
        (skp_id,) = await skp_bawahan(
            db,
            penilai_nip=ENDANG,
            penilai_nama="ENDANG SUMARSIH",
            instansi_id=INSTANSI_ID,
            unor_id=BIDANG_PEMBINAAN,
            tahun=TAHUN_BUKA,
            jumlah=1,
            mulai=900_000,
        )
        async with db.transaction() as s:
            await s.execute(update(SkpRow).where(SkpRow.id == skp_id).values(nip=SUTIKNO, pegawai_nama="SUTIKNO"))
        await skp_bawahan(
            db,
            penilai_nip=ENDANG,
            penilai_nama="ENDANG SUMARSIH",
            instansi_id=INSTANSI_ID,
            unor_id=BIDANG_PEMBINAAN,
            tahun=2023,
            jumlah=baris,
        )
        return skp_id
    finally:
        await db.dispose()


async def unduh(call) -> bytes:  # type: ignore[no-untyped-def]
    isi = bytearray()
    async for m in call:
        isi += m.isi
    return bytes(isi)


def pesan(kepala: pb.UnggahXlsxRequest, isi: bytes):  # type: ignore[no-untyped-def]
    yield kepala
    for i in range(0, len(isi), POTONGAN):
        yield pb.UnggahXlsxRequest(isi=isi[i : i + POTONGAN])


async def unggah(method, kepala: pb.UnggahXlsxRequest, isi: bytes, md) -> tuple[float, pb.HasilUnggahXlsx]:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    hasil = await method(pesan(kepala, isi), metadata=md, timeout=600)
    return time.perf_counter() - t, hasil


async def ukur(port: int, skp_id: str, baris: int) -> list[tuple[str, int, float, pb.HasilUnggahXlsx]]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        await asyncio.wait_for(ch.channel_ready(), 120)  # a busy machine starts the server slowly
        auth = auth_pb2_grpc.AuthServiceStub(ch)
        nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)

        async def masuk(nip: str) -> tuple[tuple[str, str]]:
            r = await auth.Login(auth_pb2.LoginRequest(nip=nip, password=DEMO_PASSWORD))
            return (("authorization", f"Bearer {r.access_token}"),)

        hasil = []
        md = await masuk(SUTIKNO)
        name = f"penilaian/{skp_id}/periode/akhir"
        wb = load_workbook(
            io.BytesIO(await unduh(nilai.UnduhIsianPeriode(pb.UnduhIsianPeriodeRequest(name=name), metadata=md)))
        )
        ws = wb["Rencana Aksi"]
        rhk = [ws.cell(r, 2).value for r in range(2, ws.max_row + 1)]
        ws.delete_rows(2, ws.max_row)
        for i in range(baris):
            ws.append(["", rhk[i % len(rhk)], "", f"Rencana aksi nomor {i:05d} untuk periode ini"])
        buf = io.BytesIO()
        wb.save(buf)
        isi = buf.getvalue()
        for mode, label in ((pb.MODE_UNGGAH_UNSPECIFIED, "periksa"), (pb.MODE_UNGGAH_SEMUA, "simpan")):
            detik, h = await unggah(
                nilai.UnggahIsianPeriode,
                pb.UnggahXlsxRequest(request_id=uuid.uuid4().hex, name=name, mode=mode, nama_berkas="isian.xlsx"),
                isi,
                md,
            )
            hasil.append((f"UnggahIsianPeriode {label}", len(isi), detik, h))

        md = await masuk(ENDANG)
        wb = load_workbook(
            io.BytesIO(
                await unduh(
                    nilai.UnduhRatingBawahan(
                        pb.ListRekapPenilaianRequest(tahun=2023, periode=pb.PERIODE_AKHIR_TAHUN), metadata=md
                    )
                )
            )
        )
        ws = wb["Rating"]
        for r in range(2, ws.max_row + 1):
            ws.cell(r, 5, ("SESUAI EKSPEKTASI", "DIATAS EKSPEKTASI")[r % 2])
            ws.cell(r, 6, "SESUAI EKSPEKTASI")
        buf = io.BytesIO()
        wb.save(buf)
        isi = buf.getvalue()
        for mode, label in ((pb.MODE_UNGGAH_UNSPECIFIED, "periksa"), (pb.MODE_UNGGAH_SEMUA, "simpan")):
            detik, h = await unggah(
                nilai.UnggahRatingBawahan,
                pb.UnggahXlsxRequest(
                    request_id=uuid.uuid4().hex,
                    tahun=2023,
                    periode=pb.PERIODE_AKHIR_TAHUN,
                    mode=mode,
                    nama_berkas="rating.xlsx",
                ),
                isi,
                md,
            )
            hasil.append((f"UnggahRatingBawahan {label}", len(isi), detik, h))
        return hasil


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baris", type=int, default=5000)
    parser.add_argument("--port", type=int, default=50872)
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "ekinerja")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EKINERJA_DATA_DIR": tmp, "EKINERJA_LOG_LEVEL": "WARNING"}
        env.pop("EKINERJA_DATABASE_URL", None)
        for cmd in (["migrate"], ["seed", "demo"]):
            subprocess.run([exe, *cmd], env=env, check=True, stdout=subprocess.DEVNULL)
        skp_id = asyncio.run(siapkan(Settings(data_dir=Path(tmp)), args.baris))
        server = subprocess.Popen(
            [exe, "serve", "--port", str(args.port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            hasil = asyncio.run(ukur(args.port, skp_id, args.baris))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"Isian/Rating XLSX, {args.baris} rows — SQLite, 1 server process, 1 client, {os.cpu_count()} cores")
    print(f"{'upload':<30}{'KiB':>7}{'s':>8}{'rows/s':>9}  rows ok/changed/refused, saved")
    for nama, ukuran, detik, h in hasil:
        print(
            f"{nama:<30}{ukuran // 1024:>7}{detik:>8.2f}{h.jumlah_baris / detik:>9.0f}  "
            f"{h.baris_sah}/{h.berubah}/{len(h.kesalahan)}, {h.disimpan}"
        )


if __name__ == "__main__":
    main()
