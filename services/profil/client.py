"""The typed client other services use to read profil through its gRPC API,
on the caller's behalf (services/shared/klien.py). Imports only generated
stubs and shared plumbing: never profil's internals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import grpc
from ekinerja.profil.v1 import profil_pb2 as pb
from ekinerja.profil.v1 import profil_pb2_grpc

from services.shared.klien import Klien
from services.shared.names import date_to_proto


class ProfilClient(Klien):
    def __init__(self, buka: Callable[[], grpc.aio.Channel]) -> None:
        super().__init__("profil", buka)

    def _stub(self) -> profil_pb2_grpc.ProfilServiceAsyncStub:
        return self.stub(profil_pb2_grpc.ProfilServiceStub)

    async def pegawai(self, nip: str, fields: Mapping[str, str] | None = None) -> pb.Pegawai:
        return await self.call(self._stub().GetPegawai, pb.GetPegawaiRequest(name=f"pegawai/{nip}"), fields)

    async def atasan(
        self, nip: str, tanggal: dt.date, unor_plt: str | None = None, fields: Mapping[str, str] | None = None
    ) -> pb.Atasan:
        req = pb.GetAtasanRequest(
            name=f"pegawai/{nip}", tanggal=date_to_proto(tanggal), unor_plt=f"unor/{unor_plt}" if unor_plt else ""
        )
        return await self.call(self._stub().GetAtasan, req, fields)

    async def bawahan(self, nip: str, tanggal: dt.date) -> list[pb.Bawahan]:
        req = pb.ListBawahanRequest(name=f"pegawai/{nip}", tanggal=date_to_proto(tanggal))
        return list((await self.call(self._stub().ListBawahan, req)).bawahan)

    async def cari_nip(self, nip: str) -> pb.PegawaiRingkas | None:
        """The pegawai of the caller's instansi with exactly this NIP, if any."""
        resp = await self.call(self._stub().SearchPegawai, pb.SearchPegawaiRequest(query=nip, page_size=5))
        return next((x for x in resp.pegawai if x.nip == nip), None)

    async def penugasan(self, nip: str) -> list[pb.Penugasan]:
        req = pb.ListPenugasanRequest(parent=f"pegawai/{nip}")
        return list((await self.call(self._stub().ListPenugasan, req)).penugasan)

    async def unor(self, unor_id: str, fields: Mapping[str, str] | None = None) -> pb.Unor:
        return await self.call(self._stub().GetUnor, pb.GetUnorRequest(name=f"unor/{unor_id}"), fields)

    async def daftar_unor(self) -> list[pb.Unor]:
        """Every unit of the caller's instansi, in tree order."""
        hasil: list[pb.Unor] = []
        token = ""
        while True:
            resp = await self.call(self._stub().ListUnor, pb.ListUnorRequest(page_size=1000, page_token=token))
            hasil.extend(resp.unor)
            token = resp.next_page_token
            if not token:
                return hasil
