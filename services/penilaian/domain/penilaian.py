"""A period's penilaian record: its status after a rating, the rating hasil
of a pimpinan of a unor induk, and what counts as something recorded
(docs/domain.md#feedback-dan-rating, docs/domain.md#capaian-kinerja-organisasi)."""

from __future__ import annotations

from services.penilaian.domain.kurva import rating_hasil_dari_capaian
from services.penilaian.domain.predikat import Predikat, Rating, predikat
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

BELUM_DINILAI, DINILAI, PERLU_PERBAIKAN = "BELUM_DINILAI", "DINILAI", "PERLU_PERBAIKAN"


def rating(kode: str) -> Rating | None:
    """A stored rating ("DIBAWAH"; "" is "-")."""
    return Rating[kode] if kode else None


def predikat_dari(hasil: str, perilaku: str) -> Predikat | None:
    """The predikat of two stored ratings; None when either is "-"."""
    return predikat(rating(hasil), rating(perilaku))


def status_sesudah(status: str, hasil: Predikat | None) -> str:
    """The status after a rating: a predikat rates the period; "-" on a rated
    period (or one already sent back) sends it back, the pegawai's entries
    reopen; "-" on one never rated leaves it unrated."""
    if hasil is not None:
        return DINILAI
    if status in (DINILAI, PERLU_PERBAIKAN):
        return PERLU_PERBAIKAN
    return status


def dibuka_lagi(status: str | None) -> bool:
    """Sent back for revision: the pegawai's entries are open past the Batas."""
    return status == PERLU_PERBAIKAN


def berisi(rating_hasil: str, rating_perilaku: str, status: str) -> bool:
    """The record holds something the penilai did (a rating, or a status it left)."""
    return bool(rating_hasil or rating_perilaku or status != BELUM_DINILAI)


def rating_dari_capaian_final(capaian: str | None, final: bool, pegawai: str, unit: str) -> str:
    """The rating hasil of `pegawai`, pimpinan of the unor induk `unit`: from
    the unit's capaian once it is final; before that he cannot be rated."""
    if capaian is None or not final:
        raise KondisiTidakTerpenuhi(
            f"{pegawai} memimpin {unit}: rating hasil kerjanya mengikuti capaian kinerja organisasi "
            "unit itu, yang belum difinalisasi untuk periode ini."
        )
    return rating_hasil_dari_capaian(capaian)


def rating_hasil_pimpinan(hasil: str, perilaku: str, dari_capaian: str) -> str:
    """The rating hasil stored for a pimpinan of a unor induk: the one from the
    capaian (`dari_capaian`), or "" when the penilai cleared both ratings.
    Another rating hasil than the capaian's is refused."""
    if hasil and hasil != dari_capaian:
        raise TidakValid(
            "rating_hasil_kerja",
            "rating hasil kerja pimpinan unit induk mengikuti capaian "
            "kinerja organisasi unitnya; kosongkan atau pilih yang sesuai capaian",
        )
    return dari_capaian if perilaku or hasil else ""
