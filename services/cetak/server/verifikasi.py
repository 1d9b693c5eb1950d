"""VerifikasiDokumen: proto in (a client stream of pieces), use case, proto out."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as pb

from services.cetak.domain import verifikasi as aturan
from services.cetak.domain.tanggal import tanggal_teks
from services.cetak.server import convert
from services.cetak.server.dasar import Dasar
from services.cetak.usecases import verifikasi as uc
from services.shared import principal as pr
from services.shared.names import timestamp_to_proto

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


class Verifikasi(Dasar):
    async def VerifikasiDokumen(
        self, request_iterator: AsyncIterator[pb.VerifikasiDokumenRequest], context: grpc.aio.ServicerContext
    ) -> pb.HasilVerifikasi:
        pr.current()  # any signed-in caller: holding the file is what lets one ask about it
        unggahan = uc.Unggahan()
        async for bagian in request_iterator:
            unggahan.tambah(bagian.isi)
        akar = self._pengaturan.akar if self._pengaturan is not None else []
        v = await uc.verifikasi(self._db, unggahan.isi, akar)
        ttd = [
            pb.TandaTanganPdf(
                nama_field=t.nama_field,
                penanda_tangan=t.penanda_tangan,
                penerbit=t.penerbit,
                waktu=timestamp_to_proto(t.waktu) if t.waktu else None,
                utuh=t.utuh,
                tepercaya=t.tepercaya,
                berubah_setelahnya=t.berubah_setelahnya,
                sah=aturan.sah(t.utuh, t.tepercaya, t.berubah_setelahnya),
                bercap_waktu=t.bercap_waktu,
                keterangan=aturan.keterangan_tanda_tangan(t.utuh, t.tepercaya, t.berubah_setelahnya, t.bercap_waktu),
            )
            for t in v.pdf.tanda_tangan
        ]
        waktu = ""
        if v.riwayat is not None:
            lokal = v.riwayat.waktu.astimezone(WIB)
            waktu = f"{tanggal_teks(lokal.date())} {lokal:%H:%M} WIB oleh {v.riwayat.pencetak_nama}"
        return pb.HasilVerifikasi(
            sha256=v.sha256,
            tanda_tangan=ttd,
            kode_verifikasi=v.pdf.kode,
            riwayat=convert.riwayat_cetak(v.riwayat) if v.riwayat is not None else None,
            sama_dengan_cetakan=v.sama,
            kesimpulan=aturan.kesimpulan(
                len(ttd), sum(t.sah for t in ttd), v.riwayat is not None, v.sama, v.pdf.kode, waktu
            ),
        )
