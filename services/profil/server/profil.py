"""ProfilService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, TypeVar

import grpc
from ekinerja.audit.v1 import audit_pb2 as apb
from ekinerja.profil.v1 import profil_pb2 as pb
from ekinerja.profil.v1 import profil_pb2_grpc
from google.protobuf.message import Message
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain.organisasi import validate_unor_id
from services.profil.server import convert
from services.profil.store.models import jejak, permintaan
from services.profil.usecases import profil as uc
from services.profil.usecases.email_baru import EmailBaru
from services.shared import jejak_daftar, paging
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.mutasi import Mutasi
from services.shared.names import date_from_proto, parse

M = TypeVar("M", bound=Message)
ID = re.compile(r"^[0-9a-f]{32}$")


def _nip(name: str, field: str = "name") -> str:
    return uc.validate_nip_field(parse(name, "pegawai", field), field)


def _unor_id(name: str, field: str = "name") -> str:
    return validate_unor_id(parse(name, "unor", field), field)


def _id(value: str, field: str = "name") -> str:
    if not ID.match(value):
        raise TidakValid(field, "id tidak dikenal")
    return value


def _status(peta: Mapping[Any, str], value: int, field: str) -> str | None:
    if not value:
        return None
    if value not in peta:
        raise TidakValid(field, "status tidak dikenal")
    return peta[value]


def _today() -> dt.date:
    return dt.date.today()


class ProfilServicer(profil_pb2_grpc.ProfilServiceServicer):
    def __init__(self, db: Database, email_baru: EmailBaru) -> None:
        self._db = db
        self._email_baru = email_baru
        self._mutasi = Mutasi(db, permintaan, jejak)

    async def GetPegawai(self, request: pb.GetPegawaiRequest, context: grpc.aio.ServicerContext) -> pb.Pegawai:
        nip = _nip(request.name)
        async with self._db.read() as s:
            return convert.pegawai(await uc.data_pribadi(s, pr.current(), nip))

    async def UpdatePegawai(self, request: pb.UpdatePegawaiRequest, context: grpc.aio.ServicerContext) -> pb.Pegawai:
        nip = _nip(request.pegawai.name, "pegawai.name")
        paths = list(request.update_mask.paths)
        src = request.pegawai
        nilai = {
            "jabatan": src.jabatan,
            "unor_id": src.unor_id,
            "nama": src.nama,
            "golongan_ruang": src.golongan_ruang,
            "email": src.email,
            "jenis_asn": convert.JENIS_ASN_DARI.get(src.jenis_asn, ""),
        }
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Pegawai:
            return convert.pegawai(await uc.ubah_pegawai(s, p, nip, paths, nilai, src.etag, self._email_baru))

        return await self._mutasi(request, "UpdatePegawai", pb.Pegawai, work)

    async def ListPegawai(
        self, request: pb.ListPegawaiRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPegawaiResponse:
        unor_id = _unor_id(request.parent, "parent")
        size = paging.page_size(request.page_size, 50, 500)
        offset = paging.decode(request.page_token, request.parent)
        async with self._db.read() as s:
            rows, total = await uc.pegawai_satu_unor(s, pr.current(), unor_id, offset, size)
        nxt = paging.encode(offset + size, request.parent) if offset + size < total else ""
        return pb.ListPegawaiResponse(pegawai=[convert.ringkas(r) for r in rows], next_page_token=nxt, total_size=total)

    async def SearchPegawai(
        self, request: pb.SearchPegawaiRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPegawaiResponse:
        if len(request.query) > 200:
            raise TidakValid("query", "maksimal 200 karakter")
        size = paging.page_size(request.page_size, 50, 500)
        offset = paging.decode(request.page_token, request.query)
        async with self._db.read() as s:
            rows, total = await uc.cari(s, pr.current(), request.query, offset, size)
        nxt = paging.encode(offset + size, request.query) if offset + size < total else ""
        return pb.ListPegawaiResponse(pegawai=[convert.ringkas(r) for r in rows], next_page_token=nxt, total_size=total)

    async def GetAtasan(self, request: pb.GetAtasanRequest, context: grpc.aio.ServicerContext) -> pb.Atasan:
        nip = _nip(request.name)
        tanggal = date_from_proto(request.tanggal, "tanggal", _today())
        unor_plt = _unor_id(request.unor_plt, "unor_plt") if request.unor_plt else None
        async with self._db.read() as s:
            return convert.atasan(await uc.atasan(s, pr.current(), nip, tanggal, unor_plt))

    async def ListBawahan(
        self, request: pb.ListBawahanRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListBawahanResponse:
        nip = _nip(request.name)
        tanggal = date_from_proto(request.tanggal, "tanggal", _today())
        async with self._db.read() as s:
            rows = await uc.bawahan(s, pr.current(), nip, tanggal)
        return pb.ListBawahanResponse(bawahan=[convert.bawahan(b) for b in rows])

    async def KlaimPimpinan(self, request: pb.KlaimPimpinanRequest, context: grpc.aio.ServicerContext) -> pb.Unor:
        nip = _nip(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Unor:
            return convert.unor(await uc.klaim(s, p, nip, request.ganti_pimpinan))

        return await self._mutasi(request, "KlaimPimpinan", pb.Unor, work)

    async def ListKlaimPimpinan(
        self, request: pb.ListKlaimPimpinanRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListKlaimPimpinanResponse:
        nip = _nip(request.parent, "parent") if request.parent else None
        status = _status(convert.STATUS_KLAIM_DARI, request.status, "status")
        size = paging.page_size(request.page_size, 50, 200)
        key = f"{request.parent}|{request.status}"
        offset = paging.decode(request.page_token, key)
        async with self._db.read() as s:
            rows, total = await uc.daftar_klaim(s, pr.current(), nip, status, offset, size)
        nxt = paging.encode(offset + size, key) if offset + size < total else ""
        return pb.ListKlaimPimpinanResponse(
            klaim=[convert.klaim(k) for k in rows], next_page_token=nxt, total_size=total
        )

    async def PutuskanKlaimPimpinan(
        self, request: pb.PutuskanKlaimPimpinanRequest, context: grpc.aio.ServicerContext
    ) -> pb.Klaim:
        klaim_id = _id(parse(request.name, "klaim"))
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Klaim:
            return convert.klaim(
                await uc.putuskan_klaim(s, p, klaim_id, request.setujui, request.ganti_pimpinan, request.alasan)
            )

        return await self._mutasi(request, "PutuskanKlaimPimpinan", pb.Klaim, work)

    async def GetUnor(self, request: pb.GetUnorRequest, context: grpc.aio.ServicerContext) -> pb.Unor:
        unor_id = _unor_id(request.name)
        async with self._db.read() as s:
            return convert.unor(await uc.get_unor(s, pr.current(), unor_id))

    async def ListUnor(self, request: pb.ListUnorRequest, context: grpc.aio.ServicerContext) -> pb.ListUnorResponse:
        if len(request.query) > 200:
            raise TidakValid("query", "maksimal 200 karakter")
        size = paging.page_size(request.page_size, 200, 1000)
        key = f"{request.instansi_id}|{request.query}"
        offset = paging.decode(request.page_token, key)
        async with self._db.read() as s:
            rows, total = await uc.daftar_unor(s, pr.current(), request.instansi_id, request.query, offset, size)
        nxt = paging.encode(offset + size, key) if offset + size < total else ""
        return pb.ListUnorResponse(unor=[convert.unor(u) for u in rows], next_page_token=nxt)

    async def CreatePenugasan(
        self, request: pb.CreatePenugasanRequest, context: grpc.aio.ServicerContext
    ) -> pb.Penugasan:
        t = request.penugasan
        nip = uc.validate_nip_field(t.nip, "penugasan.nip")
        jenis = convert.PENUGASAN_DARI.get(t.jenis)
        if jenis is None:
            raise TidakValid("penugasan.jenis", "pilih PLT atau PLH")
        mulai = date_from_proto(t.tanggal_mulai, "penugasan.tanggal_mulai")
        selesai = date_from_proto(t.tanggal_selesai, "penugasan.tanggal_selesai")
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Penugasan:
            return convert.penugasan(
                await uc.tambah_penugasan(s, p, nip, t.unor_id, jenis, mulai, selesai, request.alasan)
            )

        return await self._mutasi(request, "CreatePenugasan", pb.Penugasan, work)

    async def ListPenugasan(
        self, request: pb.ListPenugasanRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPenugasanResponse:
        if not request.parent:
            nip, unor_id = None, None
        elif request.parent.startswith("unor/"):
            nip, unor_id = None, _unor_id(request.parent, "parent")
        else:
            nip, unor_id = _nip(request.parent, "parent"), None
        status = _status(convert.STATUS_PENUGASAN_DARI, request.status, "status")
        async with self._db.read() as s:
            rows = await uc.daftar_penugasan(s, pr.current(), nip=nip, unor_id=unor_id, status=status)
        return pb.ListPenugasanResponse(penugasan=[convert.penugasan(r) for r in rows])

    async def PutuskanPenugasan(
        self, request: pb.PutuskanPenugasanRequest, context: grpc.aio.ServicerContext
    ) -> pb.Penugasan:
        penugasan_id = _id(parse(request.name, "penugasan"))
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Penugasan:
            return convert.penugasan(await uc.putuskan_penugasan(s, p, penugasan_id, request.setujui, request.alasan))

        return await self._mutasi(request, "PutuskanPenugasan", pb.Penugasan, work)

    async def AkhiriPenugasan(
        self, request: pb.AkhiriPenugasanRequest, context: grpc.aio.ServicerContext
    ) -> pb.Penugasan:
        penugasan_id = parse(request.name, "penugasan")
        selesai = date_from_proto(request.tanggal_selesai, "tanggal_selesai")
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Penugasan:
            return convert.penugasan(await uc.akhiri_penugasan(s, p, penugasan_id, selesai))

        return await self._mutasi(request, "AkhiriPenugasan", pb.Penugasan, work)

    async def SetPenilaiEksternal(
        self, request: pb.SetPenilaiEksternalRequest, context: grpc.aio.ServicerContext
    ) -> pb.Atasan:
        nip = _nip(request.name)
        x = request.penilai
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Atasan:
            return convert.atasan(await uc.catat_penilai_eksternal(s, p, nip, x.nama, x.jabatan, x.nip, _today()))

        return await self._mutasi(request, "SetPenilaiEksternal", pb.Atasan, work)

    async def HapusPenilaiEksternal(
        self, request: pb.HapusPenilaiEksternalRequest, context: grpc.aio.ServicerContext
    ) -> pb.Atasan:
        nip = _nip(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Atasan:
            return convert.atasan(await uc.hapus_penilai_eksternal(s, p, nip, _today()))

        return await self._mutasi(request, "HapusPenilaiEksternal", pb.Atasan, work)

    async def ListJejakAudit(
        self, request: apb.ListJejakAuditRequest, context: grpc.aio.ServicerContext
    ) -> apb.ListJejakAuditResponse:
        return await jejak_daftar.daftar(self._db, jejak, "profil", request)
