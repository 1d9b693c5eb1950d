"""The typed client other services use to read profil. It forwards the
caller's own bearer token, so profil checks that person's rights, and turns
profil's errors into domain errors of the calling service.

Imports only generated stubs and shared plumbing: never profil's internals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import grpc
import structlog
from ekinerja.profil.v1 import profil_pb2 as pb
from ekinerja.profil.v1 import profil_pb2_grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from services.shared import errors
from services.shared import principal as pr
from services.shared.names import date_to_proto

TIMEOUT = 10.0  # seconds; profil answers in milliseconds when healthy


class ProfilClient:
    def __init__(self, address: Callable[[], str]) -> None:
        # The address is read on first use: in the embedded default profil is
        # this very process, whose port is known only once it listens.
        self._address = address
        self._channel: grpc.aio.Channel | None = None
        self._stub: profil_pb2_grpc.ProfilServiceStub | None = None

    def _profil(self) -> profil_pb2_grpc.ProfilServiceStub:
        if self._stub is None:
            self._channel = grpc.aio.insecure_channel(self._address())
            self._stub = profil_pb2_grpc.ProfilServiceStub(self._channel)
        return self._stub

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = self._stub = None

    @staticmethod
    def _metadata() -> tuple[tuple[str, str], ...]:
        meta = [("authorization", f"Bearer {pr.current().token}")]
        rid = structlog.contextvars.get_contextvars().get("rid")
        if rid:
            meta.append(("x-request-id", str(rid)))
        return tuple(meta)

    async def pegawai(self, nip: str, fields: Mapping[str, str] | None = None) -> pb.Pegawai:
        return await self._call(self._profil().GetPegawai, pb.GetPegawaiRequest(name=f"pegawai/{nip}"), fields)

    async def atasan(self, nip: str, tanggal: dt.date, unor_plt: str | None = None,
                     fields: Mapping[str, str] | None = None) -> pb.Atasan:
        req = pb.GetAtasanRequest(name=f"pegawai/{nip}", tanggal=date_to_proto(tanggal),
                                  unor_plt=f"unor/{unor_plt}" if unor_plt else "")
        return await self._call(self._profil().GetAtasan, req, fields)

    async def bawahan(self, nip: str, tanggal: dt.date) -> list[pb.Bawahan]:
        req = pb.ListBawahanRequest(name=f"pegawai/{nip}", tanggal=date_to_proto(tanggal))
        return list((await self._call(self._profil().ListBawahan, req, None)).bawahan)

    async def penugasan(self, nip: str) -> list[pb.Penugasan]:
        req = pb.ListPenugasanRequest(parent=f"pegawai/{nip}")
        return list((await self._call(self._profil().ListPenugasan, req, None)).penugasan)

    async def _call(self, method, request, fields: Mapping[str, str] | None):  # type: ignore[no-untyped-def]
        try:
            return await method(request, metadata=self._metadata(), timeout=TIMEOUT)
        except grpc.aio.AioRpcError as err:
            raise _domain_error(err, fields or {}) from None


def _domain_error(err: grpc.aio.AioRpcError, fields: Mapping[str, str]) -> errors.DomainError:
    code = err.code()
    pesan = err.details() or "Layanan profil menolak permintaan."
    if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
        return errors.TidakTersedia("Layanan profil tidak dapat dihubungi; coba lagi sebentar lagi.")
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        # profil names its own request fields; say which of ours it was, when
        # the caller told us (e.g. GetAtasan.unor_plt → skp.unor_plt_id).
        for field, uraian in _violations(err):
            if field in fields:
                return errors.TidakValid(fields[field], uraian)
        return errors.KondisiTidakTerpenuhi(pesan)
    simple: dict[grpc.StatusCode, type[errors.DomainError]] = {
        grpc.StatusCode.NOT_FOUND: errors.TidakDitemukan,
        grpc.StatusCode.PERMISSION_DENIED: errors.AksesDitolak,
        grpc.StatusCode.UNAUTHENTICATED: errors.BelumMasuk,
        grpc.StatusCode.FAILED_PRECONDITION: errors.KondisiTidakTerpenuhi,
    }
    if code in simple:
        return simple[code](pesan)
    return errors.TidakTersedia(f"Layanan profil gagal menjawab ({code.name}); coba lagi sebentar lagi.")


def _violations(err: grpc.aio.AioRpcError) -> list[tuple[str, str]]:
    try:
        status = rpc_status.from_call(err)
    except ValueError:
        return []
    found: list[tuple[str, str]] = []
    for detail in status.details if status else ():
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            br = error_details_pb2.BadRequest()
            detail.Unpack(br)
            found += [(v.field, v.description) for v in br.field_violations]
    return found
