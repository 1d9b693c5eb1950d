"""What every part of the PenilaianService servicer shares: the database,
the skp and profil clients, the SKP as skp shows it to the caller, and the
idempotent unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from ekinerja.skp.v1 import skp_pb2 as spb
from google.protobuf.message import Message

from services.penilaian.store.models import jejak, permintaan
from services.penilaian.usecases.evaluasi import Induk
from services.penilaian.usecases.konteks import DataSkp
from services.penilaian.usecases.organisasi import pimpinan_di_atas
from services.profil.client import ProfilClient
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.mutasi import Mutasi
from services.shared.names import date_of
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


class Dasar:
    def __init__(
        self, db: Database, skp: SkpClient, profil: ProfilClient, hari_ini: Callable[[], dt.date] = dt.date.today
    ) -> None:
        self._db = db
        self._mutasi = Mutasi(db, permintaan, jejak)
        self._skp = skp
        self._profil = profil
        self._hari_ini = hari_ini

    async def _data_skp(self, skp_id: str, field: str = "name") -> DataSkp:
        """The SKP as skp shows it to this caller: skp refuses anyone who
        may not read it, so a stranger never learns more here."""
        return data_skp(await self._skp.skp(skp_id))

    async def _induk(self, skp: DataSkp) -> Induk:
        unor = await self._profil.unor(skp.unor_id)
        if unor.induk:
            return Induk(unor.id, unor.nama, skp.pimpinan)
        induk = await self._profil.unor(unor.induk_id) if unor.induk_id else unor
        return Induk(induk.id, induk.nama, False)

    async def _pimpinan_di_atas(self, unor_id: str) -> set[str]:
        """The pimpinan of the units above a unor induk of the caller's
        instansi: who may set its capaian (docs/domain.md#capaian-kinerja-organisasi)."""
        pohon = {u.id: (u.parent_id, u.pimpinan.nip) for u in await self._profil.daftar_unor()}
        return pimpinan_di_atas(unor_id, pohon)
