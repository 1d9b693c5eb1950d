"""SIGKILL of `ekinerja serve` in the middle of a stream of writes, then a
restart on the same data: a client that retries every call whose outcome it
did not see, with the same request_id, ends with each write applied exactly
once — none lost, none twice."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from ekinerja.skp.v1 import skp_pb2_grpc

from tests.faults.bantu import (
    OPSI_KANAL,
    PENULIS,
    Layanan,
    Statistik,
    env_untuk,
    hitung,
    jejak_skp,
    kirim,
    siapkan,
    tulis,
)
from tests.faults.perantara import Perantara

PASANGAN = 12  # RHK + indikator per writer: 4 writers × 12 × 2 = 96 writes
BUNUH = 2  # SIGKILLs per run (the case of a lost answer is made certain by the test below)


async def test_sigkill_di_tengah_penulisan_tanpa_hilang_atau_ganda(settings, tmp_path):
    benih = random.randrange(1 << 30)
    acak = random.Random(benih)  # printed: a failing run's kill points can be repeated
    layanan = Layanan(env_untuk(settings), tmp_path / "serve.log")
    layanan.mulai()
    try:
        await layanan.siap()
        pid_awal = layanan.proc.pid
        async with grpc.aio.insecure_channel(layanan.alamat, options=OPSI_KANAL) as channel:
            pegawai = await siapkan(channel)
            stat = Statistik()
            total = len(pegawai) * PASANGAN * 2
            # Kill after these many acknowledged writes: several kills, so that some land
            # between a commit and its answer (the case idempotency is for). None later than
            # half-way: four writers finish the last fifth in less time than a kill takes, and a
            # kill after the last write hits no call in flight.
            titik = sorted(acak.sample(range(total // 10, total // 2), BUNUH))
            saat: list[dict] = []

            async def bunuh_lalu_mulai_lagi() -> None:
                for n in titik:
                    n = max(n, stat.diakui + 4)  # the restarted server has answered writes before it dies again
                    await stat.tunggu(lambda n=n: stat.diakui >= n)
                    await asyncio.sleep(acak.uniform(0, 0.03))  # land inside a transaction, not on an answer
                    saat.append(dict(waktu=dt.datetime.now(dt.UTC), diakui=stat.diakui, sedang=stat.sedang))
                    await asyncio.to_thread(layanan.bunuh)
                    layanan.mulai()  # same port, same data; the writers keep retrying meanwhile

            try:
                hasil = await asyncio.wait_for(
                    asyncio.gather(bunuh_lalu_mulai_lagi(), *(tulis(channel, p, stat, PASANGAN) for p in pegawai)), 120
                )
            except BaseException:
                print(f"benih={benih} saat={saat} gagal={dict(stat.gagal)}\n{layanan.ekor_log()}")
                raise
            assert layanan.proc.pid != pid_awal and layanan.proc.poll() is None
            await layanan.siap()  # the last restart may still be starting when the writers are done
            h = await hitung(channel, pegawai, {p.nip: n for p, n in zip(pegawai, hasil[1:], strict=True)})
    finally:
        await layanan.hentikan()

    jejak = await jejak_skp(settings)
    tulisan = {rid: w for rid, w in jejak.items() if rid.startswith(("rhk-", "ind-"))}

    # A retried write whose audit row predates a kill was applied but its answer lost:
    # the retry got the stored answer (the case idempotency exists for).
    def sebelum_bunuh(rid: str) -> bool:
        bunuh = max((s["waktu"] for s in saat if s["waktu"] <= stat.gagal_pertama[rid]), default=None)
        return bunuh is not None and rid in tulisan and tulisan[rid][0] < bunuh

    pulih = [rid for rid in stat.diulang if sebelum_bunuh(rid)]
    print(
        f"\nSIGKILL [{'postgresql' if settings.database_url else 'sqlite'}] benih={benih}: {h.dicoba} tulisan; "
        f"SIGKILL setelah {[s['diakui'] for s in saat]} diakui, panggilan sedang berjalan {[s['sedang'] for s in saat]}; "
        f"{len(stat.diulang)} diulang, {len(pulih)} di antaranya sudah tersimpan sebelum SIGKILL; "
        f"percobaan gagal {dict(stat.gagal)}; hilang {len(h.hilang)}, ganda {len(h.ganda)}"
    )
    assert all(s["sedang"] > 0 for s in saat)  # every kill hit calls in flight
    assert not h.hilang and not h.ganda, (h.hilang, h.ganda, layanan.ekor_log())
    assert h.ada == h.dicoba == total == stat.diakui
    # The audit trail agrees: each write applied exactly once, in one transaction.
    assert len(tulisan) == total and all(len(w) == 1 for w in tulisan.values())


async def test_jawaban_hilang_setelah_commit_lalu_sigkill_dijawab_ulang(settings, tmp_path):
    """The case above made certain: the write commits, its answer is lost on
    the way, the server dies; the retry after the restart gets the first
    answer (the same RHK) and nothing is applied twice."""
    layanan = Layanan(env_untuk(settings), tmp_path / "serve.log")
    layanan.mulai()
    perantara = Perantara(layanan.port)
    try:
        await layanan.siap()
        await perantara.mulai()
        async with grpc.aio.insecure_channel(f"127.0.0.1:{perantara.port}", options=OPSI_KANAL) as channel:
            (p,) = await siapkan(channel, PENULIS[:1])
            stat, rid = Statistik(), f"rhk-hilang-{random.randrange(1 << 30):08x}"
            request = s.CreateRhkRequest(
                request_id=rid, parent=p.skp, rhk=s.Rhk(teks="RHK yang jawabannya hilang", jenis=s.JENIS_RHK_UTAMA)
            )
            perantara.telan = True
            tugas = asyncio.create_task(kirim(stat, skp_pb2_grpc.SkpServiceStub(channel).CreateRhk, request, p.md))
            batas = time.monotonic() + 60
            while rid not in await jejak_skp(settings):  # committed, with its idempotency record
                assert time.monotonic() < batas and not tugas.done(), layanan.ekor_log()
                await asyncio.sleep(0.05)
            await asyncio.to_thread(layanan.bunuh)
            perantara.telan = False
            layanan.mulai()
            rhk = await asyncio.wait_for(tugas, 120)
            got = await skp_pb2_grpc.SkpServiceStub(channel).GetSkp(s.GetSkpRequest(name=p.skp), metadata=p.md)
    finally:
        try:
            await perantara.tutup()
        finally:
            await layanan.hentikan()
    assert rid in stat.diulang and stat.diakui == 1  # the client never saw the first answer
    assert [r.name for r in got.rhk] == [rhk.name]  # the retry answered with the RHK the first call made
    assert len((await jejak_skp(settings))[rid]) == 1
