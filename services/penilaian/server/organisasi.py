"""Capaian Kinerja Organisasi and Batas."""

from __future__ import annotations

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.server import convert
from services.penilaian.server.dasar import Dasar, tahun
from services.penilaian.server.evaluasi import _periode
from services.penilaian.usecases import organisasi as uc
from services.shared import principal as pr
from services.shared.errors import TidakValid
from services.shared.names import date_from_proto, date_to_proto


class Organisasi(Dasar):
    async def ListCapaianOrganisasi(
        self, request: pb.ListCapaianOrganisasiRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListCapaianOrganisasiResponse:
        th = tahun(request.tahun)
        kode = _periode(request.periode) if request.periode else None
        p = pr.current()
        semua = await self._profil.daftar_unor()
        pohon = {u.id: (u.parent_id, u.pimpinan.nip) for u in semua}
        induk = [u for u in semua if u.induk]
        boleh = {u.id: uc.boleh_atur(p, u.instansi_id, u.pimpinan.nip, uc.pimpinan_di_atas(u.id, pohon)) for u in induk}
        async with self._db.read() as s:
            rows = {(r.unor_induk_id, r.periode): r for r in await uc.daftar_capaian(s, p.instansi_id, th, kode)}
        kodes = [kode] if kode else list(convert.PERIODE)
        return pb.ListCapaianOrganisasiResponse(
            capaian=[
                convert.capaian(rows.get((u.id, k)), u.id, u.nama, th, k, boleh[u.id]) for u in induk for k in kodes
            ]
        )

    async def _unit_induk(self, unor_induk_id: str) -> tuple[str, str, str, str, set[str]]:
        """The unor induk (NOT_FOUND from profil for another instansi's) and
        the pimpinan of the units above it, who may set its capaian."""
        unor = await self._profil.unor(unor_induk_id.strip(), {"name": "unor_induk_id"})
        if not unor.induk:
            raise TidakValid("unor_induk_id", "bukan unit induk (unit JPT / unit mandiri)")
        return unor.id, unor.nama, unor.instansi_id, unor.pimpinan.nip, await self._pimpinan_di_atas(unor.id)

    async def SetCapaianOrganisasi(
        self, request: pb.SetCapaianOrganisasiRequest, context: grpc.aio.ServicerContext
    ) -> pb.CapaianOrganisasi:
        th = tahun(request.tahun)
        kode = _periode(request.periode)
        capaian = convert.CAPAIAN_DARI.get(request.capaian, "")
        if not capaian:
            raise TidakValid("capaian", "pilih Istimewa, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang")
        induk_id, induk_nama, instansi_id, pimpinan, di_atas = await self._unit_induk(request.unor_induk_id)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.CapaianOrganisasi:
            row = await uc.atur_capaian(
                s, p, instansi_id, induk_id, induk_nama, pimpinan, di_atas, th, kode, capaian, request.etag
            )
            return convert.capaian(row, induk_id, induk_nama, th, kode, True)

        return await self._mutasi(request, "SetCapaianOrganisasi", pb.CapaianOrganisasi, work)

    async def FinalisasiCapaianOrganisasi(
        self, request: pb.FinalisasiCapaianOrganisasiRequest, context: grpc.aio.ServicerContext
    ) -> pb.CapaianOrganisasi:
        th = tahun(request.tahun)
        kode = _periode(request.periode)
        induk_id, induk_nama, instansi_id, pimpinan, di_atas = await self._unit_induk(request.unor_induk_id)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.CapaianOrganisasi:
            row = await uc.finalisasi(s, p, instansi_id, induk_id, pimpinan, di_atas, th, kode, request.etag)
            return convert.capaian(row, induk_id, induk_nama, th, kode, True)

        return await self._mutasi(request, "FinalisasiCapaianOrganisasi", pb.CapaianOrganisasi, work)

    async def ListBatas(self, request: pb.ListBatasRequest, context: grpc.aio.ServicerContext) -> pb.ListBatasResponse:
        th = tahun(request.tahun)
        async with self._db.read() as s:
            rows = await uc.daftar_batas(s, pr.current().instansi_id, th)
        return pb.ListBatasResponse(
            batas=[
                pb.Batas(tahun=th, periode=convert.PERIODE[k], tanggal=date_to_proto(t), bawaan=b) for k, t, b in rows
            ]
        )

    async def SetBatas(self, request: pb.SetBatasRequest, context: grpc.aio.ServicerContext) -> pb.Batas:
        th = tahun(request.tahun)
        kode = _periode(request.periode)
        d = request.tanggal
        tanggal = None if (d.year, d.month, d.day) == (0, 0, 0) else date_from_proto(d, "tanggal")
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.Batas:
            k, t, bawaan = await uc.atur_batas(s, p, th, kode, tanggal, hari)
            return pb.Batas(tahun=th, periode=convert.PERIODE[k], tanggal=date_to_proto(t), bawaan=bawaan)

        return await self._mutasi(request, "SetBatas", pb.Batas, work)
