"""Periods, one period's record, Feedback, ratings, Rekap and the curve."""

from __future__ import annotations

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain.periode import periode_skp
from services.penilaian.server import convert, nama
from services.penilaian.server.dasar import Dasar, data_skp, tahun
from services.penilaian.usecases import evaluasi as uc
from services.penilaian.usecases import organisasi as uc_org
from services.penilaian.usecases import rekap as uc_rekap
from services.penilaian.usecases import ringkasan as uc_ringkasan
from services.penilaian.usecases.konteks import periode
from services.shared import principal as pr
from services.shared.errors import AksesDitolak, KondisiTidakTerpenuhi, TidakValid


def _periode(value: pb.Periode.ValueType, field: str = "periode") -> str:
    if value not in convert.PERIODE_DARI:
        raise TidakValid(field, "pilih periode: Triwulan I–IV atau Akhir Tahun")
    return convert.PERIODE_DARI[value]


class Evaluasi(Dasar):
    async def ListPeriodePenilaian(
        self, request: pb.ListPeriodePenilaianRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPeriodePenilaianResponse:
        skp_id = nama.skp(request.skp, "skp")
        # Fresh, not the caller's copy: the periods follow the SKP's own period,
        # which Edit SKP just changed when the pegawai comes here next, and this
        # call opens a screen once rather than repeating on a hot path.
        skp = await self._data_skp(skp_id)
        induk = await self._induk(skp)
        async with self._db.read() as s:
            rows = await uc.daftar_periode(s, pr.current(), skp, induk, self._hari_ini())
        return pb.ListPeriodePenilaianResponse(periode=[convert.periode(skp.id, i) for i in rows])

    async def ListPeriodeBerisi(
        self, request: pb.ListPeriodeBerisiRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListPeriodeBerisiResponse:
        skp = await self._data_skp_baca(nama.skp(request.skp, "skp"))
        async with self._db.read() as s:
            kode = await uc.periode_berisi(s, skp)
        return pb.ListPeriodeBerisiResponse(periode=[convert.PERIODE[k] for k in kode])

    async def GetPenilaian(self, request: pb.GetPenilaianRequest, context: grpc.aio.ServicerContext) -> pb.Penilaian:
        skp_id, kode = nama.periode(request.name)
        skp = await self._data_skp_baca(skp_id)
        induk = await self._induk(skp)
        uc.boleh_lihat_periode(pr.current(), skp, kode)
        # The period's rows, kept while penilaian's database is unchanged (shared/tembolok_versi.py).
        kunci = (skp.id, kode, skp.instansi_id, skp.tahun, induk.id)
        versi = self._db.versi_data()
        baris = self._periode_dibaca.ambil(versi, kunci)
        if baris is None:
            async with self._db.read() as s:
                baris = await uc.baca_periode(s, skp, kode, induk)
            self._periode_dibaca.simpan(versi, kunci, baris)
        return convert.penilaian(skp.id, uc.lengkap(skp, kode, baris, self._hari_ini()), induk.dipimpin)

    async def CreateFeedback(self, request: pb.CreateFeedbackRequest, context: grpc.aio.ServicerContext) -> pb.Feedback:
        skp_id, kode = nama.periode(request.parent, "parent")
        skp = await self._data_skp(skp_id)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Feedback:
            return convert.feedback(
                await uc.tambah_feedback(s, p, skp, kode, request.feedback.tentang, request.feedback.teks)
            )

        return await self._mutasi(request, "CreateFeedback", pb.Feedback, work)

    async def UpdateFeedback(self, request: pb.UpdateFeedbackRequest, context: grpc.aio.ServicerContext) -> pb.Feedback:
        src = request.feedback
        skp_id, kode, row_id = nama.anak(src.name, "feedback", "feedback.name")
        skp = await self._data_skp(skp_id)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.Feedback:
            return convert.feedback(await uc.ubah_feedback(s, p, skp, kode, row_id, src.teks, src.etag))

        return await self._mutasi(request, "UpdateFeedback", pb.Feedback, work)

    async def DeleteFeedback(self, request: pb.DeleteRequest, context: grpc.aio.ServicerContext) -> pb.DeleteResponse:
        skp_id, kode, row_id = nama.anak(request.name, "feedback")
        skp = await self._data_skp(skp_id)
        p = pr.current()

        async def work(s: AsyncSession) -> pb.DeleteResponse:
            await uc.hapus_feedback(s, p, skp, kode, row_id, request.etag)
            return pb.DeleteResponse()

        return await self._mutasi(request, "DeleteFeedback", pb.DeleteResponse, work)

    async def SetRating(self, request: pb.SetRatingRequest, context: grpc.aio.ServicerContext) -> pb.Penilaian:
        skp_id, kode = nama.periode(request.name)
        hasil = self._rating(request.rating_hasil_kerja, "rating_hasil_kerja")
        perilaku = self._rating(request.rating_perilaku_kerja, "rating_perilaku_kerja")
        skp = await self._data_skp(skp_id)
        induk = await self._induk(skp)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.Penilaian:
            dari_capaian = await uc.rating_dari_capaian(s, skp, induk, kode)
            k = await uc.nilai(s, p, skp, kode, hasil, perilaku, request.etag, induk, dari_capaian)
            return convert.penilaian(skp.id, await uc.baca_lengkap(s, p, skp, kode, induk, hari, k), induk.dipimpin)

        return await self._mutasi(request, "SetRating", pb.Penilaian, work)

    async def SetCatatanEvaluasi(
        self, request: pb.SetCatatanEvaluasiRequest, context: grpc.aio.ServicerContext
    ) -> pb.Penilaian:
        skp_id, kode = nama.periode(request.name)
        skp = await self._data_skp(skp_id)
        induk = await self._induk(skp)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> pb.Penilaian:
            await uc.tulis_catatan(s, p, skp, kode, request.catatan, request.etag)
            return convert.penilaian(skp.id, await uc.baca_lengkap(s, p, skp, kode, induk, hari), induk.dipimpin)

        return await self._mutasi(request, "SetCatatanEvaluasi", pb.Penilaian, work)

    @staticmethod
    def _rating(value: pb.Rating.ValueType, field: str) -> str:
        if value == pb.RATING_UNSPECIFIED:
            return ""
        if value not in convert.RATING_DARI:
            raise TidakValid(field, "pilih Dibawah, Sesuai atau Diatas Ekspektasi, atau '-'")
        return convert.RATING_DARI[value].name

    async def ListRekapPenilaian(
        self, request: pb.ListRekapPenilaianRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListRekapPenilaianResponse:
        rows = await self._rekap(request)
        return pb.ListRekapPenilaianResponse(
            rekap=[convert.rekap(b) for b in rows],
            dinilai=sum(1 for b in rows if b.nilai and b.nilai.predikat),
            realisasi_lengkap=sum(1 for b in rows if b.skp.jumlah_indikator and b.realisasi >= b.skp.jumlah_indikator),
        )

    async def _rekap(self, request: pb.ListRekapPenilaianRequest) -> list[uc_rekap.BarisRekap]:
        th = tahun(request.tahun)
        kode = _periode(request.periode)
        if len(request.query) > 200:
            raise TidakValid("query", "maksimal 200 karakter")
        q = request.query.strip().casefold()
        skps = await self._skp_bawahan(th)
        if q:
            skps = [x for x in skps if x.nip.startswith(q) or q in x.nama.casefold()]
        async with self._db.read() as s:
            return await uc_rekap.rekap(s, pr.current().instansi_id, skps, kode)

    async def ExportRekapPenilaian(
        self, request: pb.ListRekapPenilaianRequest, context: grpc.aio.ServicerContext
    ) -> pb.BerkasXlsx:
        rows = await self._rekap(request)
        kode = _periode(request.periode)
        p = pr.current()
        penilai = rows[0].skp.penilai_nama if rows else (p.nip or p.username or "")
        return pb.BerkasXlsx(
            nama_berkas=f"rekap-penilaian-{request.tahun}-{kode}.xlsx",
            isi=uc_rekap.xlsx(rows, request.tahun, kode, penilai),
        )

    async def GetRingkasanPenilaian(
        self, request: pb.GetRingkasanPenilaianRequest, context: grpc.aio.ServicerContext
    ) -> pb.RingkasanPenilaian:
        p, hari = pr.current(), self._hari_ini()
        if not p.nip:
            raise AksesDitolak("Akun ini tidak terhubung ke seorang pegawai: tidak memiliki SKP maupun bawahan.")
        # This year and last: Akhir Tahun's Batas falls in the next year.
        saya = [data_skp(x) for x in await self._skp.skp_milik(p.nip) if x.periode_awal.year >= hari.year - 1]
        bawahan = [x for th in (hari.year - 1, hari.year) for x in await self._skp_bawahan(th)]
        async with self._db.read() as s:
            r = await uc_ringkasan.ringkasan(s, saya, bawahan, hari)
        return pb.RingkasanPenilaian(
            batas_saya=[convert.periode_ringkas(b) for b in r.batas_saya],
            menunggu_penilaian=[convert.periode_ringkas(b) for b in r.menunggu],
            jumlah_menunggu_penilaian=r.jumlah_menunggu,
        )

    async def GetKurva(self, request: pb.GetKurvaRequest, context: grpc.aio.ServicerContext) -> pb.Kurva:
        if request.skp:
            if request.unor_induk_id:
                raise TidakValid("unor_induk_id", "isi salah satu: skp atau unor_induk_id")
            return await self._kurva_penilai_skp(nama.skp(request.skp, "skp"), _periode(request.periode))
        th = tahun(request.tahun)
        kode = _periode(request.periode)
        p = pr.current()
        if request.unor_induk_id:
            unor = await self._profil.unor(request.unor_induk_id.strip(), {"name": "unor_induk_id"})
            if not unor.induk:
                raise TidakValid("unor_induk_id", "bukan unit induk (unit JPT / unit mandiri)")
            uc_org.boleh_lihat_kurva_induk(
                p, unor.instansi_id, unor.pimpinan.nip, await self._pimpinan_di_atas(unor.id)
            )
            async with self._db.read() as s:
                capaian = await uc.capaian_induk(s, unor.id, th, kode)
                h, belum = await uc_org.kurva_induk(s, unor.id, th, kode, capaian.capaian if capaian else None)
            return convert.kurva(h, unor.id, unor.nama, capaian, belum)
        if not p.nip:
            raise TidakValid("unor_induk_id", "akun tanpa NIP tidak memiliki bawahan; sebutkan unit induknya")
        diri = await self._profil.pegawai(p.nip)
        skps = await self._skp_bawahan(th)
        ids = [x.id for x in skps if x.disetujui and any(per.kode == kode for per in periode_skp(x.awal, x.akhir))]
        async with self._db.read() as s:
            capaian = await uc.capaian_induk(s, diri.unor_induk.id, th, kode)
            h, belum = await uc_org.kurva_skp(s, ids, kode, capaian.capaian if capaian else None)
        return convert.kurva(h, diri.unor_induk.id, diri.unor_induk.nama, capaian, belum)

    async def _kurva_penilai_skp(self, skp_id: str, kode: str) -> pb.Kurva:
        """The curve the SKP's penilai sees, for any reader of the SKP (skp
        refuses the others): the Dokumen Evaluasi Kinerja prints it."""
        skp = await self._data_skp_baca(skp_id)
        periode(skp, kode, "periode")
        if not skp.penilai_nip:
            raise KondisiTidakTerpenuhi("SKP ini tidak memiliki pejabat penilai kinerja.")
        unor = await self._unor(skp.penilai_unor_id or skp.unor_id)
        induk = unor if unor.induk or not unor.induk_id else await self._unor(unor.induk_id)
        async with self._db.read() as s:
            capaian = await uc.capaian_induk(s, induk.id, skp.tahun, kode)
            h, belum = await uc_org.kurva_penilai(
                s, skp.penilai_nip, skp.tahun, kode, capaian.capaian if capaian else None
            )
        return convert.kurva(h, induk.id, induk.nama, capaian, belum)
