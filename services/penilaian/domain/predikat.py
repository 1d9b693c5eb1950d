"""Predikat Kinerja from the two ratings (PermenPANRB 6/2022). The only place
it is computed."""

from __future__ import annotations

from enum import Enum


class Rating(Enum):
    DIBAWAH = "DIBAWAH EKSPEKTASI"
    SESUAI = "SESUAI EKSPEKTASI"
    DIATAS = "DIATAS EKSPEKTASI"


class Predikat(Enum):
    SANGAT_BAIK = "Sangat Baik"
    BAIK = "Baik"
    BUTUH_PERBAIKAN = "Butuh Perbaikan"
    KURANG = "Kurang/Misconduct"
    SANGAT_KURANG = "Sangat Kurang"


_MATRIKS: dict[tuple[Rating, Rating], Predikat] = {
    # (hasil kerja, perilaku kerja)
    (Rating.DIATAS, Rating.DIBAWAH): Predikat.KURANG,
    (Rating.DIATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DIATAS, Rating.DIATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DIBAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DIATAS): Predikat.BAIK,
    (Rating.DIBAWAH, Rating.DIBAWAH): Predikat.SANGAT_KURANG,
    (Rating.DIBAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DIBAWAH, Rating.DIATAS): Predikat.BUTUH_PERBAIKAN,
}


def predikat(hasil: Rating | None, perilaku: Rating | None) -> Predikat | None:
    """None ("-") when either rating is unset: it went back for revision."""
    if hasil is None or perilaku is None:
        return None
    return _MATRIKS[(hasil, perilaku)]
