"""Outgoing mail: SMTP when configured, else an .eml file in the outbox folder
(the embedded default, so a demo works without a mail server)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib
import structlog
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import berkas_rahasia, metrik
from services.shared.config import Settings

log = structlog.get_logger("ekinerja.mail")


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self._s = settings
        self._tasks: set[asyncio.Task[None]] = set()

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
        # A reset code sits in these files: 0600 in a 0700 folder. Microseconds
        # in the name keep the folder in the order the mail went out.
        path = self._s.outbox_dir / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
        berkas_rahasia.tulis(path, bytes(msg))
        return path

    def kirim_setelah_commit(self, s: AsyncSession, msg: EmailMessage, peristiwa: str) -> None:
        """Sends `msg` in the background once the transaction of `s` commits
        (never for one that rolls back), so the reply does not wait for the
        mail server and takes as long whether or not a mail goes out."""

        async def send() -> None:
            try:
                await self.send(msg)
                log.info(f"{peristiwa}.email_terkirim")
                metrik.email(peristiwa, "terkirim")
            except Exception:  # a mail failure must not fail (or reveal anything about) the call
                log.exception(f"{peristiwa}.email_gagal")
                metrik.email(peristiwa, "gagal")

        def after_commit(_session: object) -> None:
            task = asyncio.get_running_loop().create_task(send())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

        event.listen(s.sync_session, "after_commit", after_commit, once=True)

    async def menunggu(self) -> None:
        """For tests and shutdown: wait until queued mails are handed over."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
