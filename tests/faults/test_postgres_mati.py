"""PostgreSQL stops under load and comes back: while it is down every call
fails UNAVAILABLE with an Indonesian message (never INTERNAL or UNKNOWN), and
once it is up the same server process answers again — no restart of the
services, no acknowledged write lost, none applied twice.

Runs on a private cluster (tests/faults/klaster.py), never the shared one."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time

import asyncpg
import grpc
import pytest
from ekinerja.profil.v1 import profil_pb2, profil_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from services.shared.config import Settings
from services.shared.db import Database
from tests import data
from tests.e2e.test_cli_serve import EKINERJA
from tests.faults import klaster
from tests.faults.bantu import (
    OPSI_KANAL,
    PENULIS,
    Layanan,
    Pegawai,
    Statistik,
    env_untuk,
    hitung,
    jejak_skp,
    kirim,
    siapkan,
    tulis,
)

BATAS_PULIH = 30.0  # seconds for the services to answer again once PostgreSQL is up


@pytest.fixture
def pg_pribadi():
    alasan = klaster.alasan_tidak_tersedia()
    if alasan:
        if os.environ.get("EKINERJA_TEST_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"EKINERJA_TEST_REQUIRE_POSTGRES=1 tetapi {alasan}")
        pytest.skip(alasan)
    with klaster.klaster_pribadi() as k:
        yield k


async def _siapkan_basis_data(k: klaster.Klaster, tmp_path) -> Settings:
    conn = await asyncpg.connect(host="127.0.0.1", port=k.port, user="postgres", database="postgres", timeout=10)
    try:
        await conn.execute("CREATE DATABASE ekinerja")
    finally:
        await conn.close()
    settings = Settings(data_dir=tmp_path / "data", database_url=k.url("ekinerja"), log_level="WARNING")
    await asyncio.to_thread(
        subprocess.run, [EKINERJA, "migrate"], env=env_untuk(settings), check=True, capture_output=True, timeout=120
    )
    db = Database.for_service(settings, "profil")
    try:
        await data.isi(db)
    finally:
        await db.dispose()
    return settings


async def _baca(channel: grpc.aio.Channel, p: Pegawai, stat: Statistik, berhenti: asyncio.Event) -> None:
    """Reads of profil's database (with its session check), of skp's, and one
    that goes skp → profil over gRPC (the Matriks Peran Hasil lists bawahan)."""
    profil, skp = profil_pb2_grpc.ProfilServiceStub(channel), skp_pb2_grpc.SkpServiceStub(channel)
    for _ in range(20000):
        if berhenti.is_set():
            return
        await kirim(stat, profil.GetPegawai, profil_pb2.GetPegawaiRequest(name=f"pegawai/{p.nip}"), p.md, tulis=False)
        await kirim(stat, skp.GetSkp, skp_pb2.GetSkpRequest(name=p.skp), p.md, tulis=False)
        await kirim(stat, skp.GetMatriksPeranHasil, skp_pb2.GetMatriksPeranHasilRequest(name=p.skp), p.md, tulis=False)
        await asyncio.sleep(0.01)


async def test_postgres_mati_lalu_hidup_layanan_pulih_sendiri(pg_pribadi, tmp_path):
    settings = await _siapkan_basis_data(pg_pribadi, tmp_path)
    layanan = Layanan(env_untuk(settings), tmp_path / "serve.log")
    layanan.mulai()
    try:
        await layanan.siap()
        pid = layanan.proc.pid
        async with grpc.aio.insecure_channel(layanan.alamat, options=OPSI_KANAL) as channel:
            pegawai = await siapkan(channel, PENULIS[:3])
            stat, berhenti = Statistik(), asyncio.Event()
            kerja = [asyncio.create_task(tulis(channel, p, stat, None, berhenti)) for p in pegawai]
            kerja.append(asyncio.create_task(_baca(channel, pegawai[0], stat, berhenti)))

            async def tunggu(syarat, batas: float = 60.0) -> None:
                # A client that died of a non-retryable error fails the test now, not at a timeout.
                await stat.tunggu(lambda: syarat() or any(t.done() for t in kerja), batas)
                mati_dini = [t.exception() or "selesai" for t in kerja if t.done()]
                assert not mati_dini, (mati_dini, stat.pesan, layanan.ekor_log())

            try:
                await tunggu(lambda: stat.diakui >= 12)
                gagal_sebelum = sum(stat.gagal.values())  # none expected; DEADLINE_EXCEEDED on a loaded host is allowed
                mati = time.monotonic()
                await asyncio.to_thread(pg_pribadi.hentikan)
                await tunggu(lambda: sum(stat.gagal.values()) >= 20)  # the outage is seen by clients
                diakui_saat_mati = stat.diakui
                await asyncio.to_thread(pg_pribadi.mulai)
                hidup = time.monotonic()
                gagal_saat_mati = dict(stat.gagal)
                await tunggu(lambda: stat.diakui >= diakui_saat_mati + 2 * len(pegawai), BATAS_PULIH)
                pulih = time.monotonic()
            except BaseException:
                for t in kerja:  # no retrying against a database that may still be down
                    t.cancel()
                raise
            finally:
                berhenti.set()
                # Each writer finishes (retrying) the write it has begun, so every attempt gets an answer.
                selesai = await asyncio.wait_for(asyncio.gather(*kerja, return_exceptions=True), 120)
            errors = [e for e in selesai if isinstance(e, BaseException)]
            assert not errors, (errors, layanan.ekor_log())
            assert layanan.proc.pid == pid and layanan.proc.poll() is None  # recovered without a restart
            pasangan = {p.nip: n for p, n in zip(pegawai, selesai[: len(pegawai)], strict=True)}
            h = await hitung(channel, pegawai, pasangan)
    finally:
        await layanan.hentikan()

    jejak = await jejak_skp(settings)
    print(
        f"\nPostgreSQL mati {hidup - mati:.1f} s; percobaan gagal {gagal_sebelum} sebelumnya, "
        f"{gagal_saat_mati} sampai hidup lagi, {dict(stat.gagal)} seluruhnya; pesan {dict(stat.pesan)}; pulih {pulih - hidup:.1f} s setelah "
        f"PostgreSQL hidup; {h.dicoba} tulisan, {len(stat.diulang)} diulang, hilang {len(h.hilang)}, "
        f"ganda {len(h.ganda)}"
    )
    assert set(stat.gagal) <= {"UNAVAILABLE", "DEADLINE_EXCEEDED"}, stat.pesan
    assert all("coba lagi" in p for p in stat.pesan if p.startswith("UNAVAILABLE")), stat.pesan
    assert not h.hilang and not h.ganda, (h.hilang, h.ganda, layanan.ekor_log())
    assert h.ada == h.dicoba == stat.diakui
    tulisan = {rid: w for rid, w in jejak.items() if rid.startswith(("rhk-", "ind-"))}
    assert len(tulisan) == h.dicoba and all(len(w) == 1 for w in tulisan.values())
