"""Cetak (issue 5): documents per second of each type, the latency of the
first print of a fresh server (typst starts, fonts load), and a bulk print
for a penilai of 100 bawahan. SUYANTO's approved, rated 2023 SKP of the demo
is the document; WIDANANG gets 100 approved bawahan SKPs written into skp's
store (bench/isi_massal.py) for the bulk print."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable

import grpc
from ekinerja.cetak.v1 import cetak_pb2, cetak_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from google.type.date_pb2 import Date

from bench.isi_massal import skp_bawahan
from services.profil.demo import BIDANG_PEMBINAAN, INSTANSI_ID, SUYANTO, WIDANANG
from services.shared.config import Settings
from services.shared.db import Database

JUMLAH_MASSAL = 100
TANGGAL = Date(year=2023, month=9, day=5)

Kasus = list[tuple[str, Callable[[int], Awaitable[object]]]]


async def siapkan(settings: Settings) -> None:
    db = Database.for_service(settings, "skp")
    try:
        await skp_bawahan(
            db,
            penilai_nip=WIDANANG,
            penilai_nama="WIDANANG SASMITO AJI",
            instansi_id=INSTANSI_ID,
            unor_id=BIDANG_PEMBINAAN,
            tahun=2023,
            jumlah=JUMLAH_MASSAL,
            mulai=5000,
        )
    finally:
        await db.dispose()


async def unduh(stream) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Reads a Cetak stream to the end; returns (bytes, documents)."""
    ukuran, dokumen, sha = 0, 1, hashlib.sha256()
    async for bagian in stream:
        if bagian.HasField("info"):
            ukuran, dokumen = bagian.info.ukuran, bagian.info.riwayat.jumlah_dokumen or 1
        elif bagian.HasField("data"):
            sha.update(bagian.data)
    return ukuran, dokumen


async def skp_suyanto(ch: grpc.aio.Channel, md: tuple) -> str:  # type: ignore[type-arg]
    daftar = await skp_pb2_grpc.SkpServiceStub(ch).ListSkp(
        skp_pb2.ListSkpRequest(parent=f"pegawai/{SUYANTO}"), metadata=md
    )
    return next(x.id for x in daftar.skp if x.periode_awal.year == 2023)


async def pertama(ch: grpc.aio.Channel, md: tuple, skp_id: str) -> float:  # type: ignore[type-arg]
    """Milliseconds of the first print this server makes."""
    cetak = cetak_pb2_grpc.CetakServiceStub(ch)
    t = time.perf_counter()
    await unduh(
        cetak.CetakRencanaSkp(cetak_pb2.CetakRencanaSkpRequest(skp=f"skp/{skp_id}", tanggal=TANGGAL), metadata=md)
    )
    return (time.perf_counter() - t) * 1000


def kasus(ch: grpc.aio.Channel, md: tuple, skp_id: str) -> Kasus:  # type: ignore[type-arg]
    cetak = cetak_pb2_grpc.CetakServiceStub(ch)
    nama = f"penilaian/{skp_id}/periode/akhir"
    return [
        (
            "Cetak/RencanaSkp",
            lambda i: unduh(
                cetak.CetakRencanaSkp(
                    cetak_pb2.CetakRencanaSkpRequest(skp=f"skp/{skp_id}", tanggal=TANGGAL, anchor_pegawai="^"),
                    metadata=md,
                )
            ),
        ),
        (
            "Cetak/RencanaSkp + TTE",
            lambda i: unduh(
                cetak.CetakRencanaSkp(
                    cetak_pb2.CetakRencanaSkpRequest(
                        skp=f"skp/{skp_id}", tanggal=TANGGAL, tanda_tangan=cetak_pb2.PIHAK_TANDA_TANGAN_PEGAWAI
                    ),
                    metadata=md,
                )
            ),
        ),
        (
            "Cetak/FormPenilaian",
            lambda i: unduh(
                cetak.CetakFormPenilaian(
                    cetak_pb2.CetakFormPenilaianRequest(penilaian=nama, tanggal=TANGGAL), metadata=md
                )
            ),
        ),
        (
            "Cetak/EvaluasiKinerja",
            lambda i: unduh(
                cetak.CetakEvaluasiKinerja(cetak_pb2.CetakEvaluasiKinerjaRequest(penilaian=nama), metadata=md)
            ),
        ),
    ]


async def massal(ch: grpc.aio.Channel, md_penilai: tuple) -> dict[str, float]:  # type: ignore[type-arg]
    """One bulk Form Penilaian for the 100 bawahan: seconds, documents/s, MiB."""
    cetak = cetak_pb2_grpc.CetakServiceStub(ch)
    t = time.perf_counter()
    ukuran, dokumen = await unduh(
        cetak.CetakMassal(
            cetak_pb2.CetakMassalRequest(
                jenis=cetak_pb2.JENIS_CETAK_FORM_PENILAIAN, tahun=2023, periode="akhir", tanggal=TANGGAL
            ),
            metadata=md_penilai,
        )
    )
    detik = time.perf_counter() - t
    return {"detik": detik, "dokumen": dokumen, "per_detik": dokumen / detik, "mib": ukuran / 2**20}
