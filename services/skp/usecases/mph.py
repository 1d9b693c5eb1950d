"""Matriks Peran Hasil: the atasan assigns bawahan to the RHKs of their SKP;
that assignment is what a bawahan may intervene."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.errors import AksesDitolak, TidakValid
from services.shared.principal import LAYANAN, Principal
from services.skp.domain import akses
from services.skp.store import repository as repo
from services.skp.store.models import MphAnggotaRow, PeranHasilRow, RhkRow, SkpRow
from services.skp.usecases.umum import pihak, sekarang, untuk_pemilik


@dataclass(frozen=True)
class Kolom:
    nip: str
    nama: str
    jabatan: str
    lintas_unit: bool = False  # added from another unit (Tambah Pegawai)
    unor_nama: str = ""


PERAN = ("KOORDINATOR", "KETUA_TIM", "ANGGOTA")
MAKS_PERAN_HASIL = 1000


@dataclass(frozen=True)
class Sel:
    nip: str
    peran_hasil: str
    peran: str


@dataclass(frozen=True)
class Matriks:
    skp: SkpRow
    rhk: list[RhkRow]
    bawahan: list[Kolom]
    peran: dict[str, list[Sel]]  # rhk id → assigned cells, by NIP


def periksa_sel(peran_hasil: str, peran: str) -> tuple[str, str]:
    """The peran hasil text and role of a cell (docs/domain.md#matriks-peran-hasil)."""
    teks = " ".join(peran_hasil.split())
    if len(teks) > MAKS_PERAN_HASIL:
        raise TidakValid("peran_hasil", f"maksimal {MAKS_PERAN_HASIL} karakter")
    if peran not in PERAN:
        raise TidakValid("peran", "pilih Koordinator, Ketua Tim atau Anggota")
    return teks, peran


async def untuk_matriks(s: AsyncSession, p: Principal, skp_id: str) -> SkpRow:
    """The matrix is the pegawai's own planning tool (admin and service
    accounts may read it): its columns come from the pegawai's bawahan."""
    row = await repo.get_skp(s, skp_id)
    akses.boleh_baca(p, pihak(row))
    if not (akses.pemilik(p, pihak(row)) or p.pengelola_instansi(row.instansi_id) or p.punya(LAYANAN)):
        raise AksesDitolak("Matriks Peran Hasil hanya dapat dibuka oleh pemilik SKP.")
    return row


async def kolom_tambahan(s: AsyncSession, row: SkpRow, bawahan: list[Kolom]) -> list[Kolom]:
    """The bawahan, then the pegawai added from other units (one who has
    since become a bawahan shows once, as a bawahan)."""
    ada = {b.nip for b in bawahan}
    return [
        *bawahan,
        *(
            Kolom(a.nip, a.nama, a.jabatan, True, a.unor_nama)
            for a in await repo.mph_anggota(s, row.id)
            if a.nip not in ada
        ),
    ]


async def matriks(s: AsyncSession, row: SkpRow, bawahan: list[Kolom]) -> Matriks:
    bawahan = await kolom_tambahan(s, row, bawahan)
    rhk = await repo.rhk_skp(s, [row.id])
    peran: dict[str, list[Sel]] = {r.id: [] for r in rhk}
    for cell in await repo.peran_hasil(s, peran):
        peran[cell.rhk_id].append(Sel(cell.nip, cell.peran_hasil, cell.peran))
    return Matriks(row, rhk, bawahan, {k: sorted(v, key=lambda x: x.nip) for k, v in peran.items() if v})


async def ubah(
    s: AsyncSession,
    p: Principal,
    skp_id: str,
    rhk_id: str,
    nip: str,
    ditugaskan: bool,
    bawahan: list[Kolom],
    peran_hasil: str = "",
    peran: str = "ANGGOTA",
) -> Matriks:
    row = await untuk_pemilik(s, p, skp_id)
    await repo.get_rhk(s, skp_id, rhk_id)
    cell = await s.get(PeranHasilRow, (rhk_id, nip))
    if ditugaskan:
        teks, peran = periksa_sel(peran_hasil, peran)
        if cell is None:
            if nip not in {b.nip for b in await kolom_tambahan(s, row, bawahan)}:
                raise TidakValid(
                    "nip",
                    "pegawai ini bukan bawahan Anda pada periode SKP ini; tambahkan pegawai "
                    "unit lain dengan Tambah Pegawai",
                )
            s.add(PeranHasilRow(rhk_id=rhk_id, nip=nip, dibuat=sekarang(), peran_hasil=teks, peran=peran))
        else:
            cell.peran_hasil, cell.peran = teks, peran
    elif cell is not None:
        await s.delete(cell)
    await s.flush()
    return await matriks(s, row, bawahan)


async def tambah_pegawai(s: AsyncSession, p: Principal, skp_id: str, pegawai: Kolom, bawahan: list[Kolom]) -> Matriks:
    """Tambah Pegawai: a pegawai of another unit becomes a column
    (docs/domain.md#matriks-peran-hasil)."""
    row = await untuk_pemilik(s, p, skp_id)
    if pegawai.nip == row.nip:
        raise TidakValid("nip", "ini SKP Anda sendiri")
    if pegawai.nip in {k.nip for k in await kolom_tambahan(s, row, bawahan)}:
        raise TidakValid("nip", "pegawai ini sudah ada di matriks")
    s.add(
        MphAnggotaRow(
            skp_id=row.id,
            nip=pegawai.nip,
            nama=pegawai.nama[:200],
            jabatan=pegawai.jabatan[:300],
            unor_nama=pegawai.unor_nama[:300],
            dibuat=sekarang(),
        )
    )
    await s.flush()
    return await matriks(s, row, bawahan)


async def hapus_pegawai(s: AsyncSession, p: Principal, skp_id: str, nip: str, bawahan: list[Kolom]) -> Matriks:
    """Removes an added column and its cells; a bawahan's column stays."""
    row = await untuk_pemilik(s, p, skp_id)
    anggota = await s.get(MphAnggotaRow, (row.id, nip))
    if anggota is None:
        raise TidakValid("nip", "pegawai ini tidak ditambahkan dari unit lain pada matriks ini")
    await s.delete(anggota)
    if nip not in {b.nip for b in bawahan}:
        rhk_ids = [r.id for r in await repo.rhk_skp(s, [row.id])]
        await s.execute(delete(PeranHasilRow).where(PeranHasilRow.rhk_id.in_(rhk_ids), PeranHasilRow.nip == nip))
    await s.flush()
    return await matriks(s, row, bawahan)


def tanggal_acuan(row: SkpRow, hari_ini: dt.date) -> dt.date:
    return min(max(hari_ini, row.awal), row.akhir)
