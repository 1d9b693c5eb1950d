"""Another instansi's pegawai, unit or SKP is answered exactly as one that
does not exist — same code, same message with the name in it — so an admin
of another instansi cannot learn which NIPs or SKPs exist (docs/keamanan.md)."""

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.skp.bantu import buat_skp

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

NIP_TIDAK_ADA = "196903232002121099"
SKP_TIDAK_ADA = "0123456789abcdef0123456789abcdef"
UNOR_TIDAK_ADA = "30000000000000000000000000000009"


async def jawaban(call) -> tuple[grpc.StatusCode, str]:
    try:
        if hasattr(call, "__aiter__"):
            isi = [str(x) async for x in call]
        else:
            isi = [str(await call)]
    except grpc.aio.AioRpcError as e:
        return e.code(), e.details()
    return grpc.StatusCode.OK, "".join(isi)


async def sama_seperti_tidak_ada(buat, ada: str, tidak_ada: str) -> None:
    kode_ada, pesan_ada = await jawaban(buat(ada))
    kode_tidak, pesan_tidak = await jawaban(buat(tidak_ada))
    assert kode_ada in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.OK), (ada, kode_ada, pesan_ada)
    assert (kode_ada, pesan_ada.replace(ada, "…")) == (kode_tidak, pesan_tidak.replace(tidak_ada, "…"))


async def test_instansi_lain_tidak_dapat_membedakan_ada_dan_tidak_ada(client):
    skp = await buat_skp(client, await client.login(nip=data.SUTIKNO))
    lain = await client.login(username="admin.ngawi")
    pro, sk, nil, cet = client.profil, client.skp, client.penilaian, client.cetak
    kasus = [
        (
            lambda x: pro.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{x}"), metadata=lain),
            data.SUTIKNO,
            NIP_TIDAK_ADA,
        ),
        (
            lambda x: pro.UpdatePegawai(
                p.UpdatePegawaiRequest(
                    pegawai=p.Pegawai(name=f"pegawai/{x}", jabatan="Analis"),
                    update_mask=FieldMask(paths=["jabatan"]),
                    alasan="uji",
                ),
                metadata=lain,
            ),
            data.SUTIKNO,
            NIP_TIDAK_ADA,
        ),
        (lambda x: pro.GetAtasan(p.GetAtasanRequest(name=f"pegawai/{x}"), metadata=lain), data.SUTIKNO, NIP_TIDAK_ADA),
        (lambda x: pro.GetUnor(p.GetUnorRequest(name=f"unor/{x}"), metadata=lain), data.SEKRETARIAT, UNOR_TIDAK_ADA),
        # A list answers as for a NIP without SKPs: empty.
        (lambda x: sk.ListSkp(s.ListSkpRequest(parent=f"pegawai/{x}"), metadata=lain), data.SUTIKNO, NIP_TIDAK_ADA),
        (lambda x: sk.GetSkp(s.GetSkpRequest(name=f"skp/{x}"), metadata=lain), skp.id, SKP_TIDAK_ADA),
        (
            lambda x: sk.UbahStatusSkp(s.UbahStatusSkpRequest(name=f"skp/{x}", alasan="uji"), metadata=lain),
            skp.id,
            SKP_TIDAK_ADA,
        ),
        (
            lambda x: nil.GetPenilaian(n.GetPenilaianRequest(name=f"penilaian/{x}/periode/akhir"), metadata=lain),
            skp.id,
            SKP_TIDAK_ADA,
        ),
        (lambda x: cet.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=f"skp/{x}"), metadata=lain), skp.id, SKP_TIDAK_ADA),
    ]
    for buat, ada, tidak_ada in kasus:
        await sama_seperti_tidak_ada(buat, ada, tidak_ada)
