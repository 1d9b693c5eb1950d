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

from services.profil.usecases.berkas_saya import MAKS_BYTE as MAKS
from services.shared import batas_pesan
from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode
PDF = b"%PDF-1.7\n% uji\n"


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"kirim_berkas_per_jam": 3})


POTONGAN = 32 * 1024


def _pesan(nama="rencana-skp-2023.pdf", isi=PDF, rid="", potongan=POTONGAN):
    """The stream the TUI sends: the name, then the file in pieces."""
    yield a.KirimBerkasSayaRequest(request_id=rid, nama_berkas=nama)
    for i in range(0, len(isi), potongan):
        yield a.KirimBerkasSayaRequest(isi=isi[i : i + potongan])


async def _kirim(client, md, nama="rencana-skp-2023.pdf", isi=PDF, rid="", potongan=POTONGAN):
    return await client.auth.KirimBerkasSaya(_pesan(nama, isi, rid, potongan), metadata=md, timeout=60)


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
    jejak = await client.profil.ListJejakAudit(
        au.ListJejakAuditRequest(page_size=50), metadata=await client.login(username="admin.madiun")
    )
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
async def test_berkas_5_mib_dalam_potongan(client, server, settings):
    md = await client.login(nip=data.SUTIKNO)
    isi = PDF + b"0" * (MAKS - len(PDF))
    assert (await _kirim(client, md, nama="besar.pdf", isi=isi)).email_tersamar
    await server.context.services["profil.berkas"].menunggu_email()
    (eml,) = settings.outbox_dir.glob("*.eml")
    (lampiran,) = email.message_from_bytes(eml.read_bytes(), policy=policy.default).iter_attachments()
    assert lampiran.get_content() == isi

    # One byte more: refused when the piece that passes 5 MiB arrives, not at the end.
    def lebih():
        yield from _pesan(nama="besar.pdf", isi=isi + b"0")
        yield a.KirimBerkasSayaRequest(isi=b"0" * POTONGAN)  # after the limit: never needed

    err = await gagal(client.auth.KirimBerkasSaya(lebih(), metadata=md, timeout=60), C.INVALID_ARGUMENT)
    assert "terlalu besar" in field_violations(err)["isi"]
    # Too large a piece on its own, and a piece in the first message, are refused too.
    err = await gagal(_kirim(client, md, isi=PDF + b"0" * POTONGAN, potongan=POTONGAN + 1), C.INVALID_ARGUMENT)
    assert "32 KiB" in field_violations(err)["isi"]
    err = await gagal(
        client.auth.KirimBerkasSaya(iter([a.KirimBerkasSayaRequest(nama_berkas="a.pdf", isi=PDF)]), metadata=md),
        C.INVALID_ARGUMENT,
    )
    assert "pesan pertama" in field_violations(err)["isi"]
    err = await gagal(client.auth.KirimBerkasSaya(iter([]), metadata=md), C.INVALID_ARGUMENT)
    assert "nama_berkas" in field_violations(err)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_tanpa_sesi_ditolak_sebelum_pesan_dibaca(client):
    """The session is checked before the first message is read: a caller
    without one is answered while his stream has not sent anything."""
    tidak_pernah = asyncio.Event()

    async def diam():
        await tidak_pernah.wait()
        yield a.KirimBerkasSayaRequest(nama_berkas="x.pdf")

    for md in ((), (("authorization", "Bearer palsu"),)):
        await gagal(client.auth.KirimBerkasSaya(diam(), metadata=md, timeout=60), C.UNAUTHENTICATED)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_potongan_terlalu_besar_ditolak_sebelum_dibaca(client):
    """Each message of the stream has the per-message limit (64 KiB): a
    larger one is refused unparsed, as every other oversized request is."""
    md = await client.login(nip=data.SUTIKNO)
    for besar in (batas_pesan.UMUM + 1, 5 * 1024 * 1024):
        pesan = [a.KirimBerkasSayaRequest(nama_berkas="a.pdf"), a.KirimBerkasSayaRequest(isi=PDF + b"0" * besar)]
        err = await gagal(client.auth.KirimBerkasSaya(iter(pesan), metadata=md, timeout=60), C.RESOURCE_EXHAUSTED)
        assert "terlalu besar" in err.details().lower() or "larger than max" in err.details().lower()


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_tanpa_email_terdaftar_diberi_tahu(client):
    md = await client.login(username="helpdesk.bkpsdm")  # no pegawai, no address
    err = await gagal(_kirim(client, md), C.FAILED_PRECONDITION)
    assert "email terdaftar" in err.details()


async def test_serbuan_dibatasi_per_akun(client):
    md = await client.login(nip=data.SUTIKNO)
    hasil = await asyncio.gather(*(_kirim(client, md, rid=f"serbuan-{i}") for i in range(40)), return_exceptions=True)
    kode = [C.OK if isinstance(h, a.KirimBerkasSayaResponse) else h.code() for h in hasil]
    assert kode.count(C.OK) == 3, kode
    assert set(kode) == {C.OK, C.RESOURCE_EXHAUSTED}, kode
    # Another account has its own count.
    assert (await _kirim(client, await client.login(nip=data.ENDANG))).email_tersamar
