"""PenilaianService: proto in, use case, proto out. No rules here; the parts
live beside this file by the web app's pages (docs/domain.md#penilaian)."""

from __future__ import annotations

import grpc
from ekinerja.audit.v1 import audit_pb2 as apb
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc

from services.penilaian.domain.predikat import Rating, predikat
from services.penilaian.server import convert
from services.penilaian.server.evaluasi import Evaluasi
from services.penilaian.server.organisasi import Organisasi
from services.penilaian.server.pelaksanaan import Pelaksanaan
from services.penilaian.server.unggah import Unggah
from services.penilaian.store.models import jejak
from services.shared import jejak_daftar
from services.shared import principal as pr
from services.shared.errors import TidakValid


def _rating(value: pb.Rating.ValueType, field: str) -> Rating | None:
    if value == pb.RATING_UNSPECIFIED:
        return None
    if value not in convert.RATING_DARI:
        raise TidakValid(field, "bukan rating yang dikenal")
    return convert.RATING_DARI[value]


class PenilaianServicer(Pelaksanaan, Evaluasi, Organisasi, Unggah, penilaian_pb2_grpc.PenilaianServiceServicer):
    async def HitungPredikat(
        self, request: pb.HitungPredikatRequest, context: grpc.aio.ServicerContext
    ) -> pb.HitungPredikatResponse:
        pr.current()
        hasil = predikat(
            _rating(request.rating_hasil_kerja, "rating_hasil_kerja"),
            _rating(request.rating_perilaku_kerja, "rating_perilaku_kerja"),
        )
        if hasil is None:
            return pb.HitungPredikatResponse(predikat=pb.PREDIKAT_UNSPECIFIED, label="-")
        return pb.HitungPredikatResponse(predikat=convert.PREDIKAT[hasil], label=hasil.value)

    async def ListJejakAudit(
        self, request: apb.ListJejakAuditRequest, context: grpc.aio.ServicerContext
    ) -> apb.ListJejakAuditResponse:
        return await jejak_daftar.daftar(self._db, jejak, "penilaian", request)
