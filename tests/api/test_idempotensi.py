"""A retried mutation with the same request_id acts once."""

import asyncio

import grpc
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from google.type.date_pb2 import Date

from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode


def plt_request(request_id: str) -> p.CreatePenugasanRequest:
    return p.CreatePenugasanRequest(
        request_id=request_id,
        penugasan=p.Penugasan(
            nip=data.SUTIKNO,
            unor_id=data.SEKRETARIAT,
            jenis=p.JENIS_PENUGASAN_PLT,
            tanggal_mulai=Date(year=2024, month=1, day=1),
            tanggal_selesai=Date(year=2024, month=6, day=30),
        ),
    )


async def test_ulangan_create_mengembalikan_hasil_pertama(client):
    md = await client.login(nip=data.SUTIKNO)
    first = await client.profil.CreatePenugasan(plt_request("6f1c2a9e-0001"), metadata=md)
    again = await client.profil.CreatePenugasan(plt_request("6f1c2a9e-0001"), metadata=md)
    assert again == first
    daftar = await client.profil.ListPenugasan(p.ListPenugasanRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert len(daftar.penugasan) == 1
    # A new request id is a new action: here it overlaps the first request, so it is refused.
    await gagal(client.profil.CreatePenugasan(plt_request("6f1c2a9e-0002"), metadata=md), C.FAILED_PRECONDITION)


async def test_ulangan_serentak_tetap_sekali(client):
    md = await client.login(nip=data.SUTIKNO)
    results = await asyncio.gather(
        *(client.profil.CreatePenugasan(plt_request("serentak-0001"), metadata=md) for _ in range(4)),
        return_exceptions=True,
    )
    ok = [r for r in results if isinstance(r, p.Penugasan)]
    assert ok and len({r.id for r in ok}) == 1, results
    daftar = await client.profil.ListPenugasan(p.ListPenugasanRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert len(daftar.penugasan) == 1


async def test_ulangan_update_tidak_menaikkan_versi_dua_kali(client):
    md = await client.login(nip=data.SUTIKNO)
    req = p.UpdatePegawaiRequest(
        request_id="ubah-jabatan-01",
        pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", jabatan="Pengelola Data"),
        update_mask=FieldMask(paths=["jabatan"]),
    )
    a = await client.profil.UpdatePegawai(req, metadata=md)
    b = await client.profil.UpdatePegawai(req, metadata=md)
    assert a.etag == b.etag
    g = await client.profil.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert g.etag == a.etag


async def test_request_id_dipakai_untuk_permintaan_lain_atau_tidak_sah(client):
    md = await client.login(nip=data.SUTIKNO)
    await client.profil.CreatePenugasan(plt_request("dipakai-00001"), metadata=md)
    err = await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                request_id="dipakai-00001",
                pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", jabatan="X"),
                update_mask=FieldMask(paths=["jabatan"]),
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "request_id" in field_violations(err)
    err = await gagal(client.profil.CreatePenugasan(plt_request("x y"), metadata=md), C.INVALID_ARGUMENT)
    assert "request_id" in field_violations(err)


async def test_request_id_terpisah_per_akun(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    admin = await client.login(username="admin.madiun")
    await client.profil.CreatePenugasan(plt_request("sama-persis-01"), metadata=sutikno)
    # The same id from another account is not a replay of SUTIKNO's answer.
    req = plt_request("sama-persis-01")
    req.penugasan.unor_id = data.PELAYANAN
    req.penugasan.nip = data.WIDANANG
    req.alasan = "uji: penugasan oleh admin"
    t = await client.profil.CreatePenugasan(req, metadata=admin)
    assert t.nip == data.WIDANANG
