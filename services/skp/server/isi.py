"""RHK, indikator, RHK intervensi, Ekspektasi and Lampiran."""

from __future__ import annotations

import grpc
from ekinerja.skp.v1 import skp_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import principal as pr
from services.skp.server import convert, nama
from services.skp.server.dasar import Dasar
from services.skp.usecases import isian as uc_isian
from services.skp.usecases import rhk as uc
from services.skp.usecases.umum import tampilan


def _isian_rhk(r: pb.Rhk) -> uc.IsianRhk:
    return uc.IsianRhk(
        jenis=convert.JENIS_DARI.get(r.jenis, ""),
        klasifikasi=convert.KLASIFIKASI_DARI.get(r.klasifikasi, ""),
        rhk_atasan_id=nama.rhk(r.rhk_atasan, "rhk.rhk_atasan")[1] if r.rhk_atasan else "",
        perjanjian_kinerja=r.perjanjian_kinerja,
        teks=r.teks,
        perspektif=r.perspektif,
    )


def _isian_indikator(i: pb.Indikator) -> uc.IsianIndikator:
    return uc.IsianIndikator(aspek=convert.ASPEK_DARI.get(i.aspek, ""), teks=i.teks, target=i.target)


class Isi(Dasar):
    async def CreateRhk(self, request: pb.CreateRhkRequest, context: grpc.aio.ServicerContext) -> pb.Rhk:
        skp_id = nama.skp(request.parent, "parent")
        v = _isian_rhk(request.rhk)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Rhk:
            _, rhk = await uc.tambah(s, p, skp_id, v)
            return convert.rhk(rhk, [])

        return await self._mutasi(request, "CreateRhk", pb.Rhk, work)

    async def UpdateRhk(self, request: pb.UpdateRhkRequest, context: grpc.aio.ServicerContext) -> pb.Rhk:
        skp_id, rhk_id = nama.rhk(request.rhk.name, "rhk.name")
        v = _isian_rhk(request.rhk)
        paths = list(request.update_mask.paths)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Rhk:
            row, rhk = await uc.ubah(s, p, skp_id, rhk_id, paths, v, request.rhk.urutan, request.rhk.etag)
            t = await tampilan(s, row)
            return convert.rhk(rhk, t.indikator.get(rhk.id, []))

        return await self._mutasi(request, "UpdateRhk", pb.Rhk, work)

    async def DeleteRhk(self, request: pb.DeleteRhkRequest, context: grpc.aio.ServicerContext) -> pb.DeleteRhkResponse:
        skp_id, rhk_id = nama.rhk(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.DeleteRhkResponse:
            await uc.hapus(s, p, skp_id, rhk_id, request.etag)
            return pb.DeleteRhkResponse()

        return await self._mutasi(request, "DeleteRhk", pb.DeleteRhkResponse, work)

    async def ListRhkIntervensi(
        self, request: pb.ListRhkIntervensiRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListRhkIntervensiResponse:
        skp_id = nama.skp(request.parent, "parent")
        async with self._db.read() as s:
            pilihan, petunjuk = await uc.intervensi(s, pr.current(), skp_id)
        return pb.ListRhkIntervensiResponse(rhk=[convert.intervensi(i) for i in pilihan], petunjuk=petunjuk)

    async def CreateIndikator(
        self, request: pb.CreateIndikatorRequest, context: grpc.aio.ServicerContext
    ) -> pb.Indikator:
        skp_id, rhk_id = nama.rhk(request.parent, "parent")
        v = _isian_indikator(request.indikator)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Indikator:
            row, ind = await uc.tambah_indikator(s, p, skp_id, rhk_id, v)
            return convert.indikator(row.id, ind)

        return await self._mutasi(request, "CreateIndikator", pb.Indikator, work)

    async def UpdateIndikator(
        self, request: pb.UpdateIndikatorRequest, context: grpc.aio.ServicerContext
    ) -> pb.Indikator:
        skp_id, rhk_id, ind_id = nama.indikator(request.indikator.name, "indikator.name")
        v = _isian_indikator(request.indikator)
        paths = list(request.update_mask.paths)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Indikator:
            row, ind = await uc.ubah_indikator(
                s, p, skp_id, rhk_id, ind_id, paths, v, request.indikator.urutan, request.indikator.etag
            )
            return convert.indikator(row.id, ind)

        return await self._mutasi(request, "UpdateIndikator", pb.Indikator, work)

    async def DeleteIndikator(
        self, request: pb.DeleteIndikatorRequest, context: grpc.aio.ServicerContext
    ) -> pb.DeleteIndikatorResponse:
        skp_id, rhk_id, ind_id = nama.indikator(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.DeleteIndikatorResponse:
            await uc.hapus_indikator(s, p, skp_id, rhk_id, ind_id, request.etag)
            return pb.DeleteIndikatorResponse()

        return await self._mutasi(request, "DeleteIndikator", pb.DeleteIndikatorResponse, work)

    async def UpdateEkspektasi(self, request: pb.UpdateEkspektasiRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc_isian.ekspektasi(s, p, skp_id, request.kode, request.ekspektasi, request.etag))

        return await self._mutasi(request, "UpdateEkspektasi", pb.Skp, work)

    async def UpdateLampiran(self, request: pb.UpdateLampiranRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        src = request.lampiran
        nilai = {
            "dukungan_sumber_daya": list(src.dukungan_sumber_daya),
            "skema_pertanggungjawaban": list(src.skema_pertanggungjawaban),
            "konsekuensi": list(src.konsekuensi),
        }
        paths = list(request.update_mask.paths)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc_isian.lampiran(s, p, skp_id, paths, nilai, request.etag))

        return await self._mutasi(request, "UpdateLampiran", pb.Skp, work)
