"""What a penilaian use case knows of the SKP (read from skp before the
transaction) and the shared steps: rights, approval, period, Batas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import akses
from services.penilaian.domain.penilaian import dibuka_lagi
from services.penilaian.domain.periode import PeriodeNilai, batas_bawaan, satu_periode, tanggal_teks, terbuka
from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.shared import jejak_audit
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid, VersiUsang
from services.shared.principal import Principal


@dataclass(frozen=True)
class DataSkp:
    id: str
    nip: str
    nama: str
    jabatan: str
    penilai_nip: str  # empty for a penilai eksternal: his NIP, if any, names no account
    penilai_nama: str
    instansi_id: str
    unor_id: str
    pimpinan: bool
    awal: dt.date
    akhir: dt.date
    disetujui: bool
    rhk: dict[str, str] = field(default_factory=dict)  # rhk id → jenis ("UTAMA"/"TAMBAHAN")
    indikator: dict[str, str] = field(default_factory=dict)  # indikator id → rhk id
    jumlah_indikator: int = 0
    kuantitatif: bool = False  # the realisasi is a number + unit, as the target
    penilai_eksternal: bool = False  # the admin instansi acts for him
    penilai_unor_id: str = ""  # the penilai's unit: the curve of his unor induk

    @property
    def tahun(self) -> int:
        return self.awal.year

    @property
    def pihak(self) -> akses.Pihak:
        return akses.Pihak(self.nip, self.penilai_nip, self.instansi_id, self.penilai_eksternal)


def sekarang() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def harus_disetujui(skp: DataSkp) -> None:
    if not skp.disetujui:
        raise KondisiTidakTerpenuhi("Penilaian hanya untuk SKP yang sudah disetujui (PERSETUJUAN).")
    if not 2000 <= skp.tahun <= 2100:
        # skp refuses such years now (skp/domain/periode.py); one stored
        # before that has no periods or Batas that a date can hold.
        raise KondisiTidakTerpenuhi(f"Tahun SKP ini ({skp.tahun}) di luar 2000–2100; ubah periode SKP terlebih dahulu.")


def periode(skp: DataSkp, kode: str, field_name: str = "name") -> PeriodeNilai:
    harus_disetujui(skp)
    return satu_periode(skp.awal, skp.akhir, kode, field_name)


def cek_etag(etag: str, versi: int, apa: str) -> None:
    if etag and etag != str(versi):
        raise VersiUsang(f"{apa} telah diubah sejak Anda membukanya. Muat ulang lalu ulangi.")


async def batas(s: AsyncSession, instansi_id: str, tahun: int) -> dict[str, dt.date]:
    """The Batas of every period of a year in an instansi: set ones, else the default."""
    from services.penilaian.domain.periode import KODE

    diatur = {r.periode: r.tanggal for r in await repo.batas_diatur(s, instansi_id, tahun)}
    return {k: diatur.get(k, batas_bawaan(tahun, k)) for k in KODE}


def jejak_tentang(skp: DataSkp) -> None:
    """The jejak audit of the mutation running now is about this SKP's pegawai."""
    jejak_audit.catat(atas_nama=skp.nip, instansi_id=skp.instansi_id)


async def harus_terbuka(s: AsyncSession, p: Principal, skp: DataSkp, kode: str, hari_ini: dt.date) -> PeriodeNilai:
    """For the pegawai's own entries: theirs, approved, and before the Batas
    (or sent back for revision)."""
    per = _pengisian(p, skp, kode)
    # One statement for the Batas and the period's status (no unor induk: no capaian).
    _terbuka(skp, per, await repo.kepala_periode(s, skp.id, kode, skp.instansi_id, skp.tahun, ""), hari_ini)
    return per


async def terbuka_realisasi(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, indikator_id: str, hari_ini: dt.date
) -> bacaan.Realisasi | None:
    """harus_terbuka, and the realisasi of an indikator read in the same statement."""
    per = _pengisian(p, skp, kode)
    k, row = await repo.kepala_realisasi(s, skp.id, kode, skp.instansi_id, skp.tahun, indikator_id)
    _terbuka(skp, per, k, hari_ini)
    return row


def _pengisian(p: Principal, skp: DataSkp, kode: str) -> PeriodeNilai:
    akses.harus_pemilik(p, skp.pihak)
    jejak_tentang(skp)
    return periode(skp, kode)


def _terbuka(skp: DataSkp, per: PeriodeNilai, k: bacaan.KepalaPeriode, hari_ini: dt.date) -> None:
    tanggal = k.batas or batas_bawaan(skp.tahun, per.kode)
    if not terbuka(hari_ini, tanggal, k.nilai is not None and dibuka_lagi(k.nilai.status)):
        raise KondisiTidakTerpenuhi(
            f"Pengisian {per.nama} ditutup: batasnya {tanggal_teks(tanggal)}. Hubungi atasan Anda bila perlu "
            'perbaikan (atasan dapat mengembalikan penilaian dengan rating "-").'
        )


def sebagai_penilai(p: Principal, skp: DataSkp) -> None:
    """The SKP's penilai, or the admin instansi acting for its penilai
    eksternal: then the jejak audit records the action in the penilai's name
    and says by whom (the account stays the admin's)."""
    akses.harus_penilai(p, skp.pihak)
    if akses.wakil_penilai(p, skp.pihak):
        jejak_audit.catat(aktor_nama=f"{skp.penilai_nama} (penilai eksternal), oleh {p.nama or p.login}"[:200])


def rhk_milik(skp: DataSkp, rhk_id: str, field_name: str) -> str:
    if rhk_id not in skp.rhk:
        raise TidakValid(field_name, "bukan RHK dari SKP ini")
    return rhk_id
