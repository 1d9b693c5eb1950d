"""Outgoing mail: SMTP when configured, else an .eml file in the outbox folder
(the embedded default, so a demo works without a mail server)."""

from __future__ import annotations

import datetime as dt
import uuid
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from services.shared.config import Settings


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self._s = settings

    def compose(self, to: str, subject: str, body: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self._s.mail_from
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = dt.datetime.now(dt.UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
        msg["Message-ID"] = f"<{uuid.uuid4().hex}@ekinerja>"
        msg.set_content(body)
        return msg

    async def send(self, msg: EmailMessage) -> Path | None:
        if self._s.smtp_host:
            await aiosmtplib.send(
                msg,
                hostname=self._s.smtp_host,
                port=self._s.smtp_port,
                username=self._s.smtp_username,
                password=self._s.smtp_password,
                start_tls=self._s.smtp_starttls,
                timeout=30,
            )
            return None
        outbox = self._s.outbox_dir
        outbox.mkdir(parents=True, exist_ok=True)
        path = outbox / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
        path.write_bytes(bytes(msg))
        return path
