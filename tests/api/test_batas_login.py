"""Login and reset limits under bursts, on SQLite and PostgreSQL: an attempt
is reserved in the database before its secret is compared, so a burst of
simultaneous guesses gets no more comparisons than the limit allows; argon2
runs at most so many at once; a wrong password throttles the (account,
address) pair, not the account everywhere; a service account logs in only
from its own addresses."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator

import grpc
import pytest
import sqlalchemy
import structlog
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p

from services.profil import passwords
from services.profil.domain import akun as rules
from services.profil.usecases import akun as akun_uc
from services.registry import MODULES
from services.shared.server import Running, start
from tests import data
from tests.api.errors import field_violations, gagal, retry_seconds
from tests.api.test_auth import kode_dari_outbox
from tests.conftest import Client

C = grpc.StatusCode
BANYAK = 40
JEDA = 600  # the first wait after the limit, long enough that no test outlives it


class Argon2:
    """Counts argon2 verifications (the library call) and how many ran at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, tahan: float = 0.0) -> None:
        self.kali = 0
        self.serentak = 0
        self.puncak = 0
        self._kunci = threading.Lock()
        asli = passwords._hasher

        class Hasher:
            def __getattr__(self, nama: str):  # type: ignore[no-untyped-def]
                return getattr(asli, nama)

            def verify(_, hash_: str, password: str) -> bool:
                with argon2._kunci:
                    argon2.kali += 1
                    argon2.serentak += 1
                    argon2.puncak = max(argon2.puncak, argon2.serentak)
                try:
                    if tahan:
                        time.sleep(tahan)  # widens the overlap of calls that do run together
                    return asli.verify(hash_, password)
                finally:
                    with argon2._kunci:
                        argon2.serentak -= 1

        argon2 = self
        monkeypatch.setattr(passwords, "_hasher", Hasher())


@contextlib.asynccontextmanager
async def layanan(settings, **setelan) -> AsyncIterator[tuple[Running, Client]]:
    setelan = {"login_jeda_awal_detik": JEDA, "proxy_tepercaya": ["127.0.0.0/8"], **setelan}
    running = await start(settings.model_copy(update=setelan), list(MODULES.values()), port=0)
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
            yield running, Client(ch)
    finally:
        await running.stop(grace=1)


def dari(alamat: str | None) -> tuple[tuple[str, str], ...]:
    """Metadata of a client at `alamat` behind the trusted proxy (127.0.0.0/8)."""
    return (("x-real-ip", alamat),) if alamat else ()


async def masuk(
    client: Client, password: str, nip: str = data.WIDANANG, username: str = "", alamat: str | None = None
) -> grpc.StatusCode:
    try:
        await client.auth.Login(
            a.LoginRequest(nip=nip if not username else "", username=username, password=password), metadata=dari(alamat)
        )
    except grpc.aio.AioRpcError as e:
        return e.code()
    return C.OK


async def test_burst_login_salah_hanya_diverifikasi_sebanyak_batas(settings, monkeypatch):
    argon2 = Argon2(monkeypatch)
    async with layanan(settings) as (_, client):
        hasil = await asyncio.gather(*[masuk(client, f"tebakan-{i}") for i in range(BANYAK)])
        assert argon2.kali <= settings.login_max_gagal
        assert hasil.count(C.UNAUTHENTICATED) <= settings.login_max_gagal
        assert set(hasil) <= {C.UNAUTHENTICATED, C.RESOURCE_EXHAUSTED}
        # The right password after the burst waits too.
        assert await masuk(client, data.PASSWORD) == C.RESOURCE_EXHAUSTED


async def test_burst_dari_satu_alamat_ke_banyak_nip_dibatasi(settings, monkeypatch):
    argon2 = Argon2(monkeypatch)
    async with layanan(settings, login_max_gagal_alamat=5) as (_, client):
        nip = [f"198001012005011{i + 1:03d}" for i in range(BANYAK)]  # none of them exists
        hasil = await asyncio.gather(*[masuk(client, "tebakan", nip=n) for n in nip])
        assert argon2.kali <= 5
        assert hasil.count(C.UNAUTHENTICATED) <= 5


async def test_argon2_serentak_dibatasi_global_dan_per_akun(settings, monkeypatch):
    argon2 = Argon2(monkeypatch, tahan=0.05)
    async with layanan(settings, login_argon2_maks=2, login_argon2_maks_alamat=2) as (_, client):
        nip = [data.SUTIKNO, data.WIDANANG, data.SUYANTO, data.ENDANG, data.SEKDA, data.CAMAT]
        hasil = await asyncio.gather(
            *[masuk(client, data.PASSWORD, nip=n, alamat=f"10.0.0.{i}") for i, n in enumerate(nip * 3)]
        )
        assert hasil == [C.OK] * len(hasil)
        assert argon2.puncak <= 2
    argon2.puncak = 0
    async with layanan(settings) as (_, client):
        # One account from many addresses: one verification at a time (login_argon2_maks_akun = 1).
        hasil = await asyncio.gather(
            *[masuk(client, data.PASSWORD, nip=data.SUTIKNO, alamat=f"10.0.1.{i}") for i in range(8)]
        )
        assert hasil == [C.OK] * 8
        assert argon2.puncak == 1


async def test_salah_dari_satu_alamat_tidak_mengunci_akun_di_alamat_lain(settings):
    async with layanan(settings) as (_, client):
        for _ in range(settings.login_max_gagal):
            assert await masuk(client, "tebakan-salah", alamat="10.0.0.5") == C.UNAUTHENTICATED
        err = await gagal(
            client.auth.Login(a.LoginRequest(nip=data.WIDANANG, password=data.PASSWORD), metadata=dari("10.0.0.5")),
            C.RESOURCE_EXHAUSTED,
        )
        assert JEDA - 60 < retry_seconds(err) <= JEDA
        assert "10 menit" in err.details()
        # The pegawai at their own desk still gets in, and another NIP from that address too.
        assert await masuk(client, data.PASSWORD, alamat="10.0.0.6") == C.OK
        assert await masuk(client, data.PASSWORD, nip=data.SUTIKNO, alamat="10.0.0.5") == C.OK


async def test_plafon_per_akun_dari_banyak_alamat(settings):
    async with layanan(settings, login_max_gagal=2, login_max_gagal_akun=6) as (_, client):
        for i in range(3):
            for _ in range(2):
                assert await masuk(client, "tebakan-salah", alamat=f"10.0.2.{i}") == C.UNAUTHENTICATED
        err = await gagal(
            client.auth.Login(a.LoginRequest(nip=data.WIDANANG, password=data.PASSWORD), metadata=dari("10.0.2.9")),
            C.RESOURCE_EXHAUSTED,
        )
        assert "akun ini" in err.details()


async def test_akun_layanan_hanya_dari_alamat_yang_diizinkan(settings):
    async with layanan(settings) as (_, client):
        # Even the right password from elsewhere is refused, as a wrong one is; the
        # SSH gateway's account (peran gerbang_ssh) is a machine's account too.
        for akun in ("layanan.siasn", "gerbang.ssh"):
            assert await masuk(client, data.PASSWORD, username=akun, alamat="10.0.0.9") == C.UNAUTHENTICATED, akun
        hasil = await asyncio.gather(
            *[masuk(client, "tebakan-salah", username="layanan.siasn", alamat="10.0.0.9") for _ in range(BANYAK)]
        )
        assert C.OK not in hasil
        # The gateway on this host is not locked out by them.
        assert await masuk(client, data.PASSWORD, username="layanan.siasn") == C.OK


async def test_password_terlalu_panjang_ditolak_dengan_nama_field(settings, monkeypatch):
    argon2 = Argon2(monkeypatch)
    panjang = "x" * (rules.PANJANG_MAKSIMAL + 1)
    async with layanan(settings) as (_, client):
        err = await gagal(client.auth.Login(a.LoginRequest(nip=data.WIDANANG, password=panjang)), C.INVALID_ARGUMENT)
        assert "password" in field_violations(err)
        assert argon2.kali == 0
        md = await client.login(nip=data.SUTIKNO)
        err = await gagal(
            client.auth.UbahPassword(
                a.UbahPasswordRequest(password_lama=panjang, password_baru="baru-sekali-9"), metadata=md
            ),
            C.INVALID_ARGUMENT,
        )
        assert "password_lama" in field_violations(err)
        err = await gagal(
            client.auth.UbahPassword(
                a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru=panjang), metadata=md
            ),
            C.INVALID_ARGUMENT,
        )
        assert "password_baru" in field_violations(err)


async def test_log_login_gagal_menyebut_akun_dan_alamat_tersamar(settings):
    async with layanan(settings) as (_, client):
        with structlog.testing.capture_logs() as logs:
            await masuk(client, "tebakan-salah", alamat="10.20.30.40")
    gagal_login = [e for e in logs if e["event"] == "login.gagal"]
    assert len(gagal_login) == 1
    baris = str(gagal_login[0])
    assert data.WIDANANG not in baris and "10.20.30.40" not in baris
    assert data.WIDANANG[:4] in gagal_login[0]["akun"] and gagal_login[0]["alamat"].startswith("10.20.30.")


async def test_ubah_password_mengakhiri_sesi_lain_dan_memberi_tahu(settings):
    async with layanan(settings) as (running, client):
        lain = await client.login(nip=data.SUTIKNO)
        md = await client.login(nip=data.SUTIKNO)
        await client.auth.UbahPassword(
            a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru="baru-sekali-9"), metadata=md
        )
        req = p.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}")
        await gagal(client.profil.GetPegawai(req, metadata=lain), C.UNAUTHENTICATED)
        await client.profil.GetPegawai(req, metadata=md)  # the caller's own session stays
        await running.context.services["profil.akun"].menunggu_email()
        surel = [f.read_text() for f in running.context.settings.outbox_dir.glob("*.eml")]
        assert len(surel) == 1 and data.email_of(data.SUTIKNO) in surel[0]
        assert "password" in surel[0].lower()


async def test_burst_password_lama_salah_dibatasi_seperti_login(settings, monkeypatch):
    async with layanan(settings) as (_, client):
        md = await client.login(nip=data.WIDANANG)
        argon2 = Argon2(monkeypatch)

        async def ubah(lama: str) -> grpc.StatusCode:
            try:
                await client.auth.UbahPassword(
                    a.UbahPasswordRequest(password_lama=lama, password_baru="baru-sekali-9"), metadata=md
                )
            except grpc.aio.AioRpcError as e:
                return e.code()
            return C.OK

        hasil = await asyncio.gather(*[ubah(f"tebakan-{i}") for i in range(BANYAK)])
        assert argon2.kali <= settings.login_max_gagal
        assert C.OK not in hasil
        assert await ubah(data.PASSWORD) == C.RESOURCE_EXHAUSTED


async def test_burst_tebakan_kode_reset_hanya_dibandingkan_sebanyak_batas(settings, monkeypatch):
    async with layanan(settings) as (running, client):
        await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email=data.email_of(data.WIDANANG)))
        await running.context.services["profil.akun"].menunggu_email()
        kode = kode_dari_outbox(running.context.settings)
        dibandingkan = 0
        asli = rules.kode_cocok

        def cocok(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal dibandingkan
            dibandingkan += 1
            return asli(*args, **kwargs)

        monkeypatch.setattr(rules, "kode_cocok", cocok)

        async def reset(k: str) -> grpc.StatusCode:
            try:
                await client.auth.ResetPassword(
                    a.ResetPasswordRequest(nip=data.WIDANANG, kode=k, password_baru="baru-sekali-9")
                )
            except grpc.aio.AioRpcError as e:
                return e.code()
            return C.OK

        salah = [f"{(int(kode) + i) % 10**8:08d}" for i in range(1, 100)]
        hasil = await asyncio.gather(*[reset(k) for k in [*salah[:98], kode, salah[98]]])
        assert dibandingkan <= rules.MAKS_SALAH_KODE
        assert hasil.count(C.OK) <= 1
        if C.OK not in hasil:
            assert await reset(kode) == C.INVALID_ARGUMENT  # spent by the guesses


async def test_burst_lupa_password_paling_banyak_tiga_kode(settings):
    async with layanan(settings) as (running, client):
        await asyncio.gather(
            *[
                client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
                for _ in range(30)
            ],
            return_exceptions=True,
        )
        await running.context.services["profil.akun"].menunggu_email()
        assert len(list(running.context.settings.outbox_dir.glob("*.eml"))) <= settings.reset_max_per_jam


async def test_lupa_password_cocok_dan_tidak_sama_kerjanya_sebelum_jawaban(settings):
    """The statements run before the reply are the same whether the NIP and
    email match or not: the code is made and mailed afterwards, by a job
    queued on both paths (a match used to be measurably slower)."""
    async with layanan(settings) as (running, client):
        perintah: list[str] = []

        def catat(_conn, _cursor, sql, *_args) -> None:  # type: ignore[no-untyped-def]
            task = asyncio.current_task()
            if task is None or task.get_name() != akun_uc.SETELAH_COMMIT:
                perintah.append(sql)

        # Every engine: on SQLite the reads run on a read-only one of their own.
        engines = [e.sync_engine for e in running.context.databases["profil"].engines]
        for engine in engines:
            sqlalchemy.event.listen(engine, "before_cursor_execute", catat)
        try:
            await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
            cocok, perintah[:] = list(perintah), []
            await client.auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email="orang.lain@contoh.go.id"))
            tidak = list(perintah)
        finally:
            for engine in engines:
                sqlalchemy.event.remove(engine, "before_cursor_execute", catat)
        await running.context.services["profil.akun"].menunggu_email()
        assert len(list(running.context.settings.outbox_dir.glob("*.eml"))) == 1
    assert cocok == tidak
