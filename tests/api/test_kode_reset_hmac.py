"""A stored reset code cannot be cracked from the database or a backup: it
is an HMAC under a server key, not sha256(nip:kode) (10^8 guesses, about a
minute on one core)."""

from __future__ import annotations

import hashlib

from ekinerja.profil.v1 import auth_pb2 as a
from sqlalchemy import select

from services.profil.store.models import KodeResetRow
from tests import data
from tests.api.test_auth import kode_dari_outbox


async def test_hash_kode_tersimpan_bukan_sha256_nip_kode(client, server):
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
    await server.context.services["profil.akun"].menunggu_email()
    kode = kode_dari_outbox(server.context.settings)
    async with server.context.databases["profil"].read() as s:
        (tersimpan,) = (await s.scalars(select(KodeResetRow.kode_hash))).all()
    for tebakan in (f"{data.SUTIKNO}:{kode}", kode, f"{kode}:{data.SUTIKNO}", f"{data.SUTIKNO}{kode}"):
        assert tersimpan != hashlib.sha256(tebakan.encode()).hexdigest()
    assert kode not in tersimpan
    # The server itself still recognises it.
    await client.auth.ResetPassword(
        a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="kopi-tubruk-pagi")
    )
    await client.login(nip=data.SUTIKNO, password="kopi-tubruk-pagi")
