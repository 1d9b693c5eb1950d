"""The printed document: every text it shows, already in words, and how
the sections are grouped. The typst templates (services/cetak/pdf/templat)
only lay these texts out and print no text of their own, so `semua_teks`
is exactly the document's text: the anchor check and the preview read it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import StrEnum


class Jenis(StrEnum):
    RENCANA_SKP = "RENCANA_SKP"
    FORM_PENILAIAN = "FORM_PENILAIAN"
    EVALUASI_KINERJA = "EVALUASI_KINERJA"


@dataclass(frozen=True)
class BarisIdentitas:
    nomor: str
    label: str
    pegawai: str
    penilai: str


@dataclass(frozen=True)
class TabelIdentitas:
    kolom: tuple[str, str]  # "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA"
    nomor: str  # "NO"
    baris: tuple[BarisIdentitas, ...]


@dataclass(frozen=True)
class BarisPihak:
    label: str  # "NAMA"
    nilai: str


@dataclass(frozen=True)
class PihakEvaluasi:
    """One numbered party of the Dokumen Evaluasi: "1. PEGAWAI YANG DINILAI",
    "2. PEJABAT PENILAI KINERJA", "3. ATASAN PEJABAT PENILAI KINERJA"."""

    judul: str
    baris: tuple[BarisPihak, ...]


@dataclass(frozen=True)
class Catatan:
    judul: str  # "5. CATATAN / REKOMENDASI"
    teks: str


@dataclass(frozen=True)
class IndikatorCetak:
    aspek: str
    teks: str
    target: str
    realisasi: str = ""  # Form Penilaian only


@dataclass(frozen=True)
class RhkCetak:
    nomor: str
    intervensi: str
    teks: str
    indikator: tuple[IndikatorCetak, ...]
    umpan_balik: tuple[str, ...] = ()  # Form Penilaian only: the feedback, oldest first
    # JPT format only: the perspektif heading printed above this RHK, on the
    # first RHK of each perspektif; "" elsewhere.
    perspektif: str = ""


@dataclass(frozen=True)
class KelompokHasil:
    judul: str  # "A. UTAMA"
    rhk: tuple[RhkCetak, ...]
    kosong: str = ""  # shown when the group has no RHK


@dataclass(frozen=True)
class Nilai:
    label: str  # "RATING HASIL KERJA"
    nilai: str  # "SESUAI EKSPEKTASI", or "-"


@dataclass(frozen=True)
class HasilKerja:
    judul: str
    kolom: tuple[str, ...]
    nomor_kolom: tuple[str, ...]  # "(1)", "(2)", ... under the column names, as the annex numbers them
    kelompok: tuple[KelompokHasil, ...]
    rating: Nilai | None = None
    # The JPT / pimpinan unit kerja mandiri format: no RHK pimpinan yang
    # diintervensi and no aspek column (`intervensi` and `aspek` unused).
    jpt: bool = False
    # Kualitatif: indikator and target in one column (`target` unused).
    gabung_target: bool = False


@dataclass(frozen=True)
class PerilakuCetak:
    nomor: str
    nama: str
    uraian: tuple[str, ...]
    ekspektasi: str
    umpan_balik: tuple[str, ...] = ()


@dataclass(frozen=True)
class PerilakuKerja:
    judul: str
    kolom: tuple[str, ...]
    butir: str  # the marker before each uraian
    baris: tuple[PerilakuCetak, ...]
    rating: Nilai | None = None


@dataclass(frozen=True)
class BagianLampiran:
    judul: str
    butir: tuple[str, ...]


@dataclass(frozen=True)
class LampiranCetak:
    judul: str
    bagian: tuple[BagianLampiran, ...]


@dataclass(frozen=True)
class BarisKurvaCetak:
    predikat: str
    jumlah: str
    persen: str
    batas: str
    sesuai: str
    tinggi: float  # share of the rated, 0..1, for the bar


@dataclass(frozen=True)
class KurvaCetak:
    keterangan: str
    kolom: tuple[str, ...]
    baris: tuple[BarisKurvaCetak, ...]
    kesimpulan: str


@dataclass(frozen=True)
class Evaluasi:
    judul: str
    baris: tuple[Nilai, ...]
    kurva_judul: str
    kurva: KurvaCetak | None
    catatan_kurva: str  # instead of the curve, while the capaian is not final


@dataclass(frozen=True)
class Organisasi:
    """The Form Evaluasi's CAPAIAN KINERJA ORGANISASI and POLA DISTRIBUSI."""

    capaian: Nilai
    pola_label: str  # "POLA DISTRIBUSI"
    pola: tuple[str, ...]  # the pattern's lines, or why it is not shown yet


@dataclass(frozen=True)
class TandaTangan:
    tempat_tanggal: str  # "Madiun, 5 September 2023", or "" (the pegawai's in the plan)
    peran: str  # "Pegawai yang Dinilai"
    nama: str
    nip: str  # "NIP 196903232002121009"
    anchor: str = ""


@dataclass(frozen=True)
class Dokumen:
    jenis: Jenis
    judul: tuple[str, ...]
    instansi: str
    periode: str
    identitas: TabelIdentitas | None
    pihak: tuple[PihakEvaluasi, ...] = ()  # the Dokumen Evaluasi, instead of `identitas`
    organisasi: Organisasi | None = None
    hasil: HasilKerja | None = None
    perilaku: PerilakuKerja | None = None
    predikat: Nilai | None = None
    evaluasi: Evaluasi | None = None
    catatan: Catatan | None = None
    lampiran: LampiranCetak | None = None
    ttd: tuple[TandaTangan, TandaTangan] | None = None
    melintang: bool = False  # landscape: the Form Penilaian's eight columns
    ttd_penilai_dulu: bool = False  # the Dokumen Evaluasi: 6. penilai on the left, 7. pegawai on the right
    # A Rencana SKP not approved yet: the line under the title and the
    # watermark on every page ("" on an approved plan).
    draf: str = ""
    tanda_air: str = ""
    # The verification code (domain/verifikasi.py) and its sentence at the
    # foot of every page; the code alone goes into the QR and the keywords.
    kode: str = ""
    verifikasi: str = ""


# Fields that carry no printed text of their own.
_BUKAN_TEKS = frozenset({"jenis", "anchor", "kode"})


def semua_teks(d: object) -> Iterator[str]:
    """Every text the document prints, in reading order, anchors excluded."""
    if is_dataclass(d):
        for f in fields(d):
            if f.name not in _BUKAN_TEKS:
                yield from semua_teks(getattr(d, f.name))
    elif isinstance(d, str):
        if d:
            yield d
    elif isinstance(d, tuple):
        for x in d:
            yield from semua_teks(x)


def peta_teks(d: object, f: Callable[[str], str]) -> object:
    """The same document with `f` applied to every printed text (anchors
    and the kind excepted)."""
    if is_dataclass(d) and not isinstance(d, type):
        return replace(d, **{x.name: peta_teks(getattr(d, x.name), f) for x in fields(d) if x.name not in _BUKAN_TEKS})
    if isinstance(d, str):
        return f(d) if d else d
    if isinstance(d, tuple):
        return tuple(peta_teks(x, f) for x in d)
    return d
