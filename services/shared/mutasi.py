"""The unit of work of every mutating RPC, in every service: the change, the
idempotency record of its response and its jejak audit row commit together
in one transaction, or none of them does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TypeVar

from google.protobuf.message import Message
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import jejak_audit
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.idempotency import idempotent
from services.shared.teks import teks

M = TypeVar("M", bound=Message)

MAKS_ALASAN = 500


def alasan_dari(request: Message) -> tuple[bool, str]:
    """(whether the request has an `alasan` field, its checked value)."""
    if "alasan" not in request.DESCRIPTOR.fields_by_name:
        return False, ""
    return True, teks(request.alasan, "alasan", MAKS_ALASAN, wajib=False)  # type: ignore[attr-defined]


def wajib_alasan(p: pr.Principal | None, punya_alasan: bool, alasan: str, atas_nama: str) -> None:
    """Admin instansi and helpdesk say why whenever they change someone
    else's record through an RPC that asks for a reason."""
    if (
        punya_alasan
        and not alasan
        and p is not None
        and p.punya(pr.ADMIN_INSTANSI, pr.HELPDESK)
        and not (p.nip and p.nip == atas_nama)
    ):
        raise TidakValid("alasan", "wajib diisi: tindakan admin/helpdesk dicatat bersama alasannya")


class Mutasi:
    def __init__(self, db: Database, permintaan: Table, jejak: Table) -> None:
        self._db = db
        self._permintaan = permintaan
        # Built once: `.values(**row)` per call computed a new cache key each time.
        self._jejak_tambah = jejak.insert()

    async def __call__(
        self,
        request: Message,
        metode: str,
        response_type: type[M],
        work: Callable[[AsyncSession], Awaitable[M]],
        *,
        akun: str | None = None,
        sebelum: Callable[[], Awaitable[None]] | None = None,
    ) -> M:
        """Runs `work` once per (caller, request_id) and records it. `akun`
        overrides the idempotency key space (calls made before login);
        `sebelum` runs before the unit of work, outside it (idempotency.py)."""
        p = pr.current_or_none()
        punya_alasan, alasan = alasan_dari(request)

        async def work_and_record(s: AsyncSession) -> M:
            token = jejak_audit.mulai()
            try:
                response = await work(s)
            finally:
                catatan = jejak_audit.selesai(token)
            row = jejak_audit.baris(
                p,
                metode=metode,
                request=request,
                response=response,
                alasan=alasan,
                c=catatan,
                waktu=dt.datetime.now(dt.UTC),
            )
            wajib_alasan(p, punya_alasan, alasan, str(row["atas_nama"]))
            await s.execute(self._jejak_tambah, row)
            return response

        request_id = str(request.request_id)  # type: ignore[attr-defined]
        kunci = akun if akun is not None else pr.current().kunci
        return await idempotent(
            self._db,
            self._permintaan,
            akun=kunci,
            metode=metode,
            request_id=request_id,
            response_type=response_type,
            work=work_and_record,
            sebelum=sebelum,
        )
