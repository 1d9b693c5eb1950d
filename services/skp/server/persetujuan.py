"""Ajukan, Setujui, Kembalikan, Edit Status, Riwayat, SKP Bawahan and
Sinkronisasi SKP Bawahan."""

from __future__ import annotations

import asyncio
import datetime as dt

import grpc
from ekinerja.skp.v1 import skp_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import paging
from services.shared import principal as pr
from services.shared.errors import DomainError, TidakValid
from services.skp.domain.periode import Periode
from services.skp.server import convert, nama
from services.skp.server.dasar import Dasar, tahun
from services.skp.store import repository as repo
from services.skp.store.models import SkpRow
from services.skp.usecases import bawahan as uc_bawahan
from services.skp.usecases import status as uc
from services.skp.usecases import sumber
from services.skp.usecases.skp import nip_pemanggil
from services.skp.usecases.sumber import Identitas

PARALEL = 8  # profil calls in flight during a Sinkronisasi


class Persetujuan(Dasar):
    async def AjukanSkp(self, request: pb.AjukanSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc.ajukan(s, p, skp_id, request.etag))

        return await self._mutasi(request, "AjukanSkp", pb.Skp, work)

    async def SetujuiSkp(self, request: pb.SetujuiSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc.setujui(s, p, skp_id, request.etag))

        return await self._mutasi(request, "SetujuiSkp", pb.Skp, work)

    async def KembalikanSkp(self, request: pb.KembalikanSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc.kembalikan(s, p, skp_id, request.alasan, request.etag))

        return await self._mutasi(request, "KembalikanSkp", pb.Skp, work)

    async def UbahStatusSkp(self, request: pb.UbahStatusSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        ke = convert.STATUS_DARI.get(request.status, "")
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Skp:
            return convert.skp(await uc.ubah_status(s, p, skp_id, ke, request.alasan, request.etag))

        return await self._mutasi(request, "UbahStatusSkp", pb.Skp, work)

    async def ListRiwayatSkp(
        self, request: pb.ListRiwayatSkpRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListRiwayatSkpResponse:
        skp_id = nama.skp(request.name)
        async with self._db.read() as s:
            rows = await uc.riwayat(s, pr.current(), skp_id)
        return pb.ListRiwayatSkpResponse(riwayat=[convert.riwayat(r) for r in rows])

    async def ListSkpBawahan(
        self, request: pb.ListSkpBawahanRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListSkpResponse:
        th = tahun(request.tahun)
        if len(request.query) > 200:
            raise TidakValid("query", "maksimal 200 karakter")
        # Up to 1,000 a page: penilaian's Rekap reads a penilai's bawahan in one call.
        size = paging.page_size(request.page_size, 50, 1000)
        key = f"{th}|{request.query}"
        offset = paging.decode(request.page_token, key)
        async with self._db.read() as s:
            rows, total = await uc_bawahan.daftar(s, pr.current(), th, request.query, offset, size)
            jumlah = await repo.jumlah_indikator(s, [r.id for r in rows])
        nxt = paging.encode(offset + size, key) if offset + size < total else ""
        return pb.ListSkpResponse(
            skp=[convert.ringkas(r, jumlah.get(r.id, 0)) for r in rows], next_page_token=nxt, total_size=total
        )

    async def SinkronisasiSkpBawahan(
        self, request: pb.SinkronisasiSkpBawahanRequest, context: grpc.aio.ServicerContext
    ) -> pb.SinkronisasiSkpBawahanResponse:
        th = tahun(request.tahun)
        p = pr.current()
        nip = nip_pemanggil(p)
        hari = self._hari_ini()
        acuan = uc_bawahan.acuan_tahun(th, hari)
        async with self._db.read() as s:
            kandidat = {r.id: r for r in (await repo.skp_dinilai(s, nip, th))[0]}
        # New bawahan after a reorganisation: their SKPs still name someone
        # else, so they are found through profil's List Pegawai Bawahan.
        bawahan = await self._profil.bawahan(nip, acuan)
        async with self._db.read() as s:
            milik = await repo.skp_tahun(s, [b.pegawai.nip for b in bawahan], th)
        peran = [(b.pegawai.nip, b.unor_peran.id if b.sebagai else None) for b in bawahan]
        kandidat.update({r.id: r for r in uc_bawahan.skp_peran_berlaku(milik, peran, acuan)})
        hasil, gagal = await self._resolve(list(kandidat.values()), hari)

        async def work(s: AsyncSession) -> pb.SinkronisasiSkpBawahanResponse:
            perubahan, ditahan = await uc_bawahan.terapkan(s, p, hasil, request.konfirmasi)
            return pb.SinkronisasiSkpBawahanResponse(
                diperiksa=len(kandidat),
                perubahan=[convert.perubahan(x) for x in perubahan],
                gagal=gagal,
                menunggu_konfirmasi=[convert.perubahan(x) for x in ditahan],
            )

        return await self._mutasi(request, "SinkronisasiSkpBawahan", pb.SinkronisasiSkpBawahanResponse, work)

    async def _resolve(
        self, rows: list[SkpRow], hari: dt.date
    ) -> tuple[dict[str, Identitas | None], list[pb.PerubahanPenilai]]:
        batas = asyncio.Semaphore(PARALEL)
        hasil: dict[str, Identitas | None] = {}
        gagal: list[pb.PerubahanPenilai] = []

        async def satu(row: SkpRow) -> None:
            async with batas:
                try:
                    hasil[row.id] = await sumber.penilai(
                        self._profil, row.nip, row.unor_plt_id, Periode(row.awal, row.akhir).acuan(hari)
                    )
                except DomainError as exc:
                    gagal.append(
                        pb.PerubahanPenilai(
                            skp=convert.skp_name(row.id),
                            pegawai_nip=row.nip,
                            pegawai_nama=row.pegawai_nama,
                            penilai_lama=convert.identitas(uc_bawahan.identitas_penilai(row)),
                            keterangan=exc.pesan,
                        )
                    )

        await asyncio.gather(*(satu(r) for r in rows))
        return hasil, gagal
