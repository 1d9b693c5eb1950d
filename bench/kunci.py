"""The key RPCs of the scale benchmarks, on a generated instansi
(bench/generator.py): who calls what, shared by the load benchmark
(bench/skala.py), the SQL statement counts (bench/sql.py) and their test."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc
from ekinerja.skp.v1 import skp_pb2, skp_pb2_grpc

from bench.generator import PASSWORD, Hasil

Panggilan = Callable[[int], Awaitable[object]]
Md = tuple[tuple[str, str], ...]
PERIODE_LALU = npb.PERIODE_TRIWULAN_III  # over and rated
RATING = (npb.RATING_SESUAI_EKSPEKTASI, npb.RATING_DIATAS_EKSPEKTASI)


async def login(ch: grpc.aio.Channel, nip: str) -> Md:
    resp = await auth_pb2_grpc.AuthServiceStub(ch).Login(auth_pb2.LoginRequest(nip=nip, password=PASSWORD))
    return (("authorization", f"Bearer {resp.access_token}"),)


async def kasus(ch: grpc.aio.Channel, hasil: Hasil, klien: int) -> list[tuple[str, Panggilan]]:
    """(name, call(i)) of each key RPC. Call i comes from worker i // 1000
    (bench/ukur.measure): each of the `klien` workers writes only its own
    pegawai's realisasi and its own bawahan's rating, so optimistic locking
    does not turn the write figures into conflict figures."""
    auth = auth_pb2_grpc.AuthServiceStub(ch)
    skp = skp_pb2_grpc.SkpServiceStub(ch)
    nilai = penilaian_pb2_grpc.PenilaianServiceStub(ch)
    orang = hasil.pegawai[:klien]
    md = [await login(ch, nip) for nip in orang]
    md_penilai = await login(ch, hasil.penilai)
    bawahan = hasil.skp_bawahan

    def pegawai(i: int) -> int:
        return (i // 1000) % len(orang)

    def skp_id(i: int) -> str:
        return hasil.skp_pegawai[orang[pegawai(i)]]

    def dinilai(i: int) -> str:
        return bawahan[(i // 1000) % len(bawahan)]

    return [
        (
            "Auth/Login (argon2id)",
            lambda i: auth.Login(auth_pb2.LoginRequest(nip=hasil.pegawai[i % len(hasil.pegawai)], password=PASSWORD)),
        ),
        (
            "Skp/GetSkp (Detail SKP)",
            lambda i: skp.GetSkp(skp_pb2.GetSkpRequest(name=f"skp/{skp_id(i)}"), metadata=md[pegawai(i)]),
        ),
        (
            f"Skp/ListSkpBawahan ({hasil.bawahan_penilai})",
            lambda i: skp.ListSkpBawahan(skp_pb2.ListSkpBawahanRequest(tahun=hasil.tahun), metadata=md_penilai),
        ),
        (
            "Nilai/GetPenilaian",
            lambda i: nilai.GetPenilaian(
                npb.GetPenilaianRequest(name=f"penilaian/{skp_id(i)}/periode/tw3"), metadata=md[pegawai(i)]
            ),
        ),
        (
            f"Nilai/ListRekap ({hasil.bawahan_penilai})",
            lambda i: nilai.ListRekapPenilaian(
                npb.ListRekapPenilaianRequest(tahun=hasil.tahun, periode=PERIODE_LALU), metadata=md_penilai
            ),
        ),
        (
            "Nilai/UpdateRealisasi (write)",
            lambda i: nilai.UpdateRealisasi(
                npb.UpdateRealisasiRequest(
                    parent=f"penilaian/{skp_id(i)}/periode/tw4",
                    realisasi=npb.Realisasi(
                        indikator=hasil.indikator[skp_id(i)], realisasi=f"{i % 9 + 1} dokumen", sumber_data="Laporan"
                    ),
                ),
                metadata=md[pegawai(i)],
            ),
        ),
        (
            "Nilai/SetRating (write)",
            lambda i: nilai.SetRating(
                npb.SetRatingRequest(
                    name=f"penilaian/{dinilai(i)}/periode/tw3",
                    rating_hasil_kerja=RATING[i % 2],
                    rating_perilaku_kerja=npb.RATING_SESUAI_EKSPEKTASI,
                ),
                metadata=md_penilai,
            ),
        ),
    ]
