"""Password policy on every place a password is set: at least 8 characters,
not on the list of common passwords, not the NIP or name (nor a little
added to them). Refused as INVALID_ARGUMENT naming password_baru, saying why
in Indonesian."""

from __future__ import annotations

import grpc
import pytest
from ekinerja.profil.v1 import auth_pb2 as a

from services.profil.akun_admin import tambah_akun
from services.profil.demo import DEMO_PASSWORD
from services.profil.domain.akun import validate_password_baru
from services.shared.db import Database
from services.shared.errors import TidakValid
from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.test_auth import kode_dari_outbox

C = grpc.StatusCode
# What the attacker showed was accepted, and the like, with why each is refused.
LEMAH = [
    ("12345678", "terlalu umum"),
    ("password", "terlalu umum"),
    ("Password", "terlalu umum"),
    ("qwertyuiop", "terlalu umum"),
    (data.SUTIKNO, "NIP"),
    (f"{data.SUTIKNO[:8]}abc", "NIP"),  # the birth date at the head of the NIP
    ("sutikno2024", "nama"),
    ("Sutikno_123", "nama"),
]


@pytest.mark.parametrize(("password", "alasan"), LEMAH)
async def test_ubah_password_menolak_password_lemah(client, password, alasan):
    md = await client.login(nip=data.SUTIKNO)
    err = await gagal(
        client.auth.UbahPassword(
            a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru=password), metadata=md
        ),
        C.INVALID_ARGUMENT,
    )
    assert alasan in field_violations(err)["password_baru"]
    await client.login(nip=data.SUTIKNO)  # unchanged


async def test_reset_password_menolak_password_lemah_dan_kode_tetap_berlaku(client, server):
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
    await server.context.services["profil.akun"].menunggu_email()
    kode = kode_dari_outbox(server.context.settings)
    for password, alasan in LEMAH:
        err = await gagal(
            client.auth.ResetPassword(a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru=password)),
            C.INVALID_ARGUMENT,
        )
        assert alasan in field_violations(err)["password_baru"], password
    # A refused password is not a wrong code: the code still works.
    await client.auth.ResetPassword(
        a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="kopi-tubruk-pagi")
    )
    await client.login(nip=data.SUTIKNO, password="kopi-tubruk-pagi")


async def test_akun_tambah_menolak_password_lemah(settings):
    db = Database.for_service(settings, "profil")
    try:
        for password, alasan in [
            ("password", "terlalu umum"),
            ("helpdesk.tiga2024", "nama"),
            ("Helpdesk Tiga!", "nama"),
        ]:
            with pytest.raises(TidakValid, match=alasan) as e:
                await tambah_akun(db, "helpdesk.tiga", "helpdesk", data.INSTANSI, "Helpdesk Tiga", password)
            assert e.value.pelanggaran[0].field == "password"
    finally:
        await db.dispose()


def test_password_demo_tetap_sah():
    # `ekinerja seed demo` sets it for every demo account, SUTIKNO among them.
    assert validate_password_baru(DEMO_PASSWORD, pribadi=("196903232002121009", "SUTIKNO", ""))
