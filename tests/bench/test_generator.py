"""The generated instansi (bench/generator.py) is data the services accept:
real RPCs through an in-process server on ~200 generated pegawai."""

from __future__ import annotations

from pathlib import Path

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from bench import kunci
from bench.sql import server_instansi


async def test_data_generator_dipakai_layanan(tmp_path: Path) -> None:
    running, hasil = await server_instansi(tmp_path / "data", 200)
    try:
        assert hasil.jumlah["pegawai"] == 200 and hasil.jumlah["penilaian"] > 0
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            skp = skp_pb2_grpc.SkpServiceStub(ch)
            nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)
            nip = hasil.pegawai[0]
            md = await kunci.login(ch, nip)
            detail = await skp.GetSkp(skp_pb2.GetSkpRequest(name=f"skp/{hasil.skp_pegawai[nip]}"), metadata=md)
            assert detail.status == skp_pb2.STATUS_SKP_PERSETUJUAN and detail.rhk and detail.penilai.nip

            # The snapshot's penilai is who profil resolves as atasan, and sees the SKP as a bawahan's.
            md_p = await kunci.login(ch, detail.penilai.nip)
            bawahan = await skp.ListSkpBawahan(skp_pb2.ListSkpBawahanRequest(tahun=hasil.tahun), metadata=md_p)
            assert detail.id in {x.id for x in bawahan.skp}

            p = await nilai.GetPenilaian(
                npb.GetPenilaianRequest(name=f"penilaian/{detail.id}/periode/tw3"), metadata=md
            )
            assert p.realisasi and p.bukti_dukung and p.rencana_aksi

            md_besar = await kunci.login(ch, hasil.penilai)
            rekap = await nilai.ListRekapPenilaian(
                npb.ListRekapPenilaianRequest(tahun=hasil.tahun, periode=npb.PERIODE_TRIWULAN_III), metadata=md_besar
            )
            assert len(rekap.rekap) == hasil.bawahan_penilai and rekap.dinilai > 0

            # Every key RPC of the benchmark succeeds on this data, writes included.
            for _nama, panggil in await kunci.kasus(ch, hasil, 2):
                await panggil(1000)
    finally:
        await running.stop(grace=1)
