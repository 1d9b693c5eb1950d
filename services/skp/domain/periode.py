"""The SKP period: inside one calendar year, and not overlapping another SKP
of the same pegawai in the same role (docs/domain.md#periode-dan-pendekatan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

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


def validate_periode(awal: dt.date, akhir: dt.date, prefix: str = "skp") -> tuple[Periode, str]:
    """The period, and a notice when it was changed: a period crossing the
    year is clipped to 31 Desember of its first year, as the web app does
    (docs/domain.md#periode-dan-pendekatan); the rest needs a second SKP."""
    for tanggal, nama in ((awal, "periode_awal"), (akhir, "periode_akhir")):
        if not TAHUN_MIN <= tanggal.year <= TAHUN_MAKS:
            raise TidakValid(f"{prefix}.{nama}", f"tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS}")
    if akhir < awal:
        raise TidakValid(f"{prefix}.periode_akhir", "periode akhir tidak boleh sebelum periode awal")
    if akhir.year == awal.year:
        return Periode(awal, akhir), ""
    ujung = dt.date(awal.year, 12, 31)
    return Periode(awal, ujung), (
        f"Periode SKP hanya dalam satu tahun: periode akhir {tanggal_teks(akhir)} dipotong menjadi "
        f"{tanggal_teks(ujung)}. Untuk {tanggal_teks(dt.date(awal.year + 1, 1, 1))} - {tanggal_teks(akhir)} "
        "buat SKP baru."
    )


# The evaluation periods of an SKP (docs/domain.md#periode-penilaian-dan-batas), as
# penilaian names them: calendar quarters the SKP touches, and the final one.
# penilaian computes the same from the SKP's dates; skp needs only which exist.
NAMA_PERIODE_NILAI = {
    "tw1": "TRIWULAN I",
    "tw2": "TRIWULAN II",
    "tw3": "TRIWULAN III",
    "tw4": "TRIWULAN IV",
    "akhir": "Penilaian Akhir Tahun",
}


def periode_nilai(periode: Periode) -> list[str]:
    return [f"tw{n}" for n in range((periode.awal.month - 1) // 3 + 1, (periode.akhir.month - 1) // 3 + 2)] + ["akhir"]


def cek_periode_berisi(baru: Periode, berisi: Iterable[str]) -> None:
    """Edit SKP never drops a penilaian period that holds entries or a
    rating: nothing is lost silently (docs/domain.md#edit-skp)."""
    ada = set(periode_nilai(baru))
    hilang = [NAMA_PERIODE_NILAI[k] for k in berisi if k not in ada and k in NAMA_PERIODE_NILAI]
    if hilang:
        raise KondisiTidakTerpenuhi(
            f"Periode penilaian {', '.join(hilang)} SKP ini sudah berisi rencana aksi, bukti dukung, realisasi, "
            f"feedback atau rating, dan tidak ada lagi dalam periode {baru.teks()}. Pilih periode yang masih "
            "mencakupnya, atau hapus dulu isiannya di Penilaian SKP."
        )


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
