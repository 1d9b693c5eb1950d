"""Requests are refused by size before they are parsed or their token is
checked: a flood of large unauthenticated messages must not take memory,
and a body that is not protobuf is a plain INVALID_ARGUMENT, not UNKNOWN."""

import asyncio
import resource

import grpc
import pytest
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

C = grpc.StatusCode
LOGIN = "/ekinerja.profil.v1.AuthService/Login"
SERENTAK = 64


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        kb = next(int(baris.split()[1]) for baris in f if baris.startswith("VmRSS:"))
    return kb / 1024


async def kirim_mentah(address: str, method: str, isi: bytes, n: int) -> list[grpc.aio.AioRpcError]:
    async with grpc.aio.insecure_channel(address) as ch:
        call = ch.unary_unary(method)  # bytes as they are: no serializer
        hasil = await asyncio.gather(*(call(isi, timeout=60) for _ in range(n)), return_exceptions=True)
    assert all(isinstance(h, grpc.aio.AioRpcError) for h in hasil), hasil
    return hasil


async def test_pesan_raksasa_tanpa_token_ditolak_tanpa_dibaca(address, capsys):
    # Just under the old 8 MiB limit, and not protobuf: parsed, it would fail to parse.
    isi = b"\xff" * (8 * 1024 * 1024 - 64)
    sebelum = rss_mib()
    hasil = await kirim_mentah(address, LOGIN, isi, SERENTAK)
    print(
        f"RSS proses uji (klien+server): {sebelum:.0f} MiB → {rss_mib():.0f} MiB, "
        f"puncak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    assert {h.code() for h in hasil} == {C.RESOURCE_EXHAUSTED}


async def test_pesan_di_atas_batas_rpc_ditolak_sebelum_diurai(address, capsys):
    # Under the server-wide limit, over Login's own: refused by size, so it
    # never reaches the parser (which would say "tidak dapat dibaca").
    hasil = await kirim_mentah(address, LOGIN, b"\xff" * (32 * 1024), SERENTAK)
    assert {h.code() for h in hasil} == {C.RESOURCE_EXHAUSTED}
    assert all("terlalu besar" in h.details() for h in hasil)
    assert "Traceback" not in capsys.readouterr().out


async def test_badan_rusak_invalid_argument_tanpa_traceback(address, capsys):
    (err,) = await kirim_mentah(address, LOGIN, b"\xff\xff\xff", 1)
    assert err.code() == C.INVALID_ARGUMENT
    assert "tidak dapat dibaca" in err.details() and "DecodeError" not in err.details()
    assert "permintaan" in field_violations(err)
    log = capsys.readouterr().out
    assert "Traceback" not in log and log.count("rpc.ditolak") == 1


async def test_permintaan_biasa_di_atas_64_kib_ditolak(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    nama = skp.skp[0].name if skp.skp else "skp/00000000000000000000000000000000"
    besar = s.UpdateLampiranRequest(
        name=nama, lampiran=s.Lampiran(konsekuensi=["x" * 1000] * 70), update_mask=FieldMask(paths=["konsekuensi"])
    )
    await gagal(client.skp.UpdateLampiran(besar, metadata=md), C.RESOURCE_EXHAUSTED)
