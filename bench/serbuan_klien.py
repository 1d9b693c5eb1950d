"""The load of the deadline rush (bench/serbuan.py), in a process of its own:

    python -m bench.serbuan_klien RENCANA.json HASIL.json

RENCANA.json: {"alamat", "detik", "tahun", "periode", "campuran": {jenis: bobot},
"pekerja": [{"pegawai": [{"nip", "skp", "indikator": [...], "rhk": [...]}],
"penilai": {"nip", "skp": [...]}}]}. Every worker owns its pegawai and its
penilai (nobody else writes their rows, so optimistic locking and the first
insert of a row never race between workers). All accounts log in first (argon2:
slow, outside the measured window); then each worker picks a call by the
weights for `detik` seconds, every mutation with a fresh request_id. Prints
MULAI when the window opens and SELESAI when it closes (the parent samples CPU
between them)."""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import sys
import time
import uuid

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from bench.generator import PASSWORD

RATING = (npb.RATING_SESUAI_EKSPEKTASI, npb.RATING_DIATAS_EKSPEKTASI, npb.RATING_DIBAWAH_EKSPEKTASI)
JENIS = ("UpdateRealisasi", "CreateBuktiDukung", "SetRating")


async def _login_semua(auth: auth_pb2_grpc.AuthServiceStub, nips: list[str], paralel: int = 8) -> dict[str, tuple]:
    sem = asyncio.Semaphore(paralel)
    md: dict[str, tuple] = {}

    async def satu(nip: str) -> None:
        async with sem:
            resp = await auth.Login(auth_pb2.LoginRequest(nip=nip, password=PASSWORD), timeout=120)
            md[nip] = (("authorization", f"Bearer {resp.access_token}"),)

    await asyncio.gather(*(satu(n) for n in nips))
    return md


def _ringkas(lat: list[float]) -> dict:
    lat = sorted(lat)
    if not lat:
        return {"n": 0, "p50": 0.0, "p99": 0.0}
    return {"n": len(lat), "p50": statistics.median(lat) * 1000, "p99": lat[max(0, int(len(lat) * 0.99) - 1)] * 1000}


async def jalan(rencana: dict) -> dict:
    periode = rencana["periode"]
    bobot = [rencana["campuran"][j] for j in JENIS]
    async with grpc.aio.insecure_channel(rencana["alamat"]) as ch:
        auth = auth_pb2_grpc.AuthServiceStub(ch)
        nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)
        nips = [p["nip"] for w in rencana["pekerja"] for p in w["pegawai"]] + [
            w["penilai"]["nip"] for w in rencana["pekerja"]
        ]
        t = time.perf_counter()
        md = await _login_semua(auth, nips)
        login_s = time.perf_counter() - t

        def realisasi(rng: random.Random, w: dict) -> grpc.aio.UnaryUnaryCall:
            p = rng.choice(w["pegawai"])
            return nilai.UpdateRealisasi(
                npb.UpdateRealisasiRequest(
                    request_id=uuid.uuid4().hex,
                    parent=f"penilaian/{p['skp']}/periode/{periode}",
                    realisasi=npb.Realisasi(
                        indikator=rng.choice(p["indikator"]),
                        realisasi=f"{rng.randint(1, 12)} dokumen",
                        sumber_data="Laporan bulanan",
                    ),
                ),
                metadata=md[p["nip"]],
                timeout=60,
            )

        def bukti(rng: random.Random, w: dict) -> grpc.aio.UnaryUnaryCall:
            p = rng.choice(w["pegawai"])
            rhk = rng.choice(p["rhk"])
            return nilai.CreateBuktiDukung(
                npb.CreateBuktiDukungRequest(
                    request_id=uuid.uuid4().hex,
                    parent=f"penilaian/{p['skp']}/periode/{periode}",
                    bukti_dukung=npb.BuktiDukung(
                        rhk=rhk,
                        nama="Laporan kegiatan Desember",
                        tautan=f"https://drive.example.go.id/{uuid.uuid4().hex[:12]}",
                    ),
                ),
                metadata=md[p["nip"]],
                timeout=60,
            )

        def rating(rng: random.Random, w: dict) -> grpc.aio.UnaryUnaryCall:
            skp = rng.choice(w["penilai"]["skp"])
            return nilai.SetRating(
                npb.SetRatingRequest(
                    request_id=uuid.uuid4().hex,
                    name=f"penilaian/{skp}/periode/{periode}",
                    rating_hasil_kerja=rng.choice(RATING),
                    rating_perilaku_kerja=rng.choice(RATING[:2]),
                ),
                metadata=md[w["penilai"]["nip"]],
                timeout=60,
            )

        buat = {"UpdateRealisasi": realisasi, "CreateBuktiDukung": bukti, "SetRating": rating}
        lat: dict[str, list[float]] = {j: [] for j in JENIS}
        galat: dict[str, dict[str, int]] = {j: {} for j in JENIS}
        contoh: dict[str, str] = {}
        # One warm call of each kind by the first worker: first statements plan, channels open.
        rng0 = random.Random(0)
        for j in JENIS:
            try:
                await buat[j](rng0, rencana["pekerja"][0])
            except grpc.aio.AioRpcError as e:
                contoh.setdefault(f"pemanasan {j} {e.code().name}", e.details() or "")
        print("MULAI", flush=True)
        mulai = time.perf_counter()
        akhir = mulai + rencana["detik"]

        async def pekerja(i: int, w: dict) -> None:
            rng = random.Random(i + 1)
            while time.perf_counter() < akhir:
                j = rng.choices(JENIS, bobot)[0]
                t0 = time.perf_counter()
                try:
                    await buat[j](rng, w)
                except grpc.aio.AioRpcError as e:
                    kode = e.code().name
                    galat[j][kode] = galat[j].get(kode, 0) + 1
                    contoh.setdefault(f"{j} {kode}", (e.details() or "")[:300])
                lat[j].append(time.perf_counter() - t0)

        await asyncio.gather(*(pekerja(i, w) for i, w in enumerate(rencana["pekerja"])))
        lama = time.perf_counter() - mulai
        print("SELESAI", flush=True)
    return {
        "login_s": login_s,
        "login_n": len(nips),
        "detik": lama,
        "total": sum(len(v) for v in lat.values()) / lama,
        "per_jenis": {j: {**_ringkas(lat[j]), "rps": len(lat[j]) / lama, "galat": galat[j]} for j in JENIS},
        "semua": _ringkas([x for j in JENIS for x in lat[j]]),  # issue 18's p99 is over every write
        "contoh_galat": contoh,
    }


def main() -> None:
    rencana = json.loads(open(sys.argv[1]).read())
    hasil = asyncio.run(jalan(rencana))
    with open(sys.argv[2], "w") as f:
        json.dump(hasil, f, indent=1)


if __name__ == "__main__":
    main()
