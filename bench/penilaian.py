"""Rekap and Penilaian Bawahan for a penilai with 1,000 bawahan (issue 4):
ENDANG of the demo gets 1,000 approved SKPs for 2023, written into skp's
store next to the running server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2, penilaian_pb2_grpc

from bench.isi_massal import skp_bawahan
from services.profil.demo import BIDANG_PEMBINAAN, ENDANG, INSTANSI_ID
from services.shared.config import Settings
from services.shared.db import Database

JUMLAH = 1000


async def siapkan(settings: Settings) -> list[str]:
    db = Database.for_service(settings, "skp")
    try:
        return await skp_bawahan(
            db,
            penilai_nip=ENDANG,
            penilai_nama="ENDANG SUMARSIH",
            instansi_id=INSTANSI_ID,
            unor_id=BIDANG_PEMBINAAN,
            tahun=2023,
            jumlah=JUMLAH,
        )
    finally:
        await db.dispose()


def kasus(ch: grpc.aio.Channel, md_e: tuple, ids: list[str]) -> list[tuple[str, Callable[[int], Awaitable[object]]]]:  # type: ignore[type-arg]
    nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)
    rekap = penilaian_pb2.ListRekapPenilaianRequest(tahun=2023, periode=penilaian_pb2.PERIODE_AKHIR_TAHUN)
    rating = (penilaian_pb2.RATING_SESUAI_EKSPEKTASI, penilaian_pb2.RATING_DIATAS_EKSPEKTASI)

    def sebar(i: int) -> str:  # worker w sends w*1000+n: give each worker its own SKPs
        return ids[(i // 1000 * 125 + i % 1000) % len(ids)]

    return [
        (f"Nilai/ListRekap ({JUMLAH} bawahan)", lambda i: nilai.ListRekapPenilaian(rekap, metadata=md_e)),
        (
            "Nilai/GetPenilaian (1 bawahan)",
            lambda i: nilai.GetPenilaian(
                penilaian_pb2.GetPenilaianRequest(name=f"penilaian/{sebar(i)}/periode/akhir"), metadata=md_e
            ),
        ),
        (
            "Nilai/SetRating (write)",
            lambda i: nilai.SetRating(
                penilaian_pb2.SetRatingRequest(
                    name=f"penilaian/{sebar(i)}/periode/akhir",
                    rating_hasil_kerja=rating[i % 2],
                    rating_perilaku_kerja=penilaian_pb2.RATING_SESUAI_EKSPEKTASI,
                ),
                metadata=md_e,
            ),
        ),
    ]
