"""Dates and places as the documents print them (docs/domain.md#tanggal-dan-tempat):
"5 September 2023", "1 JANUARI SD 31 DESEMBER TAHUN 2023", "Madiun, 5
September 2023"."""

from __future__ import annotations

import datetime as dt

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


def tanggal_teks(d: dt.date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def periode_teks(awal: dt.date, akhir: dt.date) -> str:
    """The header's period: the year once, at the end, as the annex prints it."""
    if awal.year != akhir.year:
        return f"{tanggal_teks(awal).upper()} SD {tanggal_teks(akhir).upper()}"
    return (
        f"{awal.day} {BULAN[awal.month - 1].upper()} SD {akhir.day} {BULAN[akhir.month - 1].upper()} TAHUN {akhir.year}"
    )


def lokasi_teks(lokasi: str) -> str:
    """The dialog offers the instansi's place in capitals ("MADIUN"); the
    signature line reads "Madiun, 5 September 2023". Mixed case is kept as
    typed."""
    lokasi = " ".join(lokasi.split())
    return lokasi.title() if lokasi.isupper() else lokasi


def tempat_tanggal(lokasi: str, tanggal: dt.date) -> str:
    return f"{lokasi_teks(lokasi)}, {tanggal_teks(tanggal)}"
