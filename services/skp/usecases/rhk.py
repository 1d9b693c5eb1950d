"""RHK and indikator of an SKP, and the atasan's RHKs it may intervene."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.errors import TidakValid
from services.shared.principal import Principal
from services.skp.domain import isian
from services.skp.domain.periode import Periode
from services.skp.domain.status import KUANTITATIF, TAMBAHAN, UTAMA, harus_draft
from services.skp.domain.target import parse_target
from services.skp.store import repository as repo
from services.skp.store.models import IndikatorRow, RhkRow, SkpRow
from services.skp.usecases.umum import SkpApa, baca, cek_etag, sentuh, untuk_pemilik

ORGANISASI = "ORGANISASI"
INDIVIDU = "INDIVIDU"
ASPEK = ("KUANTITAS", "KUALITAS", "WAKTU", "BIAYA")

PETUNJUK_MPH = (
    "Pilihan RHK atasan kosong: pastikan Anda mengikuti proses diskusi kinerja melalui Matriks Peran "
    "Hasil (MPH) dari atasan terlebih dahulu — atasan Anda perlu menautkan Anda pada RHK Organisasi-nya. "
    "Setiap RHK Utama wajib mengintervensi RHK Organisasi atasan sebelum SKP diajukan."
)
PETUNJUK_TANPA_PENILAI = (
    "SKP ini belum memiliki pejabat penilai. Klik Muat Ulang pada kolom Pejabat Penilai "
    "Kinerja; bila Anda pimpinan tertinggi instansi, isi Perjanjian Kinerja."
)


@dataclass(frozen=True)
class Intervensi:
    rhk: RhkRow
    skp: SkpRow


@dataclass(frozen=True)
class IsianRhk:
    jenis: str
    klasifikasi: str
    rhk_atasan_id: str
    perjanjian_kinerja: str
    teks: str
    perspektif: str = ""


async def intervensi(s: AsyncSession, p: Principal, skp_id: str) -> tuple[list[Intervensi], str]:
    row = await baca(s, p, skp_id)
    return await pilihan_intervensi(s, row)


async def pilihan_intervensi(s: AsyncSession, row: SkpApa) -> tuple[list[Intervensi], str]:
    """The RHK Organisasi of the SKP's penilai, in an SKP overlapping this
    one, that the penilai assigned to this pegawai in the MPH
    (docs/domain.md#rhk): the choices offered, and what Ajukan accepts."""
    if not row.penilai_nip:
        return [], PETUNJUK_TANPA_PENILAI
    periode = Periode(row.awal, row.akhir)
    hasil = [
        Intervensi(r, k)
        for r, k in await repo.rhk_untuk_bawahan(s, row.penilai_nip, row.tahun, row.nip)
        if r.klasifikasi == ORGANISASI and Periode(k.awal, k.akhir).bertumpang(periode)
    ]
    return hasil, "" if hasil else PETUNJUK_MPH


def _jenis(value: str) -> str:
    if value not in (UTAMA, TAMBAHAN):
        raise TidakValid("rhk.jenis", "jenis RHK wajib dipilih: Utama atau Tambahan")
    return value


def _klasifikasi(row: SkpRow, value: str) -> str:
    if not row.pimpinan:
        if value == ORGANISASI:
            raise TidakValid("rhk.klasifikasi", "RHK Organisasi hanya untuk SKP pimpinan unit kerja (atau PLT/PLH)")
        return INDIVIDU
    if value not in (ORGANISASI, INDIVIDU):
        raise TidakValid("rhk.klasifikasi", "klasifikasi RHK wajib dipilih: Organisasi atau Individu")
    return value


async def _atasan(s: AsyncSession, row: SkpRow, rhk_atasan_id: str) -> Intervensi | None:
    if not rhk_atasan_id:
        return None
    if not row.penilai_nip:
        raise TidakValid(
            "rhk.rhk_atasan", "SKP tanpa pejabat penilai tidak mengintervensi RHK atasan; isi Perjanjian Kinerja"
        )
    pilihan, _ = await pilihan_intervensi(s, row)
    for i in pilihan:
        if i.rhk.id == rhk_atasan_id:
            return i
    raise TidakValid("rhk.rhk_atasan", "bukan RHK atasan yang ditautkan kepada Anda pada Matriks Peran Hasil")


def _terapkan(rhk: RhkRow, row: SkpRow, paths: set[str], v: IsianRhk, atasan: Intervensi | None) -> None:
    if "teks" in paths:
        rhk.teks = isian.teks(v.teks, "rhk.teks", isian.MAKS_RHK)
    if "jenis" in paths:
        rhk.jenis = _jenis(v.jenis)
    if "klasifikasi" in paths:
        rhk.klasifikasi = _klasifikasi(row, v.klasifikasi)
        rhk.unor_id = row.unor_id if rhk.klasifikasi == ORGANISASI else None
        rhk.unor_nama = row.unor_nama if rhk.klasifikasi == ORGANISASI else ""
    if "rhk_atasan" in paths:
        rhk.rhk_atasan_id = atasan.rhk.id if atasan else None
        rhk.rhk_atasan_skp_id = atasan.skp.id if atasan else None
        rhk.rhk_atasan_teks = atasan.rhk.teks if atasan else ""
    if "perjanjian_kinerja" in paths:
        rhk.perjanjian_kinerja = isian.teks(v.perjanjian_kinerja, "rhk.perjanjian_kinerja", isian.MAKS_RHK, wajib=False)
    if "perspektif" in paths:
        rhk.perspektif = isian.perspektif(v.perspektif, row.pimpinan, "rhk.perspektif")


async def _urutan_baru(s: AsyncSession, skp_id: str, jenis: str) -> int:
    return 1 + sum(1 for r in await repo.rhk_skp(s, [skp_id]) if r.jenis == jenis)


async def tambah(s: AsyncSession, p: Principal, skp_id: str, v: IsianRhk) -> tuple[SkpRow, RhkRow]:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    jenis = _jenis(v.jenis)
    rhk = RhkRow(
        id=uuid.uuid4().hex,
        skp_id=row.id,
        jenis=jenis,
        klasifikasi=INDIVIDU,
        unor_id=None,
        unor_nama="",
        rhk_atasan_id=None,
        rhk_atasan_skp_id=None,
        rhk_atasan_teks="",
        perjanjian_kinerja="",
        teks="",
        perspektif="",
        urutan=await _urutan_baru(s, row.id, jenis),
        diwarisi_dari=None,
    )
    _terapkan(
        rhk,
        row,
        {"teks", "klasifikasi", "rhk_atasan", "perjanjian_kinerja", "perspektif"},
        v,
        await _atasan(s, row, v.rhk_atasan_id),
    )
    s.add(rhk)
    sentuh(row)
    await s.flush()
    return row, rhk


async def ubah(
    s: AsyncSession, p: Principal, skp_id: str, rhk_id: str, paths: list[str], v: IsianRhk, urutan: int, etag: str
) -> tuple[SkpRow, RhkRow]:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    rhk = await repo.get_rhk(s, skp_id, rhk_id)
    cek_etag(etag, rhk.versi, "RHK")
    boleh = {"teks", "jenis", "klasifikasi", "rhk_atasan", "perjanjian_kinerja", "perspektif", "urutan"}
    if not paths:
        raise TidakValid("update_mask", "sebutkan field yang diubah")
    for path in paths:
        if path not in boleh:
            raise TidakValid("update_mask", f"field '{path}' tidak dapat diubah")
    semua = [r for r in await repo.rhk_skp(s, [skp_id])]
    jenis_lama = rhk.jenis
    atasan = await _atasan(s, row, v.rhk_atasan_id) if "rhk_atasan" in paths else None
    _terapkan(rhk, row, set(paths), v, atasan)
    if rhk.jenis != jenis_lama:
        _nomori([r for r in semua if r.jenis == jenis_lama and r.id != rhk.id])
        rhk.urutan = 1 + sum(1 for r in semua if r.jenis == rhk.jenis and r.id != rhk.id)
    if "urutan" in paths:
        sejenis = [r for r in semua if r.jenis == rhk.jenis]
        urut = isian.pindah([r.id for r in sejenis], rhk.id, urutan, "rhk.urutan")
        by_id = {r.id: r for r in sejenis}
        _nomori([by_id[i] for i in urut])
    sentuh(row)
    await s.flush()
    return row, rhk


def _nomori(rows: Sequence[RhkRow | IndikatorRow]) -> None:
    for n, r in enumerate(rows, start=1):
        if r.urutan != n:
            r.urutan = n


async def hapus(s: AsyncSession, p: Principal, skp_id: str, rhk_id: str, etag: str) -> None:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    rhk = await repo.get_rhk(s, skp_id, rhk_id)
    cek_etag(etag, rhk.versi, "RHK")
    await repo.hapus_rhk(s, rhk.id)
    _nomori([r for r in await repo.rhk_skp(s, [skp_id]) if r.jenis == rhk.jenis and r.id != rhk.id])
    sentuh(row)
    await s.flush()


@dataclass(frozen=True)
class IsianIndikator:
    aspek: str
    teks: str
    target: str


def _terapkan_indikator(ind: IndikatorRow, row: SkpRow, paths: set[str], v: IsianIndikator) -> None:
    if "aspek" in paths:
        if v.aspek not in ASPEK:
            raise TidakValid("indikator.aspek", "pilih aspek: Kuantitas, Kualitas, Waktu atau Biaya")
        ind.aspek = v.aspek
    if "teks" in paths:
        ind.teks = isian.teks(v.teks, "indikator.teks", isian.MAKS_INDIKATOR)
    if "target" in paths:
        t = parse_target(v.target, row.pendekatan == KUANTITATIF, "indikator.target")
        ind.target, ind.target_satuan = t.teks, t.satuan
        ind.target_angka = float(t.angka) if t.angka is not None else None
        ind.target_sampai = float(t.sampai) if t.sampai is not None else None


async def tambah_indikator(
    s: AsyncSession, p: Principal, skp_id: str, rhk_id: str, v: IsianIndikator
) -> tuple[SkpRow, IndikatorRow]:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    await repo.get_rhk(s, skp_id, rhk_id)
    ada = (await repo.indikator_rhk(s, [rhk_id]))[rhk_id]
    ind = IndikatorRow(
        id=uuid.uuid4().hex,
        rhk_id=rhk_id,
        aspek="",
        teks="",
        target="",
        target_angka=None,
        target_satuan="",
        target_sampai=None,
        urutan=len(ada) + 1,
    )
    _terapkan_indikator(ind, row, {"aspek", "teks", "target"}, v)
    s.add(ind)
    sentuh(row)
    await s.flush()
    return row, ind


async def ubah_indikator(
    s: AsyncSession,
    p: Principal,
    skp_id: str,
    rhk_id: str,
    indikator_id: str,
    paths: list[str],
    v: IsianIndikator,
    urutan: int,
    etag: str,
) -> tuple[SkpRow, IndikatorRow]:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    ind = await repo.get_indikator(s, rhk_id, indikator_id)
    cek_etag(etag, ind.versi, "Indikator")
    if not paths:
        raise TidakValid("update_mask", "sebutkan field yang diubah")
    for path in paths:
        if path not in ("aspek", "teks", "target", "urutan"):
            raise TidakValid("update_mask", f"field '{path}' tidak dapat diubah")
    _terapkan_indikator(ind, row, set(paths), v)
    if "urutan" in paths:
        semua = (await repo.indikator_rhk(s, [rhk_id]))[rhk_id]
        urut = isian.pindah([i.id for i in semua], ind.id, urutan, "indikator.urutan")
        by_id = {i.id: i for i in semua}
        _nomori([by_id[i] for i in urut])
    sentuh(row)
    await s.flush()
    return row, ind


async def hapus_indikator(
    s: AsyncSession, p: Principal, skp_id: str, rhk_id: str, indikator_id: str, etag: str
) -> None:
    row = await untuk_pemilik(s, p, skp_id)
    harus_draft(row.status)
    ind = await repo.get_indikator(s, rhk_id, indikator_id)
    cek_etag(etag, ind.versi, "Indikator")
    await s.delete(ind)
    await s.flush()
    _nomori((await repo.indikator_rhk(s, [rhk_id]))[rhk_id])
    sentuh(row)
    await s.flush()
