"""Logout, and logout everywhere, reach every service: on the embedded
default at once, in a split deployment within sesi_cek_detik."""

from __future__ import annotations

import grpc
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.errors import gagal
from tests.api.test_auth import kode_dari_outbox

C = grpc.StatusCode


async def semua_layanan(client, md, nip=data.SUTIKNO) -> None:
    await client.profil.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{nip}"), metadata=md)
    await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{nip}"), metadata=md)
    from ekinerja.cetak.v1 import cetak_pb2 as c
    from ekinerja.penilaian.v1 import penilaian_pb2 as n

    await client.penilaian.ListBatas(n.ListBatasRequest(tahun=2023), metadata=md)
    await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(), metadata=md)


async def ditolak_semua(client, md, nip=data.SUTIKNO) -> None:
    from ekinerja.cetak.v1 import cetak_pb2 as c
    from ekinerja.penilaian.v1 import penilaian_pb2 as n

    for call in (
        client.profil.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{nip}"), metadata=md),
        client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{nip}"), metadata=md),
        client.penilaian.ListBatas(n.ListBatasRequest(tahun=2023), metadata=md),
        client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(), metadata=md),
    ):
        err = await gagal(call, C.UNAUTHENTICATED)
        assert "Sesi Anda telah berakhir" in err.details()


async def test_logout_semua_mengakhiri_setiap_sesi_di_setiap_layanan(client):
    laptop = await client.login(nip=data.SUTIKNO)
    warnet = await client.login(nip=data.SUTIKNO)
    lain = await client.login(nip=data.ENDANG)
    await semua_layanan(client, laptop)
    await semua_layanan(client, warnet)
    r = await client.auth.LogoutSemua(a.LogoutSemuaRequest(), metadata=laptop)
    assert r.sesi_diakhiri == 2
    await ditolak_semua(client, laptop)
    await ditolak_semua(client, warnet)
    await semua_layanan(client, lain, data.ENDANG)  # another account is untouched
    await semua_layanan(client, await client.login(nip=data.SUTIKNO))  # and he can log in again


async def test_logout_biasa_juga_sampai_ke_layanan_lain(client):
    md = await client.login(nip=data.WIDANANG)
    await semua_layanan(client, md, data.WIDANANG)
    await client.auth.Logout(a.LogoutRequest(), metadata=md)
    await ditolak_semua(client, md, data.WIDANANG)


async def test_reset_password_mengakhiri_sesi_lama(client, server):
    lama = await client.login(nip=data.SUTIKNO)
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
    await server.context.services["profil.akun"].menunggu_email()
    await client.auth.ResetPassword(
        a.ResetPasswordRequest(
            nip=data.SUTIKNO, kode=kode_dari_outbox(server.context.settings), password_baru="setelah-dicuri-1"
        )
    )
    await ditolak_semua(client, lama)
