"""AuthService through a real channel, on SQLite and PostgreSQL."""

import email
import re

import grpc
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2

from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode


async def test_login_dengan_nip_dan_username(client):
    r = await client.auth.Login(a.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD))
    assert r.akun.nama == "SUTIKNO" and list(r.akun.peran) == [a.PERAN_PEGAWAI]
    assert r.expire_time.seconds > 0
    r = await client.auth.Login(a.LoginRequest(username="Helpdesk.BKPSDM", password=data.PASSWORD))
    assert list(r.akun.peran) == [a.PERAN_HELPDESK]


async def test_login_salah_tidak_membedakan_nip_atau_password(client):
    salah_pw = await gagal(
        client.auth.Login(a.LoginRequest(nip=data.SUTIKNO, password="salah-sekali")), C.UNAUTHENTICATED
    )
    tak_ada = await gagal(client.auth.Login(a.LoginRequest(nip="199901012020011001", password="x")), C.UNAUTHENTICATED)
    assert salah_pw.details() == tak_ada.details()


async def test_nip_17_digit_ditolak_dengan_nama_field(client):
    err = await gagal(client.auth.Login(a.LoginRequest(nip="19690323200212100", password="x")), C.INVALID_ARGUMENT)
    assert "18 digit" in field_violations(err)["nip"]


async def test_tanpa_token_atau_token_palsu_ditolak(client):
    req = p.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}")
    await gagal(client.profil.GetPegawai(req), C.UNAUTHENTICATED)
    await gagal(client.profil.GetPegawai(req, metadata=(("authorization", "Bearer abc.def.ghi"),)), C.UNAUTHENTICATED)
    await gagal(client.skp.ListPerilakuKerja(skp_pb2.ListPerilakuKerjaRequest()), C.UNAUTHENTICATED)


async def test_logout_mengakhiri_sesi(client):
    md = await client.login(nip=data.SUTIKNO)
    await client.auth.Logout(a.LogoutRequest(request_id="logout-000001"), metadata=md)
    await gagal(
        client.profil.GetPegawai(p.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md), C.UNAUTHENTICATED
    )


async def test_ubah_password(client):
    md = await client.login(nip=data.SUTIKNO)
    await gagal(
        client.auth.UbahPassword(
            a.UbahPasswordRequest(password_lama="keliru-1234", password_baru="baru-sekali-9"), metadata=md
        ),
        C.UNAUTHENTICATED,
    )
    err = await gagal(
        client.auth.UbahPassword(
            a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru="pendek"), metadata=md
        ),
        C.INVALID_ARGUMENT,
    )
    assert "password_baru" in field_violations(err)
    await client.auth.UbahPassword(
        a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru="baru-sekali-9"), metadata=md
    )
    await client.login(nip=data.SUTIKNO, password="baru-sekali-9")
    await gagal(client.login(nip=data.SUTIKNO), C.UNAUTHENTICATED)


def kode_dari_outbox(settings) -> str:
    """The code of the newest reset mail; other mail (a password-changed notice
    sent in the background) may land in the same moment."""
    kode = []
    for f in sorted(settings.outbox_dir.glob("*.eml")):
        isi = email.message_from_bytes(f.read_bytes()).get_payload(decode=True).decode()
        kode += re.findall(r"\b(\d{8})\b", isi)
    assert kode, "tidak ada kode reset di outbox"
    return kode[-1]


async def test_lupa_password_jawaban_sama_dan_kode_sekali_pakai(client, server):
    settings = server.context.settings
    akun = server.context.services["profil.akun"]
    cocok = await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
    tidak = await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email="orang.lain@contoh.go.id"))
    tak_ada = await client.auth.LupaPassword(a.LupaPasswordRequest(nip="199901012020011001", email="x@contoh.go.id"))
    assert cocok.pesan == tidak.pesan == tak_ada.pesan
    await akun.menunggu_email()
    assert len(list(settings.outbox_dir.glob("*.eml"))) == 1
    kode = kode_dari_outbox(settings)
    # The old password works until the reset completes.
    await client.login(nip=data.SUTIKNO)
    await client.auth.ResetPassword(
        a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="setelah-reset-1")
    )
    await client.login(nip=data.SUTIKNO, password="setelah-reset-1")
    await gagal(client.login(nip=data.SUTIKNO), C.UNAUTHENTICATED)
    err = await gagal(
        client.auth.ResetPassword(a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="lagi-lagi-12")),
        C.INVALID_ARGUMENT,
    )
    assert "kode" in field_violations(err)


async def test_kode_salah_lima_kali_menghanguskan_kode(client, server):
    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email=data.email_of(data.WIDANANG)))
    await server.context.services["profil.akun"].menunggu_email()
    kode = kode_dari_outbox(server.context.settings)
    salah = "00000000" if kode != "00000000" else "11111111"
    for _ in range(5):
        await gagal(
            client.auth.ResetPassword(
                a.ResetPasswordRequest(nip=data.WIDANANG, kode=salah, password_baru="baru-sekali-9")
            ),
            C.INVALID_ARGUMENT,
        )
    await gagal(
        client.auth.ResetPassword(a.ResetPasswordRequest(nip=data.WIDANANG, kode=kode, password_baru="baru-sekali-9")),
        C.INVALID_ARGUMENT,
    )


async def test_lupa_password_dibatasi_per_nip(client):
    for _ in range(3):
        await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUYANTO, email="siapa@contoh.go.id"))
    await gagal(
        client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUYANTO, email=data.email_of(data.SUYANTO))),
        C.RESOURCE_EXHAUSTED,
    )


async def test_lupa_password_nip_berawalan_spasi_unicode(client):
    """A NIP with a leading NEL (U+0085, whitespace to str.strip): the same
    answer as the plain NIP, and its jejak audit row holds the NIP as the
    column can (an INTERNAL on PostgreSQL once, found by the fuzzer)."""
    polos = await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUYANTO, email="siapa@contoh.go.id"))
    aneh = await client.auth.LupaPassword(a.LupaPasswordRequest(nip="\x85" + data.SUYANTO, email="siapa@contoh.go.id"))
    assert aneh == polos


async def test_ubah_dan_reset_password_dengan_request_id(client, server):
    """With a request_id the unit of work reserves it first (holding SQLite's
    write turn), so the password and code checks, which count in transactions
    of their own, run before it: neither waits on the other. A retry of the
    same request gets the first answer, not a check against the new password."""
    md = await client.login(nip=data.SUTIKNO)
    await gagal(
        client.auth.UbahPassword(
            a.UbahPasswordRequest(
                password_lama="keliru-1234", password_baru="baru-sekali-9", request_id="ubah-pw-0001"
            ),
            metadata=md,
            timeout=20,
        ),
        C.UNAUTHENTICATED,
    )
    ubah = a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru="baru-sekali-9", request_id="ubah-pw-0002")
    await client.auth.UbahPassword(ubah, metadata=md, timeout=20)
    await client.auth.UbahPassword(ubah, metadata=md, timeout=20)  # the retry: answered, not refused
    await client.login(nip=data.SUTIKNO, password="baru-sekali-9")

    await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email=data.email_of(data.WIDANANG)))
    await server.context.services["profil.akun"].menunggu_email()
    kode = kode_dari_outbox(server.context.settings)
    reset = a.ResetPasswordRequest(
        nip=data.WIDANANG, kode=kode, password_baru="setelah-reset-1", request_id="reset-pw-0001"
    )
    await client.auth.ResetPassword(reset, timeout=20)
    await client.auth.ResetPassword(reset, timeout=20)
    await client.login(nip=data.WIDANANG, password="setelah-reset-1")


async def test_hash_lama_diganti_saat_login_berhasil(client, server):
    """A hash made with the old parameters (argon2-cffi's 64 MiB default) still
    lets its owner in, and the login stores it again under the current ones."""
    from argon2 import PasswordHasher
    from sqlalchemy import select

    from services.profil.store.models import AkunRow

    db = server.context.databases["profil"]
    async with db.transaction() as s:
        akun = await s.scalar(select(AkunRow).where(AkunRow.nip == data.SUTIKNO))
        akun.password_hash = PasswordHasher().hash(data.PASSWORD)
    await gagal(client.login(nip=data.SUTIKNO, password="salah-sekali"), C.UNAUTHENTICATED)
    async with db.read() as s:
        assert "m=65536" in await s.scalar(select(AkunRow.password_hash).where(AkunRow.nip == data.SUTIKNO))
    await client.login(nip=data.SUTIKNO)
    async with db.read() as s:
        baru = await s.scalar(select(AkunRow.password_hash).where(AkunRow.nip == data.SUTIKNO))
    assert baru.startswith("$argon2id$") and "m=19456,t=2,p=1" in baru
    await client.login(nip=data.SUTIKNO)
