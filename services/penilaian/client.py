"""The typed client other services use to read penilaian through its gRPC
API, on the caller's behalf (services/shared/klien.py): penilaian (and skp
behind it) decides who may read which SKP's evaluation. Imports only
generated stubs and shared plumbing."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2_grpc

from services.shared.klien import Klien


class PenilaianClient(Klien):
    def __init__(self, buka: Callable[[], grpc.aio.Channel]) -> None:
        super().__init__("penilaian", buka)

    def _stub(self) -> penilaian_pb2_grpc.PenilaianServiceAsyncStub:
        return self.stub(penilaian_pb2_grpc.PenilaianServiceStub)

    async def penilaian(self, name: str, fields: Mapping[str, str] | None = None) -> pb.Penilaian:
        """One SKP in one period: "penilaian/{skp}/periode/{kode}"."""
        return await self.call(self._stub().GetPenilaian, pb.GetPenilaianRequest(name=name), fields)

    async def daftar_periode(self, skp_id: str) -> list[pb.PeriodePenilaian]:
        resp = await self.call(self._stub().ListPeriodePenilaian, pb.ListPeriodePenilaianRequest(skp=f"skp/{skp_id}"))
        return list(resp.periode)

    async def periode_berisi(self, skp_id: str) -> list[pb.Periode.ValueType]:
        """The periods of that SKP holding entries or a rating."""
        resp = await self.call(self._stub().ListPeriodeBerisi, pb.ListPeriodeBerisiRequest(skp=f"skp/{skp_id}"))
        return list(resp.periode)

    async def rekap(
        self, tahun: int, periode: pb.Periode.ValueType, fields: Mapping[str, str] | None = None
    ) -> list[pb.RekapPenilaian]:
        """Every approved SKP the caller rates that has this period."""
        resp = await self.call(
            self._stub().ListRekapPenilaian, pb.ListRekapPenilaianRequest(tahun=tahun, periode=periode), fields
        )
        return list(resp.rekap)

    async def kurva_skp(self, skp_id: str, periode: pb.Periode.ValueType) -> pb.Kurva:
        """The curve of the bawahan of that SKP's penilai, in a period."""
        return await self.call(self._stub().GetKurva, pb.GetKurvaRequest(skp=f"skp/{skp_id}", periode=periode))
