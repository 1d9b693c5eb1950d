"""The reset mail through a real SMTP server (aiosmtpd), not a mock."""

import asyncio
import re
import socket

import grpc
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import auth_pb2_grpc

from services.registry import MODULES
from services.shared.server import start
from tests import data

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


class Kotak(Message):
    def __init__(self) -> None:
        super().__init__()
        self.pesan: list = []

    def handle_message(self, message) -> None:  # type: ignore[no-untyped-def]
        self.pesan.append(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_kode_reset_dikirim_lewat_smtp(settings):
    kotak = Kotak()
    smtp = Controller(kotak, hostname="127.0.0.1", port=free_port())
    smtp.start()
    try:
        settings = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": smtp.port})
        running = await start(settings, list(MODULES.values()), port=0)
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as ch:
                stub = auth_pb2_grpc.AuthServiceStub(ch)
                await stub.LupaPassword(a.LupaPasswordRequest(nip=data.SUTIKNO, email=data.email_of(data.SUTIKNO)))
                await running.context.services["profil.akun"].menunggu_email()
                for _ in range(50):
                    if kotak.pesan:
                        break
                    await asyncio.sleep(0.05)
                (msg,) = kotak.pesan
                assert msg["To"] == data.email_of(data.SUTIKNO)
                body = msg.get_payload()
                kode = re.search(r"\b(\d{8})\b", body).group(1)
                assert "15 menit" in body and "SUTIKNO" in body
                assert not settings.outbox_dir.exists()
                await stub.ResetPassword(
                    a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="dari-smtp-123")
                )
                await stub.Login(a.LoginRequest(nip=data.SUTIKNO, password="dari-smtp-123"))
        finally:
            await running.stop(grace=1)
    finally:
        smtp.stop()
