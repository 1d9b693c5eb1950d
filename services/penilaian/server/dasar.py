"""What every part of the PenilaianService servicer shares: the database,
the skp and profil clients, the SKP as skp shows it to the caller, and the
idempotent unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ekinerja.skp.v1 import skp_pb2 as spb
from google.protobuf.message import Message

from services.penilaian.server.tembolok import BAWAHAN_DETIK, SKP_DETIK, UNOR_DETIK, Tembolok, TembolokSkp
from services.penilaian.store.models import jejak, permintaan
from services.penilaian.usecases.evaluasi import BarisPeriode, Induk
from services.penilaian.usecases.konteks import DataSkp
from services.penilaian.usecases.organisasi import pimpinan_di_atas
from services.profil.client import ProfilClient
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import DomainError, TidakValid
from services.shared.mutasi import Mutasi
from services.shared.names import date_of
from services.shared.tembolok_versi import TembolokVersi
from services.skp.client import SkpClient

M = TypeVar("M", bound=Message)
JENIS_RHK = {spb.JENIS_RHK_UTAMA: "UTAMA", spb.JENIS_RHK_TAMBAHAN: "TAMBAHAN"}


def data_skp(s: spb.Skp) -> DataSkp:
    return DataSkp(
        id=s.id,
        nip=s.nip,
        nama=s.pegawai.nama,
        jabatan=s.jabatan,
        penilai_nip="" if s.penilai.eksternal else s.penilai.nip,
        penilai_eksternal=s.penilai.eksternal,
        penilai_nama=s.penilai.nama,
        penilai_unor_id=s.penilai.unor_id,
        instansi_id=s.instansi_id,
        unor_id=s.unor_id,
        pimpinan=s.jenis_pegawai == spb.JENIS_PEGAWAI_PIMPINAN,
        awal=date_of(s.periode_awal),
        akhir=date_of(s.periode_akhir),
        disetujui=s.status == spb.STATUS_SKP_PERSETUJUAN,
        rhk={r.id: JENIS_RHK.get(r.jenis, "") for r in s.rhk},
        indikator={i.id: r.id for r in s.rhk for i in r.indikator},
        jumlah_indikator=s.jumlah_indikator,
        kuantitatif=s.pendekatan == spb.PENDEKATAN_KUANTITATIF,
    )


def tahun(value: int, field: str = "tahun") -> int:
    if not 2000 <= value <= 2100:
        raise TidakValid(field, "isi tahun, misalnya 2023")
    return value


@dataclass(frozen=True)
class Unit:
    """What penilaian needs of a unor: enough to find its unor induk."""

    id: str
    nama: str
    induk: bool
    induk_id: str


def _pemanggil() -> str:
    """Whose copy: one account in one session (a new login, or a session
    ended and begun again, reads afresh)."""
    p = pr.current()
    return f"{p.akun_id}/{p.sesi_id}"


class Dasar:
    def __init__(
        self, db: Database, skp: SkpClient, profil: ProfilClient, hari_ini: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._mutasi = Mutasi(db, permintaan, jejak)
        self._skp = skp
        self._profil = profil
        self._hari_ini = hari_ini
        self._skp_dibaca: TembolokSkp[DataSkp] = TembolokSkp(SKP_DETIK, 20_000)
        self._bawahan_dibaca: Tembolok[tuple[str, int], list[DataSkp]] = Tembolok(BAWAHAN_DETIK, 1_000)
        self._unit: Tembolok[tuple[str, str], Unit] = Tembolok(UNOR_DETIK, 5_000)
        self._periode_dibaca: TembolokVersi[tuple[str, str, str, int, str], BarisPeriode] = TembolokVersi()

    async def _data_skp(self, skp_id: str, field: str = "name") -> DataSkp:
        """The SKP as skp shows it to this caller NOW: skp refuses anyone who
        may not read it, so a stranger never learns more here. Every write
        acts on this: its status, penilai and instansi are those of this
        moment (docs/penilaian.md#kesegaran-data). When the caller holds a
        copy, of any age, skp is asked only whether its version (etag) is
        still current: the access check is skp's as always, and the content
        crosses only when it changed (any change to an SKP or its content
        gives it a new etag). The caller's copy is renewed with the answer."""
        pemanggil = _pemanggil()
        salinan = self._skp_dibaca.terakhir(pemanggil, skp_id)
        versi = salinan[0] if salinan is not None else ""
        try:
            dari_skp = await self._skp.skp(skp_id, jika_berubah_dari=versi)
        except DomainError:
            self._skp_dibaca.buang(pemanggil, skp_id)
            raise
        if salinan is not None and not dari_skp.id and dari_skp.etag == versi:
            skp = salinan[1]  # unchanged since the caller's copy
        else:
            skp = data_skp(dari_skp)
        self._skp_dibaca.simpan(pemanggil, skp_id, dari_skp.etag, skp)
        return skp

    async def _data_skp_baca(self, skp_id: str) -> DataSkp:
        """For reads only: the copy skp showed this same caller (account and
        session) at most SKP_DETIK seconds ago, else afresh. Another caller's
        copy is never used: whether one may read an SKP is skp's decision for
        each caller."""
        skp = self._skp_dibaca.ambil(_pemanggil(), skp_id)
        return skp if skp is not None else await self._data_skp(skp_id)

    async def _skp_bawahan(self, th: int) -> list[DataSkp]:
        """For reads only: the SKPs the caller rates in a year, as skp listed
        them for this caller at most BAWAHAN_DETIK seconds ago."""

        async def baca() -> list[DataSkp]:
            return [data_skp(x) for x in await self._skp.skp_bawahan(th)]

        return await self._bawahan_dibaca.dapat((_pemanggil(), th), baca)

    async def _unor(self, unor_id: str) -> Unit:
        """A unit as profil shows it to callers of this instansi (profil shows
        a unit to anyone of its instansi and to nobody else), at most
        UNOR_DETIK seconds old."""

        async def baca() -> Unit:
            u = await self._profil.unor(unor_id)
            return Unit(u.id, u.nama, u.induk, u.induk_id)

        return await self._unit.dapat((pr.current().instansi_id, unor_id), baca)

    async def _induk(self, skp: DataSkp) -> Induk:
        """The unor induk of the SKP's unit. From the unit copies, for writes
        too: which unit is an induk decides no right, only whose capaian a
        pimpinan's rating follows; a reorganisation shows within UNOR_DETIK."""
        unor = await self._unor(skp.unor_id)
        if unor.induk:
            return Induk(unor.id, unor.nama, skp.pimpinan)
        induk = await self._unor(unor.induk_id) if unor.induk_id else unor
        return Induk(induk.id, induk.nama, False)

    async def _pimpinan_di_atas(self, unor_id: str) -> set[str]:
        """The pimpinan of the units above a unor induk of the caller's
        instansi: who may set its capaian (docs/domain.md#capaian-kinerja-organisasi)."""
        pohon = {u.id: (u.parent_id, u.pimpinan.nip) for u in await self._profil.daftar_unor()}
        return pimpinan_di_atas(unor_id, pohon)
