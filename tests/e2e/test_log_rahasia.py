"""What the logs of a real `ekinerja serve` never hold, whatever the calls:
passwords, tokens, reset codes, whole NIPs or email addresses (UU PDP No.
27/2022). A login, a wrong password, a password change, Lupa Password with a
wrong and a right code, a helpdesk reset and a NOT_FOUND naming a NIP all run
against it; then its whole output is searched."""

from __future__ import annotations

import asyncio
import email
import re
import signal
import subprocess

import grpc
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import auth_pb2_grpc, profil_pb2, profil_pb2_grpc

from services.shared.config import Settings
from services.shared.db import Database
from tests import data
from tests.e2e.test_cli_serve import EKINERJA, env_for, free_port, wait_serving

BARU = "sandi-baru-rahasia-77"


def _isi_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    async def isi() -> None:
        db = Database.for_service(Settings(data_dir=tmp_path / "data"), "profil")
        try:
            await data.isi(db)
        finally:
            await db.dispose()

    asyncio.run(isi())


def _kode(outbox) -> str | None:  # type: ignore[no-untyped-def]
    """The code in the reset mail (the outbox also holds the password-changed notice)."""
    for berkas in sorted(outbox.glob("*.eml")):
        if found := re.search(
            r"\b(\d{8})\b", email.message_from_bytes(berkas.read_bytes()).get_payload(decode=True).decode()
        ):
            return found.group(1)
    return None


async def _panggilan(port: int, outbox) -> list[str]:  # type: ignore[no-untyped-def]
    """Runs the calls; returns every secret that went over the wire."""
    rahasia = [data.PASSWORD, BARU, "tebakan-salah-1"]
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
        auth, profil = auth_pb2_grpc.AuthServiceStub(ch), profil_pb2_grpc.ProfilServiceStub(ch)
        login = await auth.Login(a.LoginRequest(nip=data.SUTIKNO, password=data.PASSWORD))
        rahasia.append(login.access_token)
        md = (("authorization", f"Bearer {login.access_token}"),)
        for call in (
            auth.Login(a.LoginRequest(nip=data.ENDANG, password="tebakan-salah-1")),
            auth.UbahPassword(a.UbahPasswordRequest(password_lama="tebakan-salah-1", password_baru=BARU), metadata=md),
            profil.GetPegawai(profil_pb2.GetPegawaiRequest(name="pegawai/199912312020121001"), metadata=md),
            auth.ResetPassword(a.ResetPasswordRequest(nip=data.WIDANANG, kode="00000000", password_baru=BARU)),
        ):
            try:
                await call
            except grpc.aio.AioRpcError:
                pass
        await auth.UbahPassword(a.UbahPasswordRequest(password_lama=data.PASSWORD, password_baru=BARU), metadata=md)
        await auth.LupaPassword(a.LupaPasswordRequest(nip=data.WIDANANG, email=data.email_of(data.WIDANANG)))
        for _ in range(100):
            if kode := _kode(outbox):
                break
            await asyncio.sleep(0.1)
        assert kode
        rahasia.append(kode)
        await auth.ResetPassword(a.ResetPasswordRequest(nip=data.WIDANANG, kode=kode, password_baru=BARU))
        hd = await auth.Login(a.LoginRequest(username="helpdesk.bkpsdm", password=data.PASSWORD))
        rahasia.append(hd.access_token)
        await auth.KirimKodeReset(
            a.KirimKodeResetRequest(nip=data.SUYANTO, alasan="lupa password"),
            metadata=(("authorization", f"Bearer {hd.access_token}"),),
        )
    return rahasia


def test_log_tanpa_rahasia_dan_data_pribadi(tmp_path):
    env = {**env_for(tmp_path), "EKINERJA_LOG_LEVEL": "DEBUG", "EKINERJA_LOG_FORMAT": "json"}
    subprocess.run([EKINERJA, "migrate"], env=env, capture_output=True, check=True)
    _isi_data(tmp_path)
    port = free_port()
    berkas_log = tmp_path / "serve.log"  # a file, not a pipe: a full pipe would stop the server mid-call
    with berkas_log.open("w") as keluaran:
        proc = subprocess.Popen(
            [EKINERJA, "serve", "--port", str(port)], env=env, stdout=keluaran, stderr=subprocess.STDOUT
        )
        try:
            wait_serving(port)
            rahasia = asyncio.run(_panggilan(port, tmp_path / "data" / "outbox"))
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    log = berkas_log.read_text()
    assert proc.returncode == 0, log[-2000:]
    assert '"rpc"' in log and "rpc.ditolak" in log  # the log is really there
    for r in rahasia:
        assert r not in log
    assert not re.search(r"\b\d{18}\b", log), re.search(r".{60}\b\d{18}\b.{20}", log)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", log.replace("***@", "")), "email address in log"
