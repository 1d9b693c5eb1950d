"""SKP statuses and who moves them (docs/domain.md#status-skp):
DRAFT → PENGAJUAN by the pegawai, → PERSETUJUAN by the penilai, back to DRAFT
by the penilai with a reason; Edit Status lets the penilai pick any."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.shared.errors import KondisiTidakTerpenuhi, TidakValid

DRAFT = "DRAFT"
PENGAJUAN = "PENGAJUAN"
PERSETUJUAN = "PERSETUJUAN"
URUTAN = (DRAFT, PENGAJUAN, PERSETUJUAN)

KUANTITATIF = "KUANTITATIF"
KUALITATIF = "KUALITATIF"
UTAMA = "UTAMA"
TAMBAHAN = "TAMBAHAN"

MAKS_ALASAN = 500


@dataclass(frozen=True)
class IndikatorIsi:
    teks: str
    target: str


@dataclass(frozen=True)
class RhkIsi:
    jenis: str
    teks: str
    indikator: list[IndikatorIsi] = field(default_factory=list)
    # It intervenes an RHK Organisasi the atasan assigned to this pegawai in
    # the MPH, one still offered today (the penilai may have changed since).
    mengintervensi: bool = False


@dataclass(frozen=True)
class IsiSkp:
    pendekatan: str
    ada_penilai: bool
    rhk: list[RhkIsi]
    # A penilai eksternal has no SKP here: the RHK Utama rest on the
    # Perjanjian Kinerja, as at the top without one (docs/domain.md#rhk).
    penilai_eksternal: bool = False


def _ringkas(teks: str) -> str:
    return teks if len(teks) <= 60 else teks[:57] + "..."


def kekurangan(isi: IsiSkp) -> list[str]:
    """Why this SKP cannot be submitted yet; empty when it can."""
    alasan: list[str] = []
    if not isi.ada_penilai:
        alasan.append(
            "Pejabat penilai kinerja belum ada: klik Muat Ulang pada kolom Pejabat Penilai Kinerja "
            "atau hubungi admin instansi."
        )
    if not any(r.jenis == UTAMA for r in isi.rhk):
        alasan.append("Belum ada RHK Utama.")
    for r in isi.rhk:
        if isi.ada_penilai and not isi.penilai_eksternal and r.jenis == UTAMA and not r.mengintervensi:
            # docs/domain.md#rhk: every RHK Utama intervenes an RHK Organisasi of the atasan.
            alasan.append(
                f"RHK Utama '{_ringkas(r.teks)}' belum mengintervensi RHK Organisasi atasan: pilih RHK "
                "atasan yang diintervensi (RHK yang diberikan atasan kepada Anda di Matriks Peran Hasil)."
            )
        if not r.indikator:
            alasan.append(f"RHK '{_ringkas(r.teks)}' belum memiliki indikator.")
        elif isi.pendekatan == KUANTITATIF:
            kosong = sum(1 for i in r.indikator if not i.target)
            if kosong:
                alasan.append(
                    f"RHK '{_ringkas(r.teks)}': {kosong} indikator belum memiliki target (wajib untuk SKP Kuantitatif)."
                )
    return alasan


def _cek_lengkap(isi: IsiSkp) -> None:
    alasan = kekurangan(isi)
    if alasan:
        raise KondisiTidakTerpenuhi("SKP belum dapat diajukan: " + " ".join(alasan))


def harus_draft(status: str) -> None:
    if status != DRAFT:
        raise KondisiTidakTerpenuhi(
            f"SKP berstatus {status}: isinya hanya dapat diubah saat DRAFT. "
            "Minta pejabat penilai mengembalikannya ke DRAFT (Edit Status)."
        )


def ajukan(status: str, isi: IsiSkp) -> str:
    if status != DRAFT:
        raise KondisiTidakTerpenuhi(f"SKP berstatus {status}; hanya SKP DRAFT yang dapat diajukan.")
    _cek_lengkap(isi)
    return PENGAJUAN


def setujui(status: str) -> str:
    if status != PENGAJUAN:
        raise KondisiTidakTerpenuhi(f"SKP berstatus {status}; hanya SKP PENGAJUAN yang dapat disetujui.")
    return PERSETUJUAN


def validate_alasan(alasan: str, field: str = "alasan") -> str:
    alasan = " ".join(alasan.split())
    if not alasan:
        raise TidakValid(field, "tuliskan alasan agar pegawai tahu apa yang perlu diperbaiki")
    if len(alasan) > MAKS_ALASAN:
        raise TidakValid(field, f"maksimal {MAKS_ALASAN} karakter")
    return alasan


def kembalikan(status: str, alasan: str) -> tuple[str, str]:
    if status == DRAFT:
        raise KondisiTidakTerpenuhi("SKP sudah berstatus DRAFT.")
    return DRAFT, validate_alasan(alasan)


def ubah_status(status: str, ke: str, alasan: str, isi: IsiSkp) -> tuple[str, str]:
    """Edit Status: any status, but never past a check a normal transition
    makes — raising it needs a complete SKP, lowering it needs a reason."""
    if ke not in URUTAN:
        raise TidakValid("status", "pilih Draft, Pengajuan atau Persetujuan")
    if ke == status:
        raise TidakValid("status", f"SKP sudah berstatus {status}")
    if URUTAN.index(ke) < URUTAN.index(status):
        return ke, validate_alasan(alasan)
    _cek_lengkap(isi)
    return ke, " ".join(alasan.split())[:MAKS_ALASAN]
