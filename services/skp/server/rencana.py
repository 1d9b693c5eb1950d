"""Daftar SKP, Tambah/Edit/Hapus SKP, Detail SKP, Muat Ulang."""

from __future__ import annotations

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.skp.v1 import skp_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import paging
from services.shared import principal as pr
from services.shared.errors import TidakValid
from services.shared.names import date_from_proto, parse
from services.skp.domain import akses
from services.skp.domain.periode import Periode, validate_periode
from services.skp.server import convert, nama
from services.skp.server.dasar import Dasar
from services.skp.store import repository as repo
from services.skp.usecases import ringkasan as uc_ringkasan
from services.skp.usecases import skp as uc
from services.skp.usecases import sumber
from services.skp.usecases.umum import baca, boleh_lihat, detail, pihak

# penilaian's period names (its API) → the codes of skp's domain.
KODE_PERIODE = {
    npb.PERIODE_TRIWULAN_I: "tw1",
    npb.PERIODE_TRIWULAN_II: "tw2",
    npb.PERIODE_TRIWULAN_III: "tw3",
    npb.PERIODE_TRIWULAN_IV: "tw4",
    npb.PERIODE_AKHIR_TAHUN: "akhir",
}


class Rencana(Dasar):
    async def ListSkp(self, request: pb.ListSkpRequest, context: grpc.aio.ServicerContext) -> pb.ListSkpResponse:
        nip = nama.nip(parse(request.parent, "pegawai", "parent"), "parent")
        size = paging.page_size(request.page_size, 50, 200)
        offset = paging.decode(request.page_token, request.parent)
        async with self._db.read() as s:
            rows, total = await uc.daftar(s, pr.current(), nip, offset, size)
        nxt = paging.encode(offset + size, request.parent) if offset + size < total else ""
        return pb.ListSkpResponse(
            skp=[convert.ringkas(r, r.jumlah_indikator) for r in rows], next_page_token=nxt, total_size=total
        )

    async def GetRingkasanSkp(
        self, request: pb.GetRingkasanSkpRequest, context: grpc.aio.ServicerContext
    ) -> pb.RingkasanSkp:
        async with self._db.read() as s:
            r = await uc_ringkasan.ringkasan(s, pr.current())
        return pb.RingkasanSkp(
            skp_saya=[convert.ringkas(x, r.indikator.get(x.id, 0)) for x in r.saya],
            jumlah_skp_saya=r.jumlah_saya,
            menunggu_persetujuan=[convert.ringkas(x, r.indikator.get(x.id, 0)) for x in r.menunggu],
            jumlah_menunggu_persetujuan=r.jumlah_menunggu,
        )

    async def GetSkp(self, request: pb.GetSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        p = pr.current()
        versi = self._db.versi_data()  # before anything is read: see shared/tembolok_versi.py

        def tetap() -> pb.Skp:
            """Unchanged since the caller's copy (penilaian's writes, issue 18): its name and etag only."""
            return pb.Skp(name=convert.skp_name(skp_id), etag=request.jika_berubah_dari)

        ada = self._detail.ambil(versi, skp_id)
        if ada is not None:
            row, jawaban = ada
            boleh_lihat(p, row)
            return tetap() if request.jika_berubah_dari == str(row.versi) else jawaban
        t = await self._db.baca_langsung(lambda c: detail(c, p, skp_id, request.jika_berubah_dari))
        if t is None:
            return tetap()
        jawaban = convert.skp(t)
        self._detail.simpan(versi, skp_id, (t.skp, jawaban))
        return jawaban

    async def CreateSkp(self, request: pb.CreateSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        src = request.skp
        p = pr.current()
        nip = uc.nip_pemanggil(p)
        periode, pemberitahuan = validate_periode(
            date_from_proto(src.periode_awal, "skp.periode_awal"),
            date_from_proto(src.periode_akhir, "skp.periode_akhir"),
        )
        pendekatan = uc.validate_pendekatan(convert.PENDEKATAN_DARI.get(src.pendekatan, ""))
        unor_plt = src.unor_plt_id.strip() or None
        if unor_plt is not None and not nama.ID.match(unor_plt):
            raise TidakValid("skp.unor_plt_id", "id unit kerja harus 32 karakter heksadesimal")
        data = await sumber.pegawai(self._profil, nip, unor_plt, periode)
        penilai = await sumber.penilai(self._profil, nip, unor_plt, periode.acuan(self._hari_ini()))

        async def work(s: AsyncSession) -> pb.Skp:
            hasil = convert.skp(await uc.buat(s, p, periode, pendekatan, data, penilai))
            hasil.pemberitahuan = pemberitahuan
            return hasil

        return await self._mutasi(request, "CreateSkp", pb.Skp, work)

    async def UpdateSkp(self, request: pb.UpdateSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.skp.name, "skp.name")
        src = request.skp
        paths = list(request.update_mask.paths)
        awal = date_from_proto(src.periode_awal, "skp.periode_awal") if "periode_awal" in paths else None
        akhir = date_from_proto(src.periode_akhir, "skp.periode_akhir") if "periode_akhir" in paths else None
        p = pr.current()
        async with self._db.read() as s:
            row = await baca(s, p, skp_id)
        batas = None
        if row.unor_plt_id and (awal or akhir):
            # The period of an acting role must stay inside the assignment.
            cocok = [t for t in await self._profil.penugasan(row.nip) if t.unor_id == row.unor_plt_id]
            if cocok:
                periode, _ = validate_periode(awal or row.awal, akhir or row.akhir)
                _, mulai, selesai = sumber.penugasan_untuk(cocok, periode)
                batas = (mulai, selesai)
        berisi = None
        if awal or akhir:
            # The entries live in penilaian: asked through its API before the
            # transaction (docs/domain.md#edit-skp). Unreachable → UNAVAILABLE, nothing changed.
            berisi = [KODE_PERIODE[k] for k in await self._penilaian.periode_berisi(skp_id) if k in KODE_PERIODE]

        async def work(s: AsyncSession) -> pb.Skp:
            t, pemberitahuan = await uc.ubah(
                s,
                p,
                skp_id,
                paths,
                awal,
                akhir,
                convert.PENDEKATAN_DARI.get(src.pendekatan, ""),
                src.etag,
                batas,
                berisi,
            )
            hasil = convert.skp(t)
            hasil.pemberitahuan = pemberitahuan
            return hasil

        return await self._mutasi(request, "UpdateSkp", pb.Skp, work)

    async def DeleteSkp(self, request: pb.DeleteSkpRequest, context: grpc.aio.ServicerContext) -> pb.DeleteSkpResponse:
        skp_id = nama.skp(request.name)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.DeleteSkpResponse:
            await uc.hapus(s, p, skp_id, request.etag)
            return pb.DeleteSkpResponse()

        return await self._mutasi(request, "DeleteSkp", pb.DeleteSkpResponse, work)

    async def MuatUlangSkp(self, request: pb.MuatUlangSkpRequest, context: grpc.aio.ServicerContext) -> pb.Skp:
        skp_id = nama.skp(request.name)
        if request.pihak not in (pb.PIHAK_SKP_PEGAWAI, pb.PIHAK_SKP_PENILAI):
            raise TidakValid("pihak", "pilih kolom yang dimuat ulang: PEGAWAI atau PENILAI")
        p = pr.current()
        async with self._db.read() as s:
            row = await repo.get_skp(s, skp_id)
        akses.harus_pemilik(p, pihak(row), juga_pengelola=True)
        if request.pihak == pb.PIHAK_SKP_PEGAWAI:
            data = await sumber.pegawai(self._profil, row.nip, row.unor_plt_id, None)

            async def work(s: AsyncSession) -> pb.Skp:
                return convert.skp(await uc.muat_ulang_pegawai(s, p, skp_id, data))
        else:
            acuan = Periode(row.awal, row.akhir).acuan(self._hari_ini())
            penilai = await sumber.penilai(self._profil, row.nip, row.unor_plt_id, acuan)

            async def work(s: AsyncSession) -> pb.Skp:
                sebab = f"Muat Ulang ({request.alasan.strip()})" if request.alasan.strip() else "Muat Ulang"
                return convert.skp(await uc.muat_ulang_penilai(s, p, skp_id, penilai, sebab))

        return await self._mutasi(request, "MuatUlangSkp", pb.Skp, work)
