"""Helpdesk account takeover: change a pegawai's email, send a reset code
to it, log in as him. Now the old address is told of the change at once, and
for EKINERJA_EMAIL_BARU_TUNGGU_JAM hours no code goes to the new address
(Lupa Password answers as always but sends nothing; KirimKodeReset says
FAILED_PRECONDITION and until when)."""

from __future__ import annotations

import datetime as dt
import email
from email.message import Message

import grpc
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from sqlalchemy import update

from services.profil.store.models import PegawaiRow
from tests import data
from tests.api.errors import gagal

C = grpc.StatusCode
PENYERANG = "penyerang@contoh.go.id"
ALASAN = "Tiket #77: pegawai minta email diganti"


def surat(server) -> list[Message]:
    return [email.message_from_bytes(f.read_bytes()) for f in sorted(server.context.settings.outbox_dir.glob("*.eml"))]


async def ganti_email(client, md, nip: str, alamat: str) -> None:
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=f"pegawai/{nip}", email=alamat),
            update_mask=FieldMask(paths=["email"]),
            alasan=ALASAN,
        ),
        metadata=md,
    )


async def test_email_diganti_helpdesk_alamat_lama_diberi_tahu_dan_kode_ditahan(client, server):
    hd = await client.login(username="helpdesk.bkpsdm")
    await ganti_email(client, hd, data.SUTIKNO, PENYERANG)
    akun = server.context.services["profil.akun"]
    await akun.menunggu_email()
    (pemberitahuan,) = surat(server)
    assert pemberitahuan["To"] == data.email_of(data.SUTIKNO)  # the old address, not the new one
    isi = pemberitahuan.get_payload(decode=True).decode()
    assert "diubah" in isi and "p***@contoh.go.id" in isi and "HELPDESK.BKPSDM" in isi
    assert PENYERANG not in isi

    # Lupa Password to the new address: the same neutral answer, no code sent.
    tanpa = await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.WIDANANG)))
    r = await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=PENYERANG))
    assert r.pesan == tanpa.pesan
    # Helpdesk's own button: refused, saying until when.
    err = await gagal(
        client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan=ALASAN), metadata=hd),
        C.FAILED_PRECONDITION,
    )
    sampai = dt.datetime.now(dt.UTC) + dt.timedelta(hours=24)
    assert "baru diubah" in err.details() and f"{sampai:%d-%m-%Y}" in err.details()
    await akun.menunggu_email()
    assert [m["To"] for m in surat(server)] == [data.email_of(data.SUTIKNO)]  # still only the notification

    # Once the wait is over (the change made 25 hours ago), codes go there again.
    async with server.context.databases["profil"].transaction() as s:
        await s.execute(
            update(PegawaiRow)
            .where(PegawaiRow.nip == data.SUTIKNO)
            .values(email_diubah=dt.datetime.now(dt.UTC) - dt.timedelta(hours=25))
        )
    await client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan=ALASAN), metadata=hd)
    await akun.menunggu_email()
    (kode,) = [m for m in surat(server) if m["Subject"] == "Kode reset password e-Kinerja"]
    assert kode["To"] == PENYERANG


async def test_email_diganti_admin_instansi_juga_diberi_tahu(client, server):
    admin = await client.login(username="admin.madiun")
    await ganti_email(client, admin, data.WIDANANG, "widanang.baru@madiunkab.go.id")
    await server.context.services["profil.akun"].menunggu_email()
    (m,) = surat(server)
    assert m["To"] == data.email_of(data.WIDANANG) and "ADMIN.MADIUN" in m.get_payload(decode=True).decode()
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email="widanang.baru@madiunkab.go.id"))
    await server.context.services["profil.akun"].menunggu_email()
    assert len(surat(server)) == 1
    # The old address no longer gets codes either: it is not the one on record.
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email=data.email_of(data.WIDANANG)))
    await server.context.services["profil.akun"].menunggu_email()
    assert len(surat(server)) == 1


async def test_email_sama_tidak_memberi_tahu_dan_tidak_menahan(client, server):
    hd = await client.login(username="helpdesk.bkpsdm")
    await ganti_email(client, hd, data.SUTIKNO, data.email_of(data.SUTIKNO).upper())  # the same address
    await client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan=ALASAN), metadata=hd)
    await server.context.services["profil.akun"].menunggu_email()
    assert [m["Subject"] for m in surat(server)] == ["Kode reset password e-Kinerja"]
