"""The typed client other services use to read SKPs through skp's gRPC API,
on the caller's behalf (services/shared/klien.py): skp decides who may read
which SKP. Imports only generated stubs and shared plumbing."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import grpc
from ekinerja.skp.v1 import skp_pb2 as pb
from ekinerja.skp.v1 import skp_pb2_grpc

from services.shared.klien import Klien

HALAMAN = 1000  # SKP Bawahan page size: a penilai's whole year in one call


class SkpClient(Klien):
    def __init__(self, buka: Callable[[], grpc.aio.Channel]) -> None:
        super().__init__("skp", buka)

    def _stub(self) -> skp_pb2_grpc.SkpServiceAsyncStub:
        return self.stub(skp_pb2_grpc.SkpServiceStub)

    async def skp(self, skp_id: str, fields: Mapping[str, str] | None = None, jika_berubah_dari: str = "") -> pb.Skp:
        """The whole SKP; with `jika_berubah_dari` (an etag the caller holds),
        only its name and etag while that is still its etag."""
        return await self.call(
            self._stub().GetSkp, pb.GetSkpRequest(name=f"skp/{skp_id}", jika_berubah_dari=jika_berubah_dari), fields
        )

    async def skp_milik(self, nip: str) -> list[pb.Skp]:
        """The pegawai's SKPs, newest period first (one page: a pegawai has one or two a year)."""
        resp = await self.call(self._stub().ListSkp, pb.ListSkpRequest(parent=f"pegawai/{nip}", page_size=200))
        return list(resp.skp)

    async def skp_bawahan(self, tahun: int) -> list[pb.Skp]:
        """Every SKP of the year whose penilai is the caller."""
        hasil: list[pb.Skp] = []
        token = ""
        while True:
            resp = await self.call(
                self._stub().ListSkpBawahan, pb.ListSkpBawahanRequest(tahun=tahun, page_size=HALAMAN, page_token=token)
            )
            hasil.extend(resp.skp)
            token = resp.next_page_token
            if not token:
                return hasil
