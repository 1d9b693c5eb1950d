"""SkpService: proto in, use case, proto out. No rules here; the parts live
beside this file by the web app's pages (docs/domain.md#skp)."""

from __future__ import annotations

import grpc
from ekinerja.audit.v1 import audit_pb2 as apb
from ekinerja.skp.v1 import skp_pb2 as pb
from ekinerja.skp.v1 import skp_pb2_grpc

from services.shared import jejak_daftar
from services.shared import principal as pr
from services.skp.domain.perilaku import BERAKHLAK
from services.skp.server.isi import Isi
from services.skp.server.mph import Mph
from services.skp.server.persetujuan import Persetujuan
from services.skp.server.rencana import Rencana
from services.skp.store.models import jejak


class SkpServicer(Rencana, Isi, Persetujuan, Mph, skp_pb2_grpc.SkpServiceServicer):
    async def ListPerilakuKerja(
        self, request: pb.ListPerilakuKerjaRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPerilakuKerjaResponse:
        pr.current()
        return pb.ListPerilakuKerjaResponse(
            perilaku=[pb.PerilakuKerja(nomor=p.nomor, kode=p.kode, nama=p.nama, uraian=p.uraian) for p in BERAKHLAK]
        )

    async def ListJejakAudit(
        self, request: apb.ListJejakAuditRequest, context: grpc.aio.ServicerContext
    ) -> apb.ListJejakAuditResponse:
        return await jejak_daftar.daftar(self._db, jejak, "skp", request)
