"""Matriks Peran Hasil."""

from __future__ import annotations

import grpc
from ekinerja.skp.v1 import skp_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import principal as pr
from services.shared.errors import TidakValid
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

    async def GetMatriksPeranHasil(
        self, request: pb.GetMatriksPeranHasilRequest, context: grpc.aio.ServicerContext
    ) -> pb.MatriksPeranHasil:
        skp_id = nama.skp(request.name)
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        kolom = await self._kolom(row)
        async with self._db.read() as s:
            return convert.matriks(await uc.matriks(s, row, kolom))

    async def UpdatePeranHasil(
        self, request: pb.UpdatePeranHasilRequest, context: grpc.aio.ServicerContext
    ) -> pb.MatriksPeranHasil:
        skp_id, rhk_id = nama.rhk(request.rhk, "rhk")
        nama.nip(request.nip, "nip")
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        # The columns are needed for the reply as well, not only to check an assignment.
        kolom = await self._kolom(row)
        peran = convert.PERAN_TIM_DARI.get(request.peran or pb.PERAN_TIM_ANGGOTA, "")

        async def work(s: AsyncSession) -> pb.MatriksPeranHasil:
            m = await uc.ubah(s, p, skp_id, rhk_id, request.nip, request.ditugaskan, kolom, request.peran_hasil, peran)
            return convert.matriks(m)

        return await self._mutasi(request, "UpdatePeranHasil", pb.MatriksPeranHasil, work)

    async def TambahPegawaiMph(
        self, request: pb.TambahPegawaiMphRequest, context: grpc.aio.ServicerContext
    ) -> pb.MatriksPeranHasil:
        skp_id = nama.skp(request.name)
        nip = nama.nip(request.nip, "nip")
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        kolom = await self._kolom(row)
        orang = await self._profil.cari_nip(nip)
        if orang is None:
            raise TidakValid("nip", "pegawai dengan NIP ini tidak ditemukan di instansi Anda")
        pegawai = uc.Kolom(orang.nip, orang.nama, orang.jabatan, True, orang.unor_nama)

        async def work(s: AsyncSession) -> pb.MatriksPeranHasil:
            return convert.matriks(await uc.tambah_pegawai(s, p, skp_id, pegawai, kolom))

        return await self._mutasi(request, "TambahPegawaiMph", pb.MatriksPeranHasil, work)

    async def HapusPegawaiMph(
        self, request: pb.HapusPegawaiMphRequest, context: grpc.aio.ServicerContext
    ) -> pb.MatriksPeranHasil:
        skp_id = nama.skp(request.name)
        nip = nama.nip(request.nip, "nip")
        p = pr.current()
        async with self._db.read() as s:
            row = await uc.untuk_matriks(s, p, skp_id)
        kolom = await self._kolom(row)

        async def work(s: AsyncSession) -> pb.MatriksPeranHasil:
            return convert.matriks(await uc.hapus_pegawai(s, p, skp_id, nip, kolom))

        return await self._mutasi(request, "HapusPegawaiMph", pb.MatriksPeranHasil, work)
