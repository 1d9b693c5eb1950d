"""What the view of one period reads, as plain values: the hot reads
(GetPenilaian, and SetRating's answer) run two Core statements and build
no ORM objects only to turn them into protobuf (issue 18). The hot writes
(UpdateRealisasi, CreateBuktiDukung, SetRating) read and return the same
values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Nilai:
    """The ratings of one SKP in one period (a `penilaian` row)."""

    rating_hasil: str
    rating_perilaku: str
    predikat: str
    status: str
    dari_capaian: bool
    dinilai_oleh: str
    waktu: dt.datetime | None
    versi: int


@dataclass(frozen=True, slots=True)
class PemilikNilai:
    """What a `penilaian` row keeps beside the ratings: whose they are, for
    the Rekap and the curves to count them without asking skp or profil."""

    tahun: int
    instansi_id: str
    nip: str
    unor_induk_id: str
    penilai_nip: str


@dataclass(frozen=True, slots=True)
class Catatan:
    teks: str
    versi: int


@dataclass(frozen=True, slots=True)
class KepalaPeriode:
    """One row: the period's ratings, CATATAN, the Batas an admin set (None:
    the default) and the capaian of the unor induk."""

    nilai: Nilai | None
    catatan: Catatan | None
    batas: dt.date | None
    capaian: str
    capaian_final: bool


@dataclass(frozen=True, slots=True)
class RencanaAksi:
    skp_id: str
    periode: str
    id: str
    rhk_id: str
    teks: str
    versi: int


@dataclass(frozen=True, slots=True)
class BuktiDukung:
    skp_id: str
    periode: str
    id: str
    rhk_id: str
    nama: str
    tautan: str
    versi: int


@dataclass(frozen=True, slots=True)
class Realisasi:
    skp_id: str
    periode: str
    indikator_id: str
    rhk_id: str
    realisasi: str
    sumber_data: str
    versi: int


@dataclass(frozen=True, slots=True)
class Feedback:
    skp_id: str
    periode: str
    id: str
    tentang: str
    teks: str
    penulis_nip: str
    penulis_nama: str
    waktu: dt.datetime
    versi: int


@dataclass(frozen=True, slots=True)
class IsianPeriode:
    rencana_aksi: list[RencanaAksi]
    bukti_dukung: list[BuktiDukung]
    realisasi: list[Realisasi]
    feedback: list[Feedback]
