"""The jejak audit: written with every accepted mutation, once per request id,
readable by admin and helpdesk of the instansi only, and unchangeable — by
any RPC, and by the database itself."""

from __future__ import annotations

import grpc
import pytest
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2
from ekinerja.profil.v1 import auth_pb2, profil_pb2
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, tambah_rhk

C = grpc.StatusCode


def test_tidak_ada_rpc_yang_mengubah_jejak_audit():
    """Every RPC that carries an audit message is a ListJejakAudit."""
    for modul in (profil_pb2, auth_pb2, s, penilaian_pb2, cetak_pb2):
        for layanan in modul.DESCRIPTOR.services_by_name.values():
            for m in layanan.methods:
                menyentuh = {m.input_type.file.package, m.output_type.file.package} & {"ekinerja.audit.v1"}
                assert not menyentuh or m.name == "ListJejakAudit", m.full_name
    for modul in (profil_pb2, s, penilaian_pb2, cetak_pb2):
        (layanan,) = modul.DESCRIPTOR.services_by_name.values()
        assert "ListJejakAudit" in layanan.methods_by_name


async def test_basis_data_menolak_mengubah_atau_menghapus_jejak(client, server):
    md = await client.login(nip=data.SUTIKNO)
    await buat_skp(client, md)
    db = server.context.databases["skp"]
    for perintah in ("UPDATE jejak_audit SET alasan = 'dipalsukan'", "DELETE FROM jejak_audit"):
        with pytest.raises(DBAPIError, match="jejak audit tidak dapat diubah"):
            async with db.transaction() as sesi:
                await sesi.execute(text(perintah))
    async with db.read() as sesi:
        assert (await sesi.execute(text("SELECT count(*), max(alasan) FROM jejak_audit"))).one() == (1, "")


async def test_ulangan_dengan_request_id_sama_tercatat_sekali(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    req = s.CreateRhkRequest(
        request_id="rhk-sekali-saja-01", parent=skp.name, rhk=s.Rhk(teks="Tersusunnya laporan", jenis=s.JENIS_RHK_UTAMA)
    )
    first = await client.skp.CreateRhk(req, metadata=md)
    again = await client.skp.CreateRhk(req, metadata=md)
    assert first.name == again.name
    hd = await client.login(username="helpdesk.bkpsdm")
    resp = await client.skp.ListJejakAudit(au.ListJejakAuditRequest(metode="CreateRhk"), metadata=hd)
    (j,) = resp.jejak
    assert (j.request_id, j.sasaran, j.atas_nama) == ("rhk-sekali-saja-01", first.name, data.SUTIKNO)
    assert "Tersusunnya laporan" in j.sesudah and "etag" not in j.sesudah


async def test_halaman_terbaru_dahulu_tanpa_ganda(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    for i in range(6):
        await tambah_rhk(client, md, skp, teks=f"RHK nomor {i}")
    admin = await client.login(username="admin.madiun")
    dilihat, token = [], ""
    while True:
        r = await client.skp.ListJejakAudit(
            au.ListJejakAuditRequest(atas_nama=data.SUTIKNO, page_size=3, page_token=token), metadata=admin
        )
        dilihat += list(r.jejak)
        token = r.next_page_token
        if not token:
            break
    assert [j.metode for j in dilihat] == ["CreateRhk"] * 6 + ["CreateSkp"]
    assert len({j.id for j in dilihat}) == 7
    waktu = [j.waktu.ToNanoseconds() for j in dilihat]
    assert waktu == sorted(waktu, reverse=True)
    # The other instansi's admin sees none of it.
    ngawi = await client.login(username="admin.ngawi")
    assert not (await client.skp.ListJejakAudit(au.ListJejakAuditRequest(), metadata=ngawi)).jejak


async def test_saringan_yang_salah_disebut_fieldnya(client):
    hd = await client.login(username="helpdesk.bkpsdm")
    salah = [
        (au.ListJejakAuditRequest(atas_nama="1234"), "atas_nama"),
        (au.ListJejakAuditRequest(aktor="orang jahat'; --"), "aktor"),
        (au.ListJejakAuditRequest(metode="Update Pegawai"), "metode"),
        (au.ListJejakAuditRequest(page_token="bukan-token"), "page_token"),
        (au.ListJejakAuditRequest(page_size=-1), "page_size"),
        (
            au.ListJejakAuditRequest(sejak=Timestamp(seconds=2_000_000_000), sampai=Timestamp(seconds=1_000_000_000)),
            "sampai",
        ),
    ]
    for req, field in salah:
        for stub in (client.profil, client.skp, client.penilaian, client.cetak):
            err = await gagal(stub.ListJejakAudit(req, metadata=hd), C.INVALID_ARGUMENT)
            assert field in field_violations(err), (req, field)
    # A prefix with LIKE wildcards matches only itself.
    r = await client.profil.ListJejakAudit(au.ListJejakAuditRequest(sasaran="%"), metadata=hd)
    assert not r.jejak
