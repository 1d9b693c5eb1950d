"""What cetak knows of an SKP and its evaluation: read from skp and
penilaian through their APIs (server/convert.py), plain data here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Identitas:
    nip: str
    nama: str
    pangkat: str  # "Penata Tingkat I"; empty for PPPK
    golongan: str  # "III/d"
    jabatan: str
    unit_kerja: str
    # A penilai eksternal (NON ASN, docs/domain.md#penentuan-atasan): no
    # pangkat, the NIP may be empty.
    eksternal: bool = False

    @property
    def pangkat_golongan(self) -> str:
        if self.eksternal:
            return "NON ASN"
        return " / ".join(x for x in (self.pangkat, self.golongan) if x) or "-"


@dataclass(frozen=True)
class Indikator:
    id: str
    aspek: str  # "Kuantitas"
    teks: str
    target: str  # "12 bulan"


@dataclass(frozen=True)
class Rhk:
    id: str
    jenis: str  # "UTAMA" | "TAMBAHAN"
    intervensi: str  # the atasan's RHK it serves, or the Perjanjian Kinerja
    teks: str
    indikator: tuple[Indikator, ...] = ()
    perspektif: str = ""  # JPT format only: "Perspektif Penerima Layanan", or ""


@dataclass(frozen=True)
class Perilaku:
    kode: str  # "BERORIENTASI_PELAYANAN"
    nama: str
    uraian: tuple[str, ...]
    ekspektasi: str


@dataclass(frozen=True)
class Lampiran:
    dukungan_sumber_daya: tuple[str, ...] = ()
    skema_pertanggungjawaban: tuple[str, ...] = ()
    konsekuensi: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataSkp:
    id: str
    nip: str
    instansi_id: str
    instansi_nama: str
    pendekatan: str  # "KUANTITATIF" | "KUALITATIF"
    awal: dt.date
    akhir: dt.date
    disetujui: bool
    pegawai: Identitas
    penilai: Identitas | None
    rhk: tuple[Rhk, ...] = ()
    perilaku: tuple[Perilaku, ...] = ()
    lampiran: Lampiran = field(default_factory=Lampiran)
    status: str = ""  # "DRAFT", "PENGAJUAN", "PERSETUJUAN": named on a draft's print
    pimpinan: bool = False  # jenis Pimpinan (skp's jenis_pegawai)
    unor_id: str = ""  # the role's unit
    # JPT / pimpinan unit kerja mandiri: the pimpinan of a unor induk (a unit
    # JPT / unit mandiri); their documents have their own format.
    jpt: bool = False

    @property
    def tahun(self) -> int:
        return self.awal.year


@dataclass(frozen=True)
class DataPenilaian:
    """One period of the SKP as penilaian shows it; labels already in words
    ("SESUAI EKSPEKTASI", "Baik"), empty when not set."""

    kode: str  # "tw1".."tw4", "akhir"
    nama_periode: str  # "TRIWULAN I", "Penilaian Akhir Tahun"
    awal: dt.date
    akhir: dt.date
    rating_hasil: str = ""
    rating_perilaku: str = ""
    predikat: str = ""
    capaian: str = ""
    capaian_final: bool = False  # until then the capaian prints "(belum final)"
    catatan: str = ""  # CATATAN / REKOMENDASI of the penilai
    realisasi: dict[str, str] = field(default_factory=dict)  # indikator id → "3 bulan"
    sumber_data: dict[str, str] = field(default_factory=dict)  # indikator id → "SIASN"
    # "rhk:{id}" or "perilaku:{KODE}" → the penilai's feedback, oldest first
    feedback: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class BarisKurva:
    predikat: str  # "Sangat Baik"
    jumlah: int
    persen: float
    persen_min: float
    persen_maks: float
    sesuai: bool


@dataclass(frozen=True)
class DataKurva:
    """The distribution of the penilai's bawahan in the period (penilaian
    GetKurva) against what the capaian of the unor induk allows."""

    unor_induk: str
    capaian: str  # "Baik"; empty: not set
    final: bool
    jumlah_dinilai: int
    baris: tuple[BarisKurva, ...]
    sesuai: bool
    pelanggaran: tuple[str, ...] = ()
