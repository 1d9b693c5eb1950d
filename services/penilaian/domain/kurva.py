"""The distribution curve (docs/domain.md#kurva-distribusi): the pattern the predikat of
the pegawai under a unit must follow, by the unit's Capaian Kinerja
Organisasi. Percentages are of the pegawai who have a predikat; compared as
exact fractions, so 7 of 10 is "at most 70%"."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from services.penilaian.domain.predikat import Predikat

ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "ISTIMEWA",
    "BAIK",
    "BUTUH_PERBAIKAN",
    "KURANG",
    "SANGAT_KURANG",
)
CAPAIAN = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
LABEL_CAPAIAN = {
    ISTIMEWA: "Istimewa",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang",
    SANGAT_KURANG: "Sangat Kurang",
}
URUTAN = (Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


@dataclass(frozen=True)
class Aturan:
    """Bounds per predikat (as fractions of the rated) and rules over groups."""

    minimum: dict[Predikat, Fraction]
    maksimum: dict[Predikat, Fraction]
    # (predikat in the group, least share, least count, how to say it)
    kelompok: tuple[tuple[frozenset[Predikat], Fraction, int, str], ...] = ()
    # "Sebagian besar" (Istimewa: Sangat Baik, Baik: Baik): besides its
    # ceiling, that predikat is the largest group, no other has more (a tie
    # is allowed, inferred: else two pegawai could never meet the pattern).
    terbanyak: Predikat | None = None


P = Fraction
BP_K = frozenset({Predikat.BUTUH_PERBAIKAN, Predikat.KURANG})

ATURAN: dict[str, Aturan] = {
    ISTIMEWA: Aturan({}, {Predikat.SANGAT_BAIK: P(70, 100)}, terbanyak=Predikat.SANGAT_BAIK),
    BAIK: Aturan(
        {},
        {Predikat.BAIK: P(70, 100)},
        ((BP_K, P(0), 1, "paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang"),),
        terbanyak=Predikat.BAIK,
    ),
    BUTUH_PERBAIKAN: Aturan({Predikat.BUTUH_PERBAIKAN: P(60, 100)}, {Predikat.SANGAT_BAIK: P(10, 100)}),
    KURANG: Aturan(
        {Predikat.KURANG: P(60, 100), Predikat.BUTUH_PERBAIKAN: P(10, 100)}, {Predikat.SANGAT_BAIK: P(10, 100)}
    ),
    SANGAT_KURANG: Aturan(
        {Predikat.SANGAT_KURANG: P(60, 100)},
        {Predikat.SANGAT_BAIK: P(0)},
        ((BP_K, P(10, 100), 0, "Kurang dan/atau Butuh Perbaikan paling sedikit 10%"),),
    ),
}


@dataclass(frozen=True)
class Baris:
    predikat: Predikat
    jumlah: int
    persen: float
    persen_min: float
    persen_maks: float
    sesuai: bool


@dataclass(frozen=True)
class HasilKurva:
    baris: list[Baris]
    jumlah: int
    pelanggaran: list[str]

    @property
    def sesuai(self) -> bool:
        return not self.pelanggaran


def _persen(x: Fraction) -> str:
    return f"{float(x * 100):g}%"


def periksa(capaian: str | None, jumlah: dict[Predikat, int]) -> HasilKurva:
    """The distribution of `jumlah` against the rule of `capaian`; no
    capaian (not set yet) or nobody rated: nothing to break."""
    total = sum(jumlah.get(p, 0) for p in URUTAN)
    aturan = ATURAN.get(capaian or "")
    baris: list[Baris] = []
    pelanggaran: list[str] = []
    utama = aturan.terbanyak if aturan and total else None
    lebih = [p for p in URUTAN if utama and jumlah.get(p, 0) > jumlah.get(utama, 0)]
    for p in URUTAN:
        n = jumlah.get(p, 0)
        share = Fraction(n, total) if total else Fraction(0)
        lo = aturan.minimum.get(p, Fraction(0)) if aturan else Fraction(0)
        hi = aturan.maksimum.get(p, Fraction(1)) if aturan else Fraction(1)
        ok = not total or lo <= share <= hi
        if not ok:
            arah = (
                f"paling sedikit {_persen(lo)}"
                if share < lo
                else (f"paling banyak {_persen(hi)}" if hi else "tidak boleh ada")
            )
            pelanggaran.append(f"{p.value}: {n} dari {total} ({_persen(share)}), seharusnya {arah}.")
        if p == utama and lebih:
            ok = False
            pelanggaran.append(
                f"{p.value}: {n} dari {total}, seharusnya sebagian besar (kelompok terbanyak); lebih banyak "
                + ", ".join(f"{x.value} ({jumlah.get(x, 0)})" for x in lebih)
                + "."
            )
        baris.append(Baris(p, n, float(share * 100), float(lo * 100), float(hi * 100), ok))
    if aturan and total:
        for kelompok, min_share, min_n, kata in aturan.kelompok:
            n = sum(jumlah.get(p, 0) for p in kelompok)
            if n < min_n or Fraction(n, total) < min_share:
                pelanggaran.append(f"Seharusnya {kata}; sekarang {n} dari {total}.")
    return HasilKurva(baris, total, pelanggaran)


def rating_hasil_dari_capaian(capaian: str) -> str:
    """A pimpinan of a unor induk is rated by the unit's capaian
    (docs/domain.md#capaian-kinerja-organisasi). Five levels onto three (inferred): Istimewa is above
    expectation, Baik meets it, the rest are below."""
    if capaian == ISTIMEWA:
        return "DIATAS"
    if capaian == BAIK:
        return "SESUAI"
    return "DIBAWAH"
