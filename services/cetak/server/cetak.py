"""CetakService: proto in, domain, proto out."""

from __future__ import annotations

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as pb
from ekinerja.cetak.v1 import cetak_pb2_grpc

from services.cetak.domain.dokumen import DOKUMEN
from services.shared import principal as pr


class CetakServicer(cetak_pb2_grpc.CetakServiceServicer):
    async def ListJenisDokumen(
        self, request: pb.ListJenisDokumenRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListJenisDokumenResponse:
        pr.current()
        return pb.ListJenisDokumenResponse(dokumen=[
            pb.JenisDokumen(kode=d.kode, judul=d.judul, dari_menu=d.dari_menu,
                            isian=[pb.IsianDialog(kode=i.kode, label=i.label, wajib=i.wajib) for i in d.isian])
            for d in DOKUMEN
        ])
