"""What a dashboard panel asks for when Enter is pressed on a row. Panels
never open screens: they post one of these, and the screen that holds the
dashboard decides what to open."""

from __future__ import annotations

from dataclasses import dataclass

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.profil.v1 import profil_pb2 as ppb
from textual.message import Message


@dataclass
class BukaSkp(Message):
    """Detail SKP; `penilai`: as the SKP's penilai (Setujui, Kembalikan)."""

    name: str
    penilai: bool = False


@dataclass
class BukaPenilaianSkp(Message):
    """Penilaian SKP (Pelaksanaan Kinerja) of one of the user's own SKPs."""

    skp: str


@dataclass
class BukaPenilaianBawahan(Message):
    """Penilaian Bawahan on row `indeks` of `daftar` (] / [ walk the list)."""

    daftar: list[pb.RekapPenilaian]
    indeks: int


@dataclass
class BukaKurva(Message):
    tahun: int
    periode: int


@dataclass
class BukaCapaian(Message):
    tahun: int
    periode: int


@dataclass
class BukaKlaim(Message):
    """Verifikasi Klaim Pimpinan (admin instansi): decide a waiting claim."""

    klaim: ppb.Klaim


@dataclass
class BukaPermintaanPenugasan(Message):
    """A pegawai's PLT/PLH request (admin instansi): register or refuse it."""

    penugasan: ppb.Penugasan
