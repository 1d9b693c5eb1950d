"""A NUL character (U+0000) in any string field is INVALID_ARGUMENT naming
the field's path, on both databases. PostgreSQL text cannot hold it: a
search query or an anonymous idempotency key with one ended INTERNAL there
(found by tests/fuzz)."""

import grpc
from ekinerja.profil.v1 import auth_pb2, profil_pb2
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, rid

C = grpc.StatusCode


async def test_nul_di_kueri_pencarian(client):
    helpdesk = await client.login(username="helpdesk.bkpsdm")
    err = await gagal(
        client.profil.SearchPegawai(profil_pb2.SearchPegawaiRequest(query="0\x00"), metadata=helpdesk),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["query"]


async def test_nul_sebelum_masuk(client):
    # The NIP keys the idempotency record of a call made before login.
    err = await gagal(
        client.auth.ResetPassword(
            auth_pb2.ResetPasswordRequest(
                request_id=rid(), nip="\x00", kode="12345678", password_baru="Rahasia-baru-2024"
            )
        ),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["nip"]


async def test_nul_di_dalam_daftar_disebut_dengan_indeksnya(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    err = await gagal(
        client.skp.UpdateLampiran(
            s.UpdateLampiranRequest(
                name=skp.name,
                lampiran=s.Lampiran(konsekuensi=["Teguran", "Sanksi\x00"]),
                update_mask={"paths": ["konsekuensi"]},
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["lampiran.konsekuensi[1]"]
