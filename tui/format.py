"""How values read in Indonesian on screen."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2 as pb
from ekinerja.skp.v1 import skp_pb2 as skp
from google.protobuf.timestamp_pb2 import Timestamp
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
    # SKP: a full path first where the last part alone is ambiguous.
    "periode_awal": "PERIODE AWAL",
    "periode_akhir": "PERIODE AKHIR",
    "pendekatan": "PENDEKATAN",
    "unor_plt_id": "UNOR PLT/PLH",
    "rhk.jenis": "JENIS RHK",
    "rhk.teks": "RENCANA HASIL KERJA",
    "klasifikasi": "KLASIFIKASI RHK",
    "rhk_atasan": "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
    "perjanjian_kinerja": "PERJANJIAN KINERJA",
    "aspek": "ASPEK",
    "indikator.teks": "INDIKATOR",
    "target": "TARGET",
    "ekspektasi": "EKSPEKTASI KHUSUS PIMPINAN",
    "alasan": "ALASAN",
    "status": "STATUS",
    "tahun": "TAHUN",
}


def label_field(field: str) -> str:
    """'penugasan.tanggal_selesai' -> 'PERIODE AKHIR'; unknown fields as sent."""
    akhir = ".".join(field.split(".")[-2:])
    return LABEL_FIELD.get(akhir) or LABEL_FIELD.get(field.rsplit(".", 1)[-1], field)


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


def dari_date(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)


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


# --- SKP ----------------------------------------------------------------------
STATUS_SKP = {skp.STATUS_SKP_DRAFT: "DRAFT", skp.STATUS_SKP_PENGAJUAN: "PENGAJUAN",
              skp.STATUS_SKP_PERSETUJUAN: "PERSETUJUAN"}
PENDEKATAN = {skp.PENDEKATAN_KUANTITATIF: "Kuantitatif", skp.PENDEKATAN_KUALITATIF: "Kualitatif"}
STATUS_PEGAWAI = {skp.STATUS_PEGAWAI_DEFINITIF: "Definitif", skp.STATUS_PEGAWAI_PLT: "Plt.",
                  skp.STATUS_PEGAWAI_PLH: "Plh."}
JENIS_RHK = {skp.JENIS_RHK_UTAMA: "Utama", skp.JENIS_RHK_TAMBAHAN: "Tambahan"}
KLASIFIKASI_RHK = {skp.KLASIFIKASI_RHK_ORGANISASI: "Organisasi - tertaut di Unit Organisasi",
                   skp.KLASIFIKASI_RHK_INDIVIDU: "Individu - tertaut di SKP Pegawai"}
ASPEK = {skp.ASPEK_KUANTITAS: "Kuantitas", skp.ASPEK_KUALITAS: "Kualitas", skp.ASPEK_WAKTU: "Waktu",
         skp.ASPEK_BIAYA: "Biaya"}


def status_skp(value: int) -> str:
    return STATUS_SKP.get(value, "-")


def jenis_pegawai_skp(value: int) -> str:
    return "Pimpinan" if value == skp.JENIS_PEGAWAI_PIMPINAN else "Pegawai"


def periode_penilaian(mulai: Date, selesai: Date) -> str:
    """The Detail SKP heading: '1 JANUARI SD 31 DESEMBER TAHUN 2023' (the year
    once when both ends share it)."""
    if not mulai.year or not selesai.year:
        return "-"
    awal = f"{mulai.day} {BULAN[mulai.month - 1]}"
    if mulai.year != selesai.year:
        awal += f" {mulai.year}"
    return f"{awal} SD {selesai.day} {BULAN[selesai.month - 1]} TAHUN {selesai.year}".upper()


def waktu(ts: Timestamp) -> str:
    """A server timestamp in local time: '5 Juni 2023 14:02'."""
    if not ts.seconds:
        return "-"
    t = ts.ToDatetime(tzinfo=dt.UTC).astimezone()
    return f"{t.day} {BULAN[t.month - 1]} {t.year} {t:%H:%M}"
