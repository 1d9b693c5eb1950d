"""The evaluation periods of an SKP and their Batas (docs/domain.md#periode-penilaian-dan-batas):
calendar quarters clipped to the SKP's period — a quarter outside it does
not exist — and the Penilaian Akhir Tahun over the whole period."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from services.shared.errors import TidakValid

TW1, TW2, TW3, TW4, AKHIR = "tw1", "tw2", "tw3", "tw4", "akhir"
KODE = (TW1, TW2, TW3, TW4, AKHIR)
NAMA = {TW1: "TRIWULAN I", TW2: "TRIWULAN II", TW3: "TRIWULAN III", TW4: "TRIWULAN IV", AKHIR: "Penilaian Akhir Tahun"}
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


@dataclass(frozen=True)
class PeriodeNilai:
    kode: str
    awal: dt.date
    akhir: dt.date

    @property
    def nama(self) -> str:
        return NAMA[self.kode]


def tanggal_teks(d: dt.date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def _triwulan(tahun: int, n: int) -> tuple[dt.date, dt.date]:
    awal = dt.date(tahun, 3 * n - 2, 1)
    akhir = dt.date(tahun + 1, 1, 1) if n == 4 else dt.date(tahun, 3 * n + 1, 1)
    return awal, akhir - dt.timedelta(days=1)


def periode_skp(awal: dt.date, akhir: dt.date) -> list[PeriodeNilai]:
    return list(_periode_skp(awal, akhir))


@functools.lru_cache(maxsize=4096)
def _periode_skp(awal: dt.date, akhir: dt.date) -> tuple[PeriodeNilai, ...]:
    # Pure and asked for each of a penilai's 1,000 bawahan, who mostly share a period.
    hasil = []
    for n, kode in enumerate((TW1, TW2, TW3, TW4), start=1):
        q_awal, q_akhir = _triwulan(awal.year, n)
        if q_awal <= akhir and awal <= q_akhir:
            hasil.append(PeriodeNilai(kode, max(q_awal, awal), min(q_akhir, akhir)))
    hasil.append(PeriodeNilai(AKHIR, awal, akhir))
    return tuple(hasil)


def satu_periode(awal: dt.date, akhir: dt.date, kode: str, field: str = "name") -> PeriodeNilai:
    for p in periode_skp(awal, akhir):
        if p.kode == kode:
            return p
    raise TidakValid(
        field, f"SKP ini ({tanggal_teks(awal)} - {tanggal_teks(akhir)}) tidak memiliki periode {NAMA[kode]}"
    )


def batas_bawaan(tahun: int, kode: str) -> dt.date:
    """Triwulan: the 15th of the second month after it ends (Triwulan I 2023
    → 15 Mei 2023, as the web app shows); Akhir Tahun: 7 May of the next year."""
    if kode == AKHIR:
        return dt.date(tahun + 1, 5, 7)
    n = KODE.index(kode) + 1
    bulan = 3 * n + 2
    return dt.date(tahun + (bulan - 1) // 12, (bulan - 1) % 12 + 1, 15)


def akhir_periode_tahun(tahun: int, kode: str) -> dt.date:
    return dt.date(tahun, 12, 31) if kode == AKHIR else _triwulan(tahun, KODE.index(kode) + 1)[1]


def validate_batas(tahun: int, kode: str, tanggal: dt.date, hari_ini: dt.date) -> dt.date:
    """After the period ends, and not absurdly late (a mistyped year): at most
    the end of the year after the later of the period's year + 1 and today."""
    ujung = akhir_periode_tahun(tahun, kode)
    if tanggal <= ujung:
        raise TidakValid("tanggal", f"batas harus sesudah akhir periode ({tanggal_teks(ujung)})")
    paling_lambat = dt.date(max(tahun + 2, hari_ini.year + 1), 12, 31)
    if tanggal > paling_lambat:
        raise TidakValid("tanggal", f"batas paling lambat {tanggal_teks(paling_lambat)}")
    return tanggal


def terbuka(hari_ini: dt.date, batas: dt.date, perlu_perbaikan: bool) -> bool:
    """The pegawai may fill the period until its Batas, or while the penilai
    has sent it back for revision."""
    return hari_ini <= batas or perlu_perbaikan
