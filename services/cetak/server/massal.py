"""Cetak massal: one document for every bawahan of a penilai in a period,
progress as each is done, then one zip. Bawahan are read and rendered a
few at a time: a slow one does not hold the others up, and the two cores
stay busy."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import AsyncIterator

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as pb
from ekinerja.penilaian.v1 import penilaian_pb2 as npb

from services.cetak.domain import akses
from services.cetak.domain.isi import Jenis
from services.cetak.domain.sumber import DataKurva
from services.cetak.domain.susun import Anchor, Pengesahan
from services.cetak.server import convert, nama
from services.cetak.server.dasar import Dasar, anchor, pihak_ttd, potong
from services.cetak.usecases import dokumen as uc
from services.cetak.usecases import riwayat as uc_riwayat
from services.cetak.usecases.dokumen import Cetakan
from services.cetak.usecases.riwayat import Berkas
from services.shared import principal as pr
from services.shared.errors import AksesDitolak, DomainError, KondisiTidakTerpenuhi, TidakValid

SERENTAK = 8  # bawahan read and rendered at once


class Massal(Dasar):
    async def _satu(
        self,
        jenis: Jenis,
        skp_id: str,
        kode: str,
        pengesahan: Pengesahan,
        a: Anchor,
        siapa: str | None,
        kurva: DataKurva | None,
    ) -> Cetakan:
        p = pr.current()
        skp = await self._data_skp(skp_id, "skp")
        if jenis == Jenis.RENCANA_SKP:
            return uc.rencana_skp(p, skp, pengesahan, a, siapa)
        nilai = await self._nilai(skp, kode, "periode")
        if jenis == Jenis.FORM_PENILAIAN:
            return uc.form_penilaian(p, skp, nilai, pengesahan, a, siapa)
        atasan = await self._atasan_penilai(skp, nilai)
        return uc.evaluasi_kinerja(p, skp, nilai, kurva, pengesahan, pengesahan, a, siapa, atasan)

    async def CetakMassal(
        self, request: pb.CetakMassalRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.BagianBerkas]:
        ulang = await self._ulang(request.request_id, "CetakMassal")
        if ulang is not None:
            for bagian in potong(*ulang):
                yield bagian
            return
        await self._jatah()
        p = pr.current()
        if request.jenis not in convert.JENIS:
            raise TidakValid("jenis", "pilih RENCANA_SKP, FORM_PENILAIAN atau EVALUASI_KINERJA")
        jenis = convert.JENIS[request.jenis]
        if not 2000 <= request.tahun <= 2100:
            raise TidakValid("tahun", "isi tahun, misalnya 2023")
        kode = nama.kode_periode(request.periode)
        a, siapa = anchor(request.anchor_pegawai, request.anchor_penilai), pihak_ttd(request.tanda_tangan)
        if siapa == akses.PEGAWAI:
            raise AksesDitolak(
                "Cetak massal dilakukan pejabat penilai: tanda tangan digital hanya di tempat pejabat penilai kinerja."
            )
        if siapa:
            self._pencetak.periksa_kunci()
        rekap = await self._penilaian.rekap(request.tahun, convert.PERIODE[kode], {"tahun": "tahun"})
        if not rekap:
            raise KondisiTidakTerpenuhi(
                f"Tidak ada SKP bawahan yang disetujui dengan periode ini pada tahun {request.tahun}."
            )
        pertama = await self._data_skp(rekap[0].skp.removeprefix("skp/"), "skp")
        bawaan = await self._lokasi_bawaan(pertama, request.lokasi)
        pengesahan = self._pengesahan(request.tanggal, request.lokasi, bawaan, "tanggal", "lokasi")
        # Every bawahan has the same penilai (the caller): one curve for all.
        kurva = await self._kurva(pertama, kode) if jenis == Jenis.EVALUASI_KINERJA else None
        waktu = uc_riwayat.sekarang()
        batas = asyncio.Semaphore(SERENTAK)

        async def satu(r: npb.RekapPenilaian) -> tuple[npb.RekapPenilaian, Cetakan | None, bytes, str]:
            async with batas:
                try:
                    c = await self._satu(jenis, r.skp.removeprefix("skp/"), kode, pengesahan, a, siapa, kurva)
                    return r, c, await self._pencetak.cetak(c.dokumen, c.ttd, waktu), ""
                except DomainError as e:  # this bawahan is skipped, with the reason in its progress line
                    return r, None, b"", e.pesan

        tugas = [asyncio.create_task(satu(r)) for r in rekap]
        jadi: dict[str, tuple[Cetakan, bytes]] = {}
        try:
            for n, selesai in enumerate(asyncio.as_completed(tugas), start=1):
                r, c, isi, gagal = await selesai
                if c is not None:
                    jadi[r.name] = (c, isi)
                yield pb.BagianBerkas(
                    kemajuan=pb.Kemajuan(selesai=n, jumlah=len(rekap), nip=r.nip, nama=r.nama, gagal=gagal)
                )
        finally:
            for t in tugas:
                t.cancel()
        if not jadi:
            raise KondisiTidakTerpenuhi("Tidak ada dokumen yang dapat dicetak untuk bawahan periode ini.")
        urut = [jadi[r.name] for r in rekap if r.name in jadi]
        berkas = Berkas(
            f"{jenis.value.lower().replace('_', '-')}-{request.tahun}-{kode}-{p.nip or p.username}.zip",
            _zip(urut, (waktu.year, waktu.month, waktu.day, waktu.hour, waktu.minute, waktu.second)),
            "application/zip",
        )
        massal = uc_riwayat.catatan(p, "MASSAL", berkas, waktu, jumlah=len(urut))
        rows = [
            massal,
            *(
                uc_riwayat.catatan(
                    p,
                    c.dokumen.jenis.value,
                    Berkas(c.nama_berkas, isi),
                    waktu,
                    skp=c.skp,
                    periode=c.periode,
                    ditandatangani=c.ttd.pihak if c.ttd else "",
                    massal_id=massal.id,
                    kode=c.kode,
                )
                for c, isi in urut
            ),
        ]
        info = await self._rekam(request, "CetakMassal", rows, berkas)
        isi = berkas.isi
        if info.riwayat.name != nama.riwayat(massal.id):
            isi = await uc_riwayat.isi_berkas(self._db, info.riwayat.name.removeprefix("cetak/"))
        for bagian in potong(info, isi):
            yield bagian


def _zip(dokumen: list[tuple[Cetakan, bytes]], waktu: tuple[int, int, int, int, int, int]) -> bytes:
    """PDFs are compressed already: stored as they are, under unique names
    (a pegawai may have two SKPs in a year, e.g. a PLT one)."""
    buf = io.BytesIO()
    dipakai: set[str] = set()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for c, isi in dokumen:
            nama_berkas = c.nama_berkas
            if nama_berkas in dipakai:
                nama_berkas = nama_berkas.replace(".pdf", f"-{c.skp.id[:8]}.pdf")
            dipakai.add(nama_berkas)
            z.writestr(zipfile.ZipInfo(nama_berkas, date_time=waktu), isi)
    return buf.getvalue()
