"""Matriks Peran Hasil."""

from __future__ import annotations

import grpc
from ekinerja.skp.v1 import skp_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import principal as pr
from services.skp.domain.periode import Periode
from services.skp.server import convert, nama
from services.skp.server.dasar import Dasar
from services.skp.store.models import SkpRow
from services.skp.usecases import mph as uc


class Mph(Dasar):
    async def _kolom(self, row: SkpRow) -> list[uc.Kolom]:
        acuan = Periode(row.awal, row.akhir).acuan(self._hari_ini())
        bawahan = await self._profil.bawahan(row.nip, acuan)
        return [uc.Kolom(b.pegawai.nip, b.pegawai.nama, b.pegawai.jabatan) for b in bawahan]

    async def GetMatriksPeranHasil(self, request: pb.GetMatriksPeranHasilRequest,
                                   context: grpc.aio.ServicerContext) -> pb.MatriksPeranHasil:
        skp_id = nama.skp(request.name)
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        kolom = await self._kolom(row)
        async with self._db.read() as s:
            return convert.matriks(await uc.matriks(s, row, kolom))

    async def UpdatePeranHasil(self, request: pb.UpdatePeranHasilRequest,
                               context: grpc.aio.ServicerContext) -> pb.MatriksPeranHasil:
        skp_id, rhk_id = nama.rhk(request.rhk, "rhk")
        nama.nip(request.nip, "nip")
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        # The columns are needed for the reply as well, not only to check an assignment.
        kolom = await self._kolom(row)
        peran = convert.PERAN_TIM_DARI.get(request.peran or pb.PERAN_TIM_ANGGOTA, "")

        async def work(s: AsyncSession) -> pb.MatriksPeranHasil:
            m = await uc.ubah(s, p, skp_id, rhk_id, request.nip, request.ditugaskan, kolom, request.peran_hasil,
                              peran)
            return convert.matriks(m)

        return await self._mutasi(request, "UpdatePeranHasil", pb.MatriksPeranHasil, work)
