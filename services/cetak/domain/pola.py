"""POLA DISTRIBUSI as the Form Evaluasi Kinerja Pegawai prints it: the
pattern the predikat of the pegawai must follow for the organisation's
Capaian Kinerja Organisasi (docs/domain.md#kurva-distribusi, PermenPANRB 6/2022 annex).
penilaian checks a distribution against it (services/penilaian/domain/
kurva.py); here it is only words, printed once the capaian is final."""

from __future__ import annotations

# By the capaian's label as penilaian names it ("Istimewa", "Baik", ...).
POLA: dict[str, tuple[str, ...]] = {
    "Istimewa": (
        "Sangat Baik: sebagian besar (kelompok terbanyak), paling banyak 70%",
        "Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang: selebihnya",
    ),
    "Baik": (
        "Baik: sebagian besar (kelompok terbanyak), paling banyak 70%",
        "Butuh Perbaikan atau Kurang/Misconduct: paling sedikit satu pegawai",
        "Sangat Baik, Sangat Kurang: selebihnya",
    ),
    "Butuh Perbaikan": (
        "Butuh Perbaikan: paling sedikit 60%",
        "Sangat Baik: paling banyak 10%",
        "Baik, Kurang/Misconduct, Sangat Kurang: selebihnya",
    ),
    "Kurang": (
        "Kurang/Misconduct: paling sedikit 60%",
        "Butuh Perbaikan: paling sedikit 10%",
        "Sangat Baik: paling banyak 10%",
        "Baik, Sangat Kurang: selebihnya",
    ),
    "Sangat Kurang": (
        "Sangat Kurang: paling sedikit 60%",
        "Kurang/Misconduct dan/atau Butuh Perbaikan: paling sedikit 10%",
        "Sangat Baik: tidak ada",
        "Baik: selebihnya",
    ),
}

BELUM = "Pola distribusi tampil setelah capaian kinerja organisasi pada unit kerja induk difinalisasi."


def pola(capaian: str, final: bool) -> tuple[str, ...]:
    """The pattern's lines, or why there is none yet."""
    if not final or capaian not in POLA:
        return (BELUM,)
    return POLA[capaian]
