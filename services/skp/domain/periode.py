"""The SKP period: inside one calendar year, and not overlapping another SKP
of the same pegawai in the same role (docs/domain.md#periode-dan-pendekatan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Periode:
    awal: dt.date
    akhir: dt.date

    @property
    def tahun(self) -> int:
        return self.awal.year

    def bertumpang(self, other: Periode) -> bool:
        return self.awal <= other.akhir and other.awal <= self.akhir

    def acuan(self, hari_ini: dt.date) -> dt.date:
        """The date whose organisation the SKP reflects: today, kept inside
        the period (a past SKP keeps its last day's atasan)."""
        return min(max(hari_ini, self.awal), self.akhir)

    def teks(self) -> str:
        """'1 Januari 2023 - 31 Desember 2023', as the Daftar SKP shows it."""
        return f"{tanggal_teks(self.awal)} - {tanggal_teks(self.akhir)}"


def tanggal_teks(d: dt.date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


TAHUN_MIN, TAHUN_MAKS = 2000, 2100  # the years every service works with (ListSkpBawahan, Batas, Kurva)


def validate_periode(awal: dt.date, akhir: dt.date, prefix: str = "skp") -> Periode:
    for tanggal, nama in ((awal, "periode_awal"), (akhir, "periode_akhir")):
        if not TAHUN_MIN <= tanggal.year <= TAHUN_MAKS:
            raise TidakValid(f"{prefix}.{nama}", f"tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}")
    if akhir < awal:
        raise TidakValid(f"{prefix}.periode_akhir", "periode akhir tidak boleh sebelum periode awal")
    if akhir.year != awal.year:
        raise TidakValid(
            f"{prefix}.periode_akhir",
            f"periode SKP harus dalam satu tahun: periode awal tahun {awal.year}, periode akhir tahun {akhir.year}",
        )
    return Periode(awal, akhir)


@dataclass(frozen=True)
class SkpLain:
    id: str
    periode: Periode
    peran: str  # "DEFINITIF", or "PLT:<unor id>" for an acting role


def kunci_peran(unor_plt_id: str | None) -> str:
    return f"PLT:{unor_plt_id}" if unor_plt_id else "DEFINITIF"


def cek_tumpang_tindih(id_sendiri: str | None, periode: Periode, peran: str, lain: Iterable[SkpLain]) -> None:
    for other in lain:
        if other.id != id_sendiri and other.peran == peran and other.periode.bertumpang(periode):
            raise KondisiTidakTerpenuhi(
                f"Periode {periode.teks()} bertumpang tindih dengan SKP lain Anda untuk jabatan yang sama "
                f"({other.periode.teks()}). Ubah periode SKP tersebut terlebih dahulu (misalnya cut-off "
                "karena mutasi)."
            )


def dalam_penugasan(periode: Periode, mulai: dt.date, selesai: dt.date, field: str) -> None:
    if periode.awal < mulai or periode.akhir > selesai:
        raise TidakValid(
            field,
            f"periode SKP PLT/PLH harus di dalam masa penugasan ({tanggal_teks(mulai)} - {tanggal_teks(selesai)})",
        )
