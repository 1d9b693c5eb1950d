"""The three documents one at a time: their dialogs, the text preview, and
the Cetak RPCs that stream the PDF."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as pb

from services.cetak.domain.dokumen import DOKUMEN
from services.cetak.domain.isi import Jenis
from services.cetak.domain.pratinjau import baris
from services.cetak.domain.verifikasi import tanpa_kode
from services.cetak.server import convert, nama
from services.cetak.server.dasar import Dasar, anchor, pihak_ttd
from services.cetak.usecases import dokumen as uc
from services.cetak.usecases.dokumen import Cetakan
from services.shared import principal as pr
from services.shared.errors import Pelanggaran, TidakValid

CATATAN_KURVA = (
    "Kurva Distribusi Predikat Kinerja Pegawai pada Dokumen Evaluasi Kinerja Pegawai tampil ketika "
    "capaian kinerja organisasi pada unit kerja induk sudah difinalisasi."
)


def jenis_dokumen(kode: str, bawaan: dict[str, str] | None = None, catatan: str = "") -> pb.JenisDokumen:
    d = next(x for x in DOKUMEN if x.kode == kode)
    bawaan = bawaan or {}
    return pb.JenisDokumen(
        kode=d.kode,
        judul=d.judul,
        dari_menu=d.dari_menu,
        jenis=convert.JENIS_KE[d.kode],
        catatan=catatan,
        isian=[
            pb.IsianDialog(
                kode=i.kode,
                label=i.label,
                wajib=i.wajib,
                bawaan=next((v for k, v in bawaan.items() if i.kode.startswith(k)), ""),
            )
            for i in d.isian
        ],
    )


class Dokumen(Dasar):
    async def _rencana(self, r: pb.CetakRencanaSkpRequest) -> Cetakan:
        a, siapa = anchor(r.anchor_pegawai, r.anchor_penilai), pihak_ttd(r.tanda_tangan)
        skp = await self._data_skp(nama.skp(r.skp, "skp"), "skp")
        bawaan = await self._lokasi_bawaan(skp, r.lokasi)
        pengesahan = self._pengesahan(r.tanggal, r.lokasi, bawaan, "tanggal", "lokasi")
        return uc.rencana_skp(pr.current(), skp, pengesahan, a, siapa)

    async def _form(self, r: pb.CetakFormPenilaianRequest) -> Cetakan:
        a, siapa = anchor(r.anchor_pegawai, r.anchor_penilai), pihak_ttd(r.tanda_tangan)
        skp_id, kode = nama.periode(r.penilaian, "penilaian")
        skp = await self._data_skp(skp_id, "penilaian")
        # Rights are checked on the SKP first; what else is needed is read at once.
        nilai, bawaan = await asyncio.gather(self._nilai(skp, kode, "penilaian"), self._lokasi_bawaan(skp, r.lokasi))
        pengesahan = self._pengesahan(r.tanggal, r.lokasi, bawaan, "tanggal", "lokasi")
        return uc.form_penilaian(pr.current(), skp, nilai, pengesahan, a, siapa)

    async def _evaluasi(self, r: pb.CetakEvaluasiKinerjaRequest) -> Cetakan:
        a, siapa = anchor(r.anchor_pegawai, r.anchor_penilai), pihak_ttd(r.tanda_tangan)
        skp_id, kode = nama.periode(r.penilaian, "penilaian")
        skp = await self._data_skp(skp_id, "penilaian")
        nilai, bawaan, kurva = await asyncio.gather(
            self._nilai(skp, kode, "penilaian"),
            self._lokasi_bawaan(skp, r.lokasi_pegawai, r.lokasi_penilai),
            self._kurva(skp, kode),
        )
        pegawai = self._pengesahan(r.tanggal_pegawai, r.lokasi_pegawai, bawaan, "tanggal_pegawai", "lokasi_pegawai")
        penilai = self._pengesahan(r.tanggal_penilai, r.lokasi_penilai, bawaan, "tanggal_penilai", "lokasi_penilai")
        atasan = await self._atasan_penilai(skp, nilai)
        return uc.evaluasi_kinerja(pr.current(), skp, nilai, kurva, pegawai, penilai, a, siapa, atasan)

    async def CetakRencanaSkp(
        self, request: pb.CetakRencanaSkpRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.BagianBerkas]:
        async for bagian in self._cetak(request, "CetakRencanaSkp", lambda: self._rencana(request)):
            yield bagian

    async def CetakFormPenilaian(
        self, request: pb.CetakFormPenilaianRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.BagianBerkas]:
        async for bagian in self._cetak(request, "CetakFormPenilaian", lambda: self._form(request)):
            yield bagian

    async def CetakEvaluasiKinerja(
        self, request: pb.CetakEvaluasiKinerjaRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.BagianBerkas]:
        async for bagian in self._cetak(request, "CetakEvaluasiKinerja", lambda: self._evaluasi(request)):
            yield bagian

    async def PratinjauDokumen(
        self, request: pb.PratinjauDokumenRequest, context: grpc.aio.ServicerContext
    ) -> pb.Pratinjau:
        pilihan = request.WhichOneof("dokumen")
        try:
            if pilihan == "rencana_skp":
                c = await self._rencana(request.rencana_skp)
            elif pilihan == "form_penilaian":
                c = await self._form(request.form_penilaian)
            elif pilihan == "evaluasi_kinerja":
                c = await self._evaluasi(request.evaluasi_kinerja)
            else:
                raise TidakValid("dokumen", "pilih rencana_skp, form_penilaian atau evaluasi_kinerja")
        except TidakValid as e:
            if pilihan is None:
                raise
            # The inner request's fields, named as paths of this request ("rencana_skp.lokasi").
            raise TidakValid.banyak([Pelanggaran(f"{pilihan}.{p.field}", p.pesan) for p in e.pelanggaran]) from None
        return pb.Pratinjau(
            jenis=convert.JENIS_KE[c.dokumen.jenis.value], nama_berkas=c.nama_berkas, baris=baris(tanpa_kode(c.dokumen))
        )

    async def GetDialogCetak(
        self, request: pb.GetDialogCetakRequest, context: grpc.aio.ServicerContext
    ) -> pb.JenisDokumen:
        if request.jenis not in convert.JENIS:
            raise TidakValid("jenis", "pilih RENCANA_SKP, FORM_PENILAIAN atau EVALUASI_KINERJA")
        jenis = convert.JENIS[request.jenis]
        if jenis == Jenis.RENCANA_SKP:
            skp = await self._data_skp(nama.skp(request.sumber, "sumber"), "sumber")
        else:
            skp_id, _ = nama.periode(request.sumber, "sumber")
            skp = await self._data_skp(skp_id, "sumber")
        bawaan = {"tanggal": self._hari_ini().isoformat(), "lokasi": await self._lokasi_bawaan(skp)}
        dialog = jenis_dokumen(jenis.value, bawaan, CATATAN_KURVA if jenis == Jenis.EVALUASI_KINERJA else "")
        dialog.tte = self._pencetak.lewat_tte
        return dialog
