"""CetakService: proto in, use case, proto out. No rules here; the parts
live beside this file: single documents (dokumen.py), bulk (massal.py)."""

from __future__ import annotations

import grpc
from ekinerja.audit.v1 import audit_pb2 as apb
from ekinerja.cetak.v1 import cetak_pb2 as pb
from ekinerja.cetak.v1 import cetak_pb2_grpc

from services.cetak.domain.dokumen import DOKUMEN
from services.cetak.server import convert, nama
from services.cetak.server.dokumen import Dokumen, jenis_dokumen
from services.cetak.server.massal import Massal
from services.cetak.server.verifikasi import Verifikasi
from services.cetak.store.models import jejak
from services.cetak.usecases import riwayat as uc_riwayat
from services.shared import jejak_daftar, paging
from services.shared import principal as pr


class CetakServicer(Dokumen, Massal, Verifikasi, cetak_pb2_grpc.CetakServiceServicer):
    async def ListJenisDokumen(
        self, request: pb.ListJenisDokumenRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListJenisDokumenResponse:
        pr.current()
        return pb.ListJenisDokumenResponse(dokumen=[jenis_dokumen(d.kode) for d in DOKUMEN])

    async def ListRiwayatCetak(
        self, request: pb.ListRiwayatCetakRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListRiwayatCetakResponse:
        p = pr.current()
        size = paging.page_size(request.page_size, 50, 200)
        skp_id = None
        if request.sumber:
            # Whoever may print the SKP's documents may see their history.
            skp_id = (await self._data_skp(nama.skp(request.sumber, "sumber"), "sumber")).id
        kunci = f"skp|{skp_id}" if skp_id else f"akun|{p.akun_id}"
        offset = paging.decode(request.page_token, kunci)
        async with self._db.read() as s:
            rows = await uc_riwayat.daftar(s, skp_id=skp_id, akun=p.akun_id, offset=offset, limit=size)
        return pb.ListRiwayatCetakResponse(
            riwayat=[convert.riwayat_cetak(r) for r in rows[:size]],
            next_page_token=paging.encode(offset + size, kunci) if len(rows) > size else "",
        )

    async def ListJejakAudit(
        self, request: apb.ListJejakAuditRequest, context: grpc.aio.ServicerContext
    ) -> apb.ListJejakAuditResponse:
        return await jejak_daftar.daftar(self._db, jejak, "cetak", request)
