"""How values read in Indonesian on screen."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2 as pb
from google.type.date_pb2 import Date

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")

# The server names a bad input by its proto field; the user knows it by its label.
LABEL_FIELD = {
    "nip": "NIP",
    "username": "Username",
    "password": "Password",
    "password_lama": "Password lama",
    "password_baru": "Password baru",
    "email": "Email",
    "kode": "Kode reset",
    "jabatan": "JABATAN",
    "unor_id": "UNIT KERJA",
    "tanggal_mulai": "PERIODE AWAL",
    "tanggal_selesai": "PERIODE AKHIR",
    "jenis": "JENIS",
}


def label_field(field: str) -> str:
    """'penugasan.tanggal_selesai' -> 'PERIODE AKHIR'; unknown fields as sent."""
    return LABEL_FIELD.get(field.rsplit(".", 1)[-1], field)


def jenis(value: int) -> str:
    return "Pimpinan" if value == pb.JENIS_PEGAWAI_PIMPINAN else "Pegawai"


def peran(value: int) -> str:
    return {pb.JENIS_PENUGASAN_PLT: "Plt.", pb.JENIS_PENUGASAN_PLH: "Plh."}.get(value, "")


def jenis_penugasan(value: int) -> str:
    return {pb.JENIS_PENUGASAN_PLT: "PLT", pb.JENIS_PENUGASAN_PLH: "PLH"}.get(value, "-")


def golongan(gol: str, pangkat: str) -> str:
    """'III/c (Penata)'; PPPK golongan have no pangkat."""
    return f"{gol} ({pangkat})" if pangkat else gol


def tanggal(d: Date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}" if d.year else "-"


def ke_date(d: Date) -> dt.date | None:
    return dt.date(d.year, d.month, d.day) if d.year else None


def periode(mulai: Date, selesai: Date) -> str:
    return f"{tanggal(mulai)} - {tanggal(selesai)}"


def isian_tanggal(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def baca_tanggal(teks: str, nama: str = "Tanggal") -> dt.date:
    """DD/MM/YYYY as typed in the forms; ValueError with an Indonesian message."""
    teks = teks.strip()
    if not teks:
        raise ValueError(f"{nama} wajib diisi (DD/MM/YYYY).")
    try:
        return dt.datetime.strptime(teks, "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"{nama} '{teks}' bukan tanggal yang benar (format DD/MM/YYYY, misalnya 01/10/2023).") from None
