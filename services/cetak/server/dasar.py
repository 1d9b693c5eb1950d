"""What every part of the CetakService servicer shares: the database, the
skp, profil and penilaian clients, the printer, reading a request's dialog
fields, and delivering a file: recorded once per request_id, then streamed
in chunks after a first message that says what follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import replace
from typing import Any

from ekinerja.cetak.v1 import cetak_pb2 as pb
from google.type import date_pb2
from sqlalchemy.ext.asyncio import AsyncSession

from services.cetak.domain.anchor import bersihkan
from services.cetak.domain.sumber import DataKurva, DataPenilaian, DataSkp, Identitas
from services.cetak.domain.susun import Anchor, Pengesahan
from services.cetak.pdf.pencetak import Pencetak
from services.cetak.pdf.tte import KredensialTte
from services.cetak.pengaturan import PengaturanCetak
from services.cetak.server import convert, nama
from services.cetak.store.models import RiwayatCetakRow, jejak, permintaan
from services.cetak.usecases import dokumen as uc
from services.cetak.usecases import jatah as uc_jatah
from services.cetak.usecases import riwayat as uc_riwayat
from services.cetak.usecases.dokumen import Cetakan
from services.cetak.usecases.riwayat import Berkas
from services.penilaian.client import PenilaianClient
from services.profil.client import ProfilClient
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import TidakDitemukan, TidakValid
from services.shared.idempotency import validate_request_id
from services.shared.mutasi import Mutasi
from services.shared.names import date_from_proto
from services.shared.teks import teks
from services.skp.client import SkpClient

POTONGAN = 64 * 1024  # bytes per data message: well under gRPC's 4 MiB, few messages per PDF


def potong(info: pb.InfoBerkas, isi: bytes) -> Iterator[pb.BagianBerkas]:
    yield pb.BagianBerkas(info=info)
    for i in range(0, len(isi), POTONGAN):
        yield pb.BagianBerkas(data=isi[i : i + POTONGAN])


def pihak_ttd(value: pb.PihakTandaTangan.ValueType, field: str = "tanda_tangan") -> str | None:
    if value == pb.PIHAK_TANDA_TANGAN_UNSPECIFIED:
        return None
    if value not in convert.PIHAK:
        raise TidakValid(field, "pilih PEGAWAI atau PENILAI, atau kosongkan")
    return convert.PIHAK[value]


def anchor(pegawai: str, penilai: str) -> Anchor:
    """Both anchors, refused up front when they collide with each other —
    before any document is made (a bulk print would otherwise skip every
    bawahan for the same reason)."""
    a = Anchor(bersihkan(pegawai, "anchor_pegawai"), bersihkan(penilai, "anchor_penilai"))
    if a.pegawai and a.penilai:
        if a.pegawai == a.penilai:
            raise TidakValid(
                "anchor_penilai",
                "sama dengan anchor pegawai yang dinilai; setiap anchor harus muncul tepat satu kali dalam dokumen",
            )
        # The shorter one would occur twice: inside the other too.
        for field, pendek, panjang in (
            ("anchor_pegawai", a.pegawai, a.penilai),
            ("anchor_penilai", a.penilai, a.pegawai),
        ):
            if pendek in panjang:
                raise TidakValid(
                    field,
                    f'teks "{pendek}" juga muncul di anchor yang lain; setiap anchor harus '
                    "muncul tepat satu kali dalam dokumen",
                )
    return a


class Dasar:
    def __init__(
        self,
        db: Database,
        skp: SkpClient,
        profil: ProfilClient,
        penilaian: PenilaianClient,
        pencetak: Pencetak,
        hari_ini: Callable[[], dt.date] = dt.date.today,
        maks_per_jam: int = 60,
        pengaturan: PengaturanCetak | None = None,
    ) -> None:
        self._db = db
        self._pengaturan = pengaturan
        self._maks_per_jam = maks_per_jam
        self._mutasi = Mutasi(db, permintaan, jejak)
        self._skp = skp
        self._profil = profil
        self._penilaian = penilaian
        self._pencetak = pencetak
        self._hari_ini = hari_ini

    async def _data_skp(self, skp_id: str, field: str) -> DataSkp:
        """The SKP as skp shows it to the caller (skp refuses strangers),
        then cetak's own, stricter rule of who may print it."""
        skp = uc.boleh_cetak(pr.current(), convert.data_skp(await self._skp.skp(skp_id, {"name": field})))
        return replace(skp, jpt=await self._jpt(skp))

    async def _jpt(self, skp: DataSkp) -> bool:
        """JPT / pimpinan unit kerja mandiri: a Pimpinan whose role's unit is
        a unor induk (unit JPT / unit mandiri), as profil says; the same rule
        penilaian uses for the rating that follows the capaian."""
        if not skp.pimpinan or not skp.unor_id:
            return False
        try:
            return (await self._profil.unor(skp.unor_id)).induk
        except TidakDitemukan:
            return False

    async def _nilai(self, skp: DataSkp, kode: str, field: str) -> DataPenilaian:
        n = await self._penilaian.penilaian(f"penilaian/{skp.id}/periode/{kode}", {"name": field})
        return convert.data_penilaian(kode, n)

    async def _kurva(self, skp: DataSkp, kode: str) -> DataKurva | None:
        if skp.penilai is not None and skp.penilai.eksternal:
            return None  # a penilai eksternal has no bawahan in the system to draw a curve of
        return convert.data_kurva(await self._penilaian.kurva_skp(skp.id, convert.PERIODE[kode]))

    async def _atasan_penilai(self, skp: DataSkp, nilai: DataPenilaian) -> Identitas | None:
        """3. ATASAN PEJABAT PENILAI KINERJA: the penilai's own atasan on the
        period's last day, resolved by profil as the penilai is. An external
        penilai (no NIP in the system) has none here."""
        if skp.penilai is None or not skp.penilai.nip or skp.penilai.eksternal:
            return None
        try:
            return convert.atasan_penilai(await self._profil.atasan(skp.penilai.nip, nilai.akhir))
        except TidakDitemukan:
            return None

    async def _lokasi_bawaan(self, skp: DataSkp, *diisi: str) -> str:
        """The instansi's place (profil), unless every LOKASI was typed: from
        the caller's own profile, or the SKP's pegawai's for an account
        without NIP (helpdesk)."""
        if diisi and all(x.strip() for x in diisi):
            return ""
        p = pr.current()
        return (await self._profil.pegawai(p.nip or skp.nip)).instansi.lokasi

    def _pengesahan(
        self, tanggal: date_pb2.Date, lokasi: str, bawaan: str, f_tanggal: str, f_lokasi: str
    ) -> Pengesahan:
        hari = date_from_proto(tanggal, f_tanggal, default=self._hari_ini())
        if not 2000 <= hari.year <= 2100:
            raise TidakValid(f_tanggal, "bukan tanggal yang sah")
        # Printable, as every typed text (an ESC here reached the terminals of those who read the riwayat).
        lokasi = teks(" ".join(lokasi.split()), f_lokasi, 100, wajib=False)
        return Pengesahan(lokasi or bawaan, hari)

    async def _rekam(self, request: Any, metode: str, rows: list[RiwayatCetakRow], berkas: Berkas) -> pb.InfoBerkas:
        async def work(s: AsyncSession) -> pb.InfoBerkas:
            await uc_riwayat.simpan(s, rows, berkas.isi if request.request_id else None)
            return pb.InfoBerkas(
                nama_berkas=berkas.nama,
                media_type=berkas.media_type,
                ukuran=len(berkas.isi),
                sha256=berkas.sha256,
                riwayat=convert.riwayat_cetak(rows[0]),
            )

        return await self._mutasi(request, metode, pb.InfoBerkas, work)

    async def _ulang(self, request_id: str, metode: str) -> tuple[pb.InfoBerkas, bytes] | None:
        """A retry of a print already made: the same record and the same bytes."""
        validate_request_id(request_id)
        lama = await uc_riwayat.respons_lama(self._db, pr.current().kunci, request_id, metode)
        if lama is None:
            return None
        info = pb.InfoBerkas.FromString(lama)
        return info, await uc_riwayat.isi_berkas(self._db, info.riwayat.name.removeprefix("cetak/"))

    def _kredensial(self, tte: pb.KredensialTte, siapa: str | None) -> KredensialTte | None:
        return uc.kredensial_tte(tte.nik, tte.passphrase, tte.tak_tampak, siapa, self._pencetak.lewat_tte)

    async def _jatah(self) -> None:
        """One print of the caller's hourly allowance, taken before rendering
        (a retry of a print already made does not take one)."""
        await uc_jatah.ambil(self._db, pr.current().kunci, self._maks_per_jam, uc_riwayat.sekarang())

    async def _cetak(
        self, request: Any, metode: str, siapkan: Callable[[], Awaitable[Cetakan]]
    ) -> AsyncIterator[pb.BagianBerkas]:
        ulang = await self._ulang(request.request_id, metode)
        if ulang is not None:
            for bagian in potong(*ulang):
                yield bagian
            return
        kred = self._kredensial(request.tte, pihak_ttd(request.tanda_tangan))
        await self._jatah()
        c = await siapkan()
        ttd = c.ttd
        if ttd:
            self._pencetak.periksa_kunci(kred)
            a = anchor(request.anchor_pegawai, request.anchor_penilai)
            ttd = replace(ttd, tte=kred, anchor=a.pegawai if ttd.pihak == "PEGAWAI" else a.penilai)
        waktu = uc_riwayat.sekarang()
        berkas = Berkas(c.nama_berkas, await self._pencetak.cetak(c.dokumen, ttd, waktu))
        row = uc_riwayat.catatan(
            pr.current(),
            c.dokumen.jenis.value,
            berkas,
            waktu,
            skp=c.skp,
            periode=c.periode,
            ditandatangani=ttd.pihak if ttd else "",
            kode=c.kode,
        )
        info = await self._rekam(request, metode, [row], berkas)
        isi = berkas.isi
        if info.riwayat.name != nama.riwayat(row.id):
            # A concurrent retry with the same request_id recorded first: its file it is.
            isi = await uc_riwayat.isi_berkas(self._db, info.riwayat.name.removeprefix("cetak/"))
        for bagian in potong(info, isi):
            yield bagian
