"""How values read in Indonesian on screen."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2 as pb
from google.type.date_pb2 import Date

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def jenis(value: int) -> str:
    return "Pimpinan" if value == pb.JENIS_PEGAWAI_PIMPINAN else "Pegawai"


def peran(value: int) -> str:
    return {pb.JENIS_PENUGASAN_PLT: "Plt.", pb.JENIS_PENUGASAN_PLH: "Plh."}.get(value, "")


def golongan(gol: str, pangkat: str) -> str:
    return f"{gol} ({pangkat})" if pangkat else gol


def tanggal(d: Date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}" if d.year else "-"


def baca_tanggal(teks: str) -> dt.date:
    """DD/MM/YYYY as typed in the forms; ValueError with an Indonesian message."""
    try:
        return dt.datetime.strptime(teks.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"'{teks}' bukan tanggal (format DD/MM/YYYY, misalnya 01/01/2023)") from None
