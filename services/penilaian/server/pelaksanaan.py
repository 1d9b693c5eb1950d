"""Pelaksanaan Kinerja: Rencana Aksi, Bukti Dukung, Realisasi (the pegawai)."""

from __future__ import annotations

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.server import convert, nama
from services.penilaian.server.dasar import Dasar
from services.penilaian.store.models import BuktiDukungRow, RencanaAksiRow
from services.penilaian.usecases import pelaksanaan as uc
from services.shared import principal as pr
from services.shared.errors import TidakValid


class Pelaksanaan(Dasar):
    async def CreateRencanaAksi(
        self, request: pb.CreateRencanaAksiRequest, context: grpc.aio.ServicerContext
    ) -> pb.RencanaAksi:
        skp_id, kode = nama.periode(request.parent, "parent")
        rhk_id = nama.rhk(request.rencana_aksi.rhk, skp_id, "rencana_aksi.rhk")
        skp = await self._data_skp(skp_id)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.RencanaAksi:
            return convert.rencana_aksi(
                await uc.tambah_rencana_aksi(s, p, skp, kode, rhk_id, request.rencana_aksi.teks, hari)
            )

        return await self._mutasi(request, "CreateRencanaAksi", pb.RencanaAksi, work)

    async def UpdateRencanaAksi(
        self, request: pb.UpdateRencanaAksiRequest, context: grpc.aio.ServicerContext
    ) -> pb.RencanaAksi:
        src = request.rencana_aksi
        skp_id, kode, row_id = nama.anak(src.name, "rencana-aksi", "rencana_aksi.name")
        skp = await self._data_skp(skp_id)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.RencanaAksi:
            return convert.rencana_aksi(await uc.ubah_rencana_aksi(s, p, skp, kode, row_id, src.teks, src.etag, hari))

        return await self._mutasi(request, "UpdateRencanaAksi", pb.RencanaAksi, work)

    async def DeleteRencanaAksi(
        self, request: pb.DeleteRequest, context: grpc.aio.ServicerContext
    ) -> pb.DeleteResponse:
        return await self._hapus(request, "rencana-aksi", RencanaAksiRow, "Rencana aksi", "DeleteRencanaAksi")

    async def _hapus(
        self, request: pb.DeleteRequest, jenis: str, model: type, apa: str, metode: str
    ) -> pb.DeleteResponse:
        skp_id, kode, row_id = nama.anak(request.name, jenis)
        skp = await self._data_skp(skp_id)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.DeleteResponse:
            await uc.hapus(s, p, skp, kode, model, row_id, request.etag, apa, hari)
            return pb.DeleteResponse()

        return await self._mutasi(request, metode, pb.DeleteResponse, work)

    async def CreateBuktiDukung(
        self, request: pb.CreateBuktiDukungRequest, context: grpc.aio.ServicerContext
    ) -> pb.BuktiDukung:
        skp_id, kode = nama.periode(request.parent, "parent")
        src = request.bukti_dukung
        rhk_id = nama.rhk(src.rhk, skp_id, "bukti_dukung.rhk")
        skp = await self._data_skp(skp_id)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.BuktiDukung:
            return convert.bukti_dukung(await uc.tambah_bukti(s, p, skp, kode, rhk_id, src.nama, src.tautan, hari))

        return await self._mutasi(request, "CreateBuktiDukung", pb.BuktiDukung, work)

    async def UpdateBuktiDukung(
        self, request: pb.UpdateBuktiDukungRequest, context: grpc.aio.ServicerContext
    ) -> pb.BuktiDukung:
        src = request.bukti_dukung
        skp_id, kode, row_id = nama.anak(src.name, "bukti-dukung", "bukti_dukung.name")
        skp = await self._data_skp(skp_id)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.BuktiDukung:
            return convert.bukti_dukung(
                await uc.ubah_bukti(s, p, skp, kode, row_id, src.nama, src.tautan, src.etag, hari)
            )

        return await self._mutasi(request, "UpdateBuktiDukung", pb.BuktiDukung, work)

    async def DeleteBuktiDukung(
        self, request: pb.DeleteRequest, context: grpc.aio.ServicerContext
    ) -> pb.DeleteResponse:
        return await self._hapus(request, "bukti-dukung", BuktiDukungRow, "Bukti dukung", "DeleteBuktiDukung")

    async def UpdateRealisasi(
        self, request: pb.UpdateRealisasiRequest, context: grpc.aio.ServicerContext
    ) -> pb.Realisasi:
        skp_id, kode = nama.periode(request.parent, "parent")
        src = request.realisasi
        indikator_id = nama.indikator(src.indikator, skp_id, "realisasi.indikator")
        skp = await self._data_skp(skp_id)
        if indikator_id not in skp.indikator:
            raise TidakValid("realisasi.indikator", "bukan indikator dari SKP ini")
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.Realisasi:
            row = await uc.ubah_realisasi(s, p, skp, kode, indikator_id, src.realisasi, src.sumber_data, src.etag, hari)
            return convert.realisasi(row) if row else pb.Realisasi(indikator=src.indikator)

        return await self._mutasi(request, "UpdateRealisasi", pb.Realisasi, work)
