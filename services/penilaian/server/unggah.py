"""Spreadsheets in and out (docs/isian-xlsx.md): Isian periode for the
pegawai, Rating for many for the penilai. Templates stream out in pieces;
filled ones stream in as AuthService/KirimBerkasSaya does (the first message
names the request, the next carry at most 32 KiB each, 5 MiB in all)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2 as spb
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import akses
from services.penilaian.server import convert, nama
from services.penilaian.server.dasar import Dasar, data_skp, tahun
from services.penilaian.server.evaluasi import _periode
from services.penilaian.usecases import evaluasi as uc
from services.penilaian.usecases import isian_xlsx, rating_xlsx
from services.penilaian.usecases import lembar_xlsx as lx
from services.penilaian.usecases import organisasi as uc_org
from services.penilaian.usecases import rekap as uc_rekap
from services.penilaian.usecases.evaluasi import Induk
from services.penilaian.usecases.konteks import batas, periode
from services.penilaian.usecases.unggah import Hasil
from services.shared import jejak_audit
from services.shared import principal as pr
from services.shared.errors import AksesDitolak, TidakValid


class _TidakDisimpan(Exception):
    """Ends the transaction without saving (PERIKSA, or SEMUA with a refused row)."""

    def __init__(self, hasil: pb.HasilUnggahXlsx) -> None:
        super().__init__("tidak disimpan")
        self.hasil = hasil


async def _terima(requests: AsyncIterator[pb.UnggahXlsxRequest]) -> tuple[pb.UnggahXlsxRequest, lx.Penampung]:
    kepala, penampung = None, None
    async for m in requests:
        if kepala is None:  # the first message names the request
            if m.isi:
                raise TidakValid(
                    "isi",
                    "pesan pertama hanya berisi request_id, name/tahun/periode, mode dan "
                    "nama_berkas; isi berkas dikirim pada pesan berikutnya",
                )
            kepala, penampung = m, lx.Penampung(m.nama_berkas)
            continue
        if m.request_id or m.nama_berkas or m.name or m.tahun or m.periode or m.mode:
            raise TidakValid(
                "nama_berkas", "request_id, name, tahun, periode, mode dan nama_berkas hanya dikirim pada pesan pertama"
            )
        penampung.tambah(m.isi)  # type: ignore[union-attr]
    if kepala is None or penampung is None:
        raise TidakValid("nama_berkas", "wajib diisi pada pesan pertama")
    return kepala, penampung


def _hasil(h: Hasil, disimpan: bool) -> pb.HasilUnggahXlsx:
    return pb.HasilUnggahXlsx(
        jumlah_baris=h.jumlah,
        baris_sah=h.sah,
        berubah=h.berubah,
        disimpan=disimpan and h.berubah > 0,
        kesalahan=[
            pb.KesalahanSel(lembar=k.lembar, baris=k.baris, kolom=k.kolom, judul=k.judul, field=k.field, pesan=k.pesan)
            for k in h.kesalahan
        ],
    )


def _mode(value: int) -> int:
    if value not in (pb.MODE_UNGGAH_UNSPECIFIED, pb.MODE_UNGGAH_SEMUA, pb.MODE_UNGGAH_YANG_SAH):
        raise TidakValid("mode", "pilih periksa saja, simpan bila semua baris sah, atau simpan baris yang sah")
    return value


class Unggah(Dasar):
    async def _simpan_atau_batal(
        self,
        kepala: pb.UnggahXlsxRequest,
        metode: str,
        work: Callable[[AsyncSession], Awaitable[tuple[Hasil, pb.Kurva | None]]],
        sasaran: str,
        atas_nama: str,
        instansi_id: str,
    ) -> pb.HasilUnggahXlsx:
        """PERIKSA: the rows run in a transaction that is rolled back; SEMUA:
        committed only when no row was refused; YANG_SAH: committed. Only a
        commit records the request_id and a jejak audit row."""
        mode = _mode(kepala.mode)

        async def langkah(s: AsyncSession) -> pb.HasilUnggahXlsx:
            h, kurva = await work(s)
            simpan = mode == pb.MODE_UNGGAH_YANG_SAH or (mode == pb.MODE_UNGGAH_SEMUA and not h.jumlah_kesalahan)
            hasil = _hasil(h, simpan)
            if kurva is not None:
                hasil.kurva.CopyFrom(kurva)
            if not simpan or not h.berubah:
                raise _TidakDisimpan(hasil)
            jejak_audit.catat(
                atas_nama=atas_nama,
                instansi_id=instansi_id,
                sasaran=sasaran,
                sesudah=f"{kepala.nama_berkas}: {h.berubah} baris diubah, {h.jumlah_kesalahan} baris ditolak",
            )
            return hasil

        try:
            if mode == pb.MODE_UNGGAH_UNSPECIFIED:
                async with self._db.transaction() as s:
                    return await langkah(s)  # raises _TidakDisimpan: rolled back
            return await self._mutasi(kepala, metode, pb.HasilUnggahXlsx, langkah)
        except _TidakDisimpan as e:
            return e.hasil

    # --- Isian periode (the pegawai) ---------------------------------------------------
    async def _skp_pemilik(self, name: str, field: str) -> tuple[spb.Skp, str]:
        skp_id, kode = nama.periode(name, field)
        dari_skp = await self._skp.skp(skp_id)
        skp = data_skp(dari_skp)
        akses.harus_pemilik(pr.current(), skp.pihak)
        periode(skp, kode, field)
        return dari_skp, kode

    async def UnduhIsianPeriode(
        self, request: pb.UnduhIsianPeriodeRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.PotonganBerkas]:
        dari_skp, kode = await self._skp_pemilik(request.name, "name")
        skp = data_skp(dari_skp)
        per = periode(skp, kode)
        rhk = [
            isian_xlsx.Rhk(r.id, r.teks, tuple(isian_xlsx.Indikator(i.id, i.teks, i.target) for i in r.indikator))
            for r in dari_skp.rhk
        ]
        async with self._db.read() as s:
            tanggal = (await batas(s, skp.instansi_id, skp.tahun))[kode]
            isi = await isian_xlsx.template(s, skp, rhk, per, tanggal, request.name)
        for nama_berkas, potongan in lx.potong(f"isian-{skp.nip}-{skp.tahun}-{kode}.xlsx", isi):
            yield pb.PotonganBerkas(nama_berkas=nama_berkas, isi=potongan)

    async def UnggahIsianPeriode(
        self, requests: AsyncIterator[pb.UnggahXlsxRequest], context: grpc.aio.ServicerContext
    ) -> pb.HasilUnggahXlsx:
        kepala, penampung = None, None
        async for m in requests:  # the first message alone, to refuse a stranger before the file comes
            kepala = m
            break
        if kepala is None:
            raise TidakValid("nama_berkas", "wajib diisi pada pesan pertama")
        dari_skp, kode = await self._skp_pemilik(kepala.name, "name")
        skp = data_skp(dari_skp)

        async def semua() -> AsyncIterator[pb.UnggahXlsxRequest]:
            yield kepala  # type: ignore[misc]
            async for m in requests:
                yield m

        kepala, penampung = await _terima(semua())
        lembar = isian_xlsx.baca(penampung.isi)
        isian_xlsx.periksa_info(lembar, skp, kepala.name)
        p, hari = pr.current(), self._hari_ini()

        async def work(s: AsyncSession) -> tuple[Hasil, pb.Kurva | None]:
            return await isian_xlsx.terapkan(s, p, skp, kode, lembar, hari), None

        return await self._simpan_atau_batal(kepala, "UnggahIsianPeriode", work, kepala.name, skp.nip, skp.instansi_id)

    # --- Rating for many (the penilai) -------------------------------------------------
    async def _bawahan(self, th: int, kode: str) -> list[uc_rekap.BarisRekap]:
        skps = [data_skp(x) for x in await self._skp.skp_bawahan(th)]
        async with self._db.read() as s:
            return await uc_rekap.rekap(s, pr.current().instansi_id, skps, kode)

    async def UnduhRatingBawahan(
        self, request: pb.ListRekapPenilaianRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.PotonganBerkas]:
        th, kode = tahun(request.tahun), _periode(request.periode)
        if request.query:
            raise TidakValid("query", "template rating memuat semua bawahan; kosongkan pencarian")
        rows = await self._bawahan(th, kode)
        p = pr.current()
        async with self._db.read() as s:
            catatan = await rating_xlsx.catatan_semua(s, [b.skp.id for b in rows], kode)
        penilai = rows[0].skp.penilai_nama if rows else (p.nip or p.username or "")
        isi = rating_xlsx.template(rows, catatan, th, kode, penilai)
        for nama_berkas, potongan in lx.potong(f"rating-bawahan-{th}-{kode}.xlsx", isi):
            yield pb.PotonganBerkas(nama_berkas=nama_berkas, isi=potongan)

    async def _induk_semua(self, rows: list[uc_rekap.BarisRekap]) -> dict[str, Induk]:
        """Each SKP's unor induk, asking profil once per unit."""
        per_unor: dict[tuple[str, bool], Induk] = {}
        hasil = {}
        for b in rows:
            kunci = (b.skp.unor_id, b.skp.pimpinan)
            if kunci not in per_unor:
                per_unor[kunci] = await self._induk(b.skp)
            hasil[b.skp.id] = per_unor[kunci]
        return hasil

    async def UnggahRatingBawahan(
        self, requests: AsyncIterator[pb.UnggahXlsxRequest], context: grpc.aio.ServicerContext
    ) -> pb.HasilUnggahXlsx:
        p = pr.current()
        kepala, penampung = await _terima(requests)
        th, kode = tahun(kepala.tahun), _periode(kepala.periode)
        lembar = rating_xlsx.baca(penampung.isi)
        rows = await self._bawahan(th, kode)
        # A row naming anyone but the caller's bawahan: NOT_FOUND for the whole file, before anything else.
        per_baris = rating_xlsx.skp_baris(lembar, {b.skp.id: b for b in rows})
        if not p.nip:
            raise AksesDitolak("Akun ini tidak terhubung ke seorang pegawai: tidak memiliki bawahan untuk dinilai.")
        rating_xlsx.periksa_info(lembar, th, kode)
        terpakai = list({b.skp.id: b for b in per_baris.values()}.values())
        induk = await self._induk_semua(terpakai)
        diri = await self._profil.pegawai(p.nip)
        ids = [b.skp.id for b in rows]

        async def work(s: AsyncSession) -> tuple[Hasil, pb.Kurva | None]:
            h = await rating_xlsx.terapkan(s, p, kode, lembar, per_baris, induk)
            # The curve with the file's ratings in (PERIKSA: as it would be; the transaction is rolled back).
            capaian = await uc.capaian_induk(s, diri.unor_induk.id, th, kode)
            k, belum = await uc_org.kurva_skp(s, ids, kode, capaian.capaian if capaian else None)
            return h, convert.kurva(k, diri.unor_induk.id, diri.unor_induk.nama, capaian, belum)

        return await self._simpan_atau_batal(
            kepala, "UnggahRatingBawahan", work, f"rating/{th}/{kode}", p.nip, p.instansi_id
        )
