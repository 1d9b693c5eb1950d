"""SKP Bawahan and Sinkronisasi SKP Bawahan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.principal import ADMIN_INSTANSI, Principal
from services.skp.domain.periode import kunci_peran
from services.skp.domain.status import PERSETUJUAN
from services.skp.store import repository as repo
from services.skp.store.models import SkpRow
from services.skp.usecases.skp import ganti_penilai, identitas_penilai, orang
from services.skp.usecases.sumber import Identitas


async def daftar(
    s: AsyncSession, p: Principal, tahun: int, query: str, offset: int, limit: int
) -> tuple[list[SkpRow], int]:
    """The SKPs the caller rates. For an admin instansi (an account without
    NIP): those of his instansi whose penilai is a penilai eksternal, for whom
    he acts (docs/domain.md#penentuan-atasan)."""
    if not p.nip:
        if p.punya(ADMIN_INSTANSI):
            return await repo.skp_penilai_eksternal(s, p.instansi_id, tahun, query, offset, limit)
        return [], 0
    return await repo.skp_dinilai(s, p.nip, tahun, query, offset, limit)


@dataclass(frozen=True)
class Perubahan:
    skp: SkpRow
    lama: Identitas | None
    baru: Identitas | None
    keterangan: str


def perlu_konfirmasi(row: SkpRow, baru: Identitas | None) -> bool:
    """An approved SKP (which may already be rated) changes penilai only once
    the user confirmed it: Sinkronisasi never rewrites it silently
    (docs/domain.md#snapshot-dan-muat-ulang). A refresh of the same person's
    jabatan or unit is not a change of penilai."""
    return row.status == PERSETUJUAN and orang(baru) != orang(identitas_penilai(row))


async def terapkan(
    s: AsyncSession, p: Principal, hasil: dict[str, Identitas | None], konfirmasi: bool = False
) -> tuple[list[Perubahan], list[Perubahan]]:
    """Writes the re-resolved penilai of each SKP id; returns what changed,
    and the approved SKPs left unchanged until `konfirmasi`."""
    perubahan: list[Perubahan] = []
    ditahan: list[Perubahan] = []
    for skp_id, baru in hasil.items():
        row = await repo.get_skp(s, skp_id, kunci=True)
        lama = identitas_penilai(row)
        if lama == baru:
            continue
        if perlu_konfirmasi(row, baru) and not konfirmasi:
            ditahan.append(
                Perubahan(row, lama, baru, "SKP sudah disetujui: penilai diganti hanya setelah dikonfirmasi.")
            )
            continue
        if ganti_penilai(s, p, row, baru, "Sinkronisasi SKP Bawahan"):
            ket = "Pejabat penilai berganti."
        else:
            ket = "Data pejabat penilai diperbarui (jabatan, pangkat atau unit kerja)."
        perubahan.append(Perubahan(row, lama, baru, ket))
    return perubahan, ditahan


def skp_peran_berlaku(milik: list[SkpRow], peran: list[tuple[str, str | None]], acuan: dt.date) -> list[SkpRow]:
    """Of `milik`, the SKPs in force on `acuan` for each (nip, PLT unit or
    None for the definitive role) a bawahan holds under the caller."""
    dicari = {(nip, kunci_peran(unor)) for nip, unor in peran}
    return [r for r in milik if (r.nip, kunci_peran(r.unor_plt_id)) in dicari and r.awal <= acuan <= r.akhir]


def acuan_tahun(tahun: int, hari_ini: dt.date) -> dt.date:
    return min(max(hari_ini, dt.date(tahun, 1, 1)), dt.date(tahun, 12, 31))
