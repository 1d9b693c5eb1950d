"""Server CPU per call of penilaian's hot RPCs (issue 18), against a server
already running on the demo data with bench/penilaian.py's 1,000 bawahan:

    EKINERJA_DATA_DIR=D ekinerja migrate && ekinerja seed demo
    python -c 'import asyncio; from pathlib import Path; from bench import penilaian; \
      from services.shared.config import Settings; asyncio.run(penilaian.siapkan(Settings(data_dir=Path("D"))))'
    EKINERJA_DATA_DIR=D ekinerja serve --port P &
    python -m bench.penilaian_cpu --port P --pid $!

CPU seconds of the server process (user + system, all its threads, from
/proc) divided by the calls answered: unlike req/s it hardly moves when other
work shares the machine, so two builds can be compared on a busy one. Each
figure is also given as a fraction of the floor (Health/Check) measured the
same way. Reads name a different bawahan SKP on every call, as bench/penilaian.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from bench.__main__ import ENDANG, login, measure


def cpu_detik(pid: int) -> float:
    kolom = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(kolom[11]) + int(kolom[12])) / os.sysconf("SC_CLK_TCK")


async def kasus(ch: grpc.aio.Channel) -> dict[str, Callable[[int], Awaitable[object]]]:
    md = await login(auth_pb2_grpc.AuthServiceStub(ch), ENDANG)
    nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)
    skp = skp_pb2_grpc.SkpServiceStub(ch)
    health = health_pb2_grpc.HealthStub(ch)
    bawahan = (await skp.ListSkpBawahan(skp_pb2.ListSkpBawahanRequest(tahun=2023, page_size=1000), metadata=md)).skp
    ids = [s.id for s in bawahan if s.status == skp_pb2.STATUS_SKP_PERSETUJUAN]
    milik = (await skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{ENDANG}"), metadata=md)).skp
    # ENDANG's own approved SKP of the newest year: its Triwulan IV is open for realisasi.
    sendiri = max((s for s in milik if s.status == skp_pb2.STATUS_SKP_PERSETUJUAN), key=lambda s: s.periode_awal.year)
    isi = await skp.GetSkp(skp_pb2.GetSkpRequest(name=sendiri.name), metadata=md)
    indikator = [i.name for r in isi.rhk for i in r.indikator]
    rating = (pb.RATING_SESUAI_EKSPEKTASI, pb.RATING_DIATAS_EKSPEKTASI)

    def sebar(i: int) -> str:  # as bench/penilaian.py: worker w starts at its own SKPs
        return ids[(i // 1000 * 125 + i % 1000) % len(ids)]

    rekap = pb.ListRekapPenilaianRequest(tahun=2023, periode=pb.PERIODE_AKHIR_TAHUN)
    return {
        "Health/Check (floor)": lambda i: health.Check(health_pb2.HealthCheckRequest()),
        "GetPenilaian": lambda i: nilai.GetPenilaian(
            pb.GetPenilaianRequest(name=f"penilaian/{sebar(i)}/periode/akhir"), metadata=md
        ),
        "SetRating": lambda i: nilai.SetRating(
            pb.SetRatingRequest(
                name=f"penilaian/{sebar(i)}/periode/akhir",
                rating_hasil_kerja=rating[i % 2],
                rating_perilaku_kerja=pb.RATING_SESUAI_EKSPEKTASI,
            ),
            metadata=md,
        ),
        "UpdateRealisasi": lambda i: nilai.UpdateRealisasi(
            pb.UpdateRealisasiRequest(
                request_id=uuid.uuid4().hex,
                parent=f"penilaian/{sendiri.id}/periode/tw4",
                realisasi=pb.Realisasi(indikator=indikator[i % len(indikator)], realisasi=f"{i % 12 + 1} dokumen"),
            ),
            metadata=md,
        ),
        f"ListRekap ({len(ids)} bawahan)": lambda i: nilai.ListRekapPenilaian(rekap, metadata=md),
    }


async def jalankan(port: int, pid: int, detik: float, klien: int) -> None:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        semua = await kasus(ch)
        lantai = 0.0
        print(f"{'RPC':<28}{'clients':>8}{'req/s':>8}{'p50 ms':>9}{'CPU ms/call':>13}{'of floor':>10}  errors")
        for nama, panggil in semua.items():
            for k in (klien, 1) if nama.startswith("ListRekap") else (klien,):
                mulai = cpu_detik(pid)
                r = await measure(nama, panggil, k, detik)
                ms = (cpu_detik(pid) - mulai) * 1000 / max(r["n"], 1)
                lantai = lantai or ms
                print(f"{nama:<28}{k:>8}{r['rps']:>8.0f}{r['p50']:>9.1f}{ms:>13.2f}{lantai / ms:>10.3f}  {r['errors']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the `ekinerja serve` process")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    asyncio.run(jalankan(args.port, args.pid, args.seconds, args.concurrency))


if __name__ == "__main__":
    main()
