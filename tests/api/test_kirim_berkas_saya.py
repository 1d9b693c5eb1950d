"""AuthService/KirimBerkasSaya: how a user of the SSH gateway gets a file he
saved there: mailed to his own registered address, a document only, a few
an hour, each in the audit record."""

from __future__ import annotations

import asyncio
import email
from email import policy

import grpc
import pytest
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p

from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode
PDF = b"%PDF-1.7\n% uji\n"


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"kirim_berkas_per_jam": 3})


async def _kirim(client, md, nama="rencana-skp-2023.pdf", isi=PDF, rid=""):
    return await client.auth.KirimBerkasSaya(a.KirimBerkasSayaRequest(request_id=rid, nama_berkas=nama, isi=isi),
                                             metadata=md)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_berkas_sampai_ke_email_terdaftar_sendiri(client, server, settings):
    md = await client.login(nip=data.SUTIKNO)
    r = await _kirim(client, md)
    assert "***@" in r.email_tersamar
    await server.context.services["profil.berkas"].menunggu_email()
    (eml,) = settings.outbox_dir.glob("*.eml")
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    pegawai = await client.profil.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert msg["To"] == pegawai.email
    (lampiran,) = list(msg.iter_attachments())
    assert lampiran.get_filename() == "rencana-skp-2023.pdf" and lampiran.get_content() == PDF
    jejak = await client.profil.ListJejakAudit(au.ListJejakAuditRequest(page_size=50),
                                               metadata=await client.login(username="admin.madiun"))
    assert any(j.metode == "KirimBerkasSaya" and "rencana-skp-2023.pdf" in j.sesudah for j in jejak.jejak)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_hanya_dokumen_berukuran_wajar(client):
    md = await client.login(nip=data.SUTIKNO)
    for nama in ("../../etc/passwd.pdf", "/tmp/x.pdf", "skrip.sh", ".tersembunyi.pdf", ""):
        err = await gagal(_kirim(client, md, nama=nama), C.INVALID_ARGUMENT)
        assert "nama_berkas" in field_violations(err), nama
    err = await gagal(_kirim(client, md, isi=b"#!/bin/sh\n"), C.INVALID_ARGUMENT)
    assert "bukan PDF" in field_violations(err)["isi"]
    err = await gagal(_kirim(client, md, isi=PDF + b"0" * (5 * 1024 * 1024)), C.INVALID_ARGUMENT)
    assert "terlalu besar" in field_violations(err)["isi"]


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_tanpa_email_terdaftar_diberi_tahu(client):
    md = await client.login(username="helpdesk.bkpsdm")  # no pegawai, no address
    err = await gagal(_kirim(client, md), C.FAILED_PRECONDITION)
    assert "email terdaftar" in err.details()


async def test_serbuan_dibatasi_per_akun(client):
    md = await client.login(nip=data.SUTIKNO)
    hasil = await asyncio.gather(*(_kirim(client, md, rid=f"serbuan-{i}") for i in range(40)),
                                 return_exceptions=True)
    kode = [C.OK if isinstance(h, a.KirimBerkasSayaResponse) else h.code() for h in hasil]
    assert kode.count(C.OK) == 3, kode
    assert set(kode) == {C.OK, C.RESOURCE_EXHAUSTED}, kode
    # Another account has its own count.
    assert (await _kirim(client, await client.login(nip=data.ENDANG))).email_tersamar
