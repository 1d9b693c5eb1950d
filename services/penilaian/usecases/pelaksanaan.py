"""Pelaksanaan Kinerja (the pegawai's part): Rencana Aksi, Bukti Dukung and
Realisasi of a period."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import isian
from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.penilaian.store.models import BuktiDukungRow, RencanaAksiRow
from services.penilaian.usecases.konteks import (
    DataSkp,
    cek_etag,
    harus_terbuka,
    rhk_milik,
    sekarang,
    terbuka_realisasi,
)
from services.shared.errors import TidakDitemukan, TidakValid
from services.shared.principal import Principal


async def tambah_rencana_aksi(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, rhk_id: str, teks: str, hari_ini: dt.date
) -> RencanaAksiRow:
    await harus_terbuka(s, p, skp, kode, hari_ini)
    row = RencanaAksiRow(
        id=uuid.uuid4().hex,
        skp_id=skp.id,
        periode=kode,
        rhk_id=rhk_milik(skp, rhk_id, "rencana_aksi.rhk"),
        teks=isian.teks(teks, "rencana_aksi.teks"),
        dibuat=sekarang(),
    )
    repo.tambah(s, row)
    await repo.simpan(s)
    return row


async def _milik(s: AsyncSession, model: type[Any], skp: DataSkp, kode: str, row_id: str, apa: str) -> Any:
    row = await repo.satu(s, model, row_id)
    if row is None or row.skp_id != skp.id or row.periode != kode:
        raise TidakDitemukan(f"{apa} tidak ditemukan.")
    return row


async def ubah_rencana_aksi(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, row_id: str, teks: str, etag: str, hari_ini: dt.date
) -> RencanaAksiRow:
    await harus_terbuka(s, p, skp, kode, hari_ini)
    row: RencanaAksiRow = await _milik(s, RencanaAksiRow, skp, kode, row_id, "Rencana aksi")
    cek_etag(etag, row.versi, "Rencana aksi")
    row.teks = isian.teks(teks, "rencana_aksi.teks")
    await repo.simpan(s)
    return row


async def hapus(
    s: AsyncSession,
    p: Principal,
    skp: DataSkp,
    kode: str,
    model: type,
    row_id: str,
    etag: str,
    apa: str,
    hari_ini: dt.date,
) -> None:
    await harus_terbuka(s, p, skp, kode, hari_ini)
    row = await _milik(s, model, skp, kode, row_id, apa)
    cek_etag(etag, row.versi, apa)
    await repo.hapus(s, row)


async def tambah_bukti(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, rhk_id: str, nama: str, tautan: str, hari_ini: dt.date
) -> bacaan.BuktiDukung:
    await harus_terbuka(s, p, skp, kode, hari_ini)
    row = bacaan.BuktiDukung(
        skp_id=skp.id,
        periode=kode,
        id=uuid.uuid4().hex,
        rhk_id=rhk_milik(skp, rhk_id, "bukti_dukung.rhk"),
        nama=isian.teks(nama, "bukti_dukung.nama", isian.MAKS_NAMA),
        tautan=isian.tautan(tautan, "bukti_dukung.tautan"),
        versi=0,
    )
    return await repo.tambah_bukti(s, row, sekarang())


async def ubah_bukti(
    s: AsyncSession,
    p: Principal,
    skp: DataSkp,
    kode: str,
    row_id: str,
    nama: str,
    tautan: str,
    etag: str,
    hari_ini: dt.date,
) -> BuktiDukungRow:
    await harus_terbuka(s, p, skp, kode, hari_ini)
    row: BuktiDukungRow = await _milik(s, BuktiDukungRow, skp, kode, row_id, "Bukti dukung")
    cek_etag(etag, row.versi, "Bukti dukung")
    row.nama = isian.teks(nama, "bukti_dukung.nama", isian.MAKS_NAMA)
    row.tautan = isian.tautan(tautan, "bukti_dukung.tautan")
    await repo.simpan(s)
    return row


async def ubah_realisasi(
    s: AsyncSession,
    p: Principal,
    skp: DataSkp,
    kode: str,
    indikator_id: str,
    realisasi: str,
    sumber_data: str,
    etag: str,
    hari_ini: dt.date,
) -> bacaan.Realisasi | None:
    """Sets the realisasi of an indikator; both texts empty clears it (None)."""
    row = await terbuka_realisasi(s, p, skp, kode, indikator_id, hari_ini)
    if indikator_id not in skp.indikator:
        raise TidakValid("realisasi.indikator", "bukan indikator dari SKP ini")
    if row is not None:
        cek_etag(etag, row.versi, "Realisasi")
    teks = isian.teks(realisasi, "realisasi.realisasi", wajib=False)
    sumber = isian.teks(sumber_data, "realisasi.sumber_data", wajib=False)
    if not teks and not sumber:
        if row is not None:
            await repo.hapus_realisasi(s, row)
        return None
    if not teks:
        raise TidakValid("realisasi.realisasi", "isi realisasinya, misalnya '3 bulan'")
    if skp.kuantitatif:
        isian.realisasi_kuantitatif(teks)
    if row is None:
        baru = bacaan.Realisasi(skp.id, kode, indikator_id, skp.indikator[indikator_id], teks, sumber, versi=0)
        return await repo.tambah_realisasi(s, baru, sekarang())
    return await repo.ubah_realisasi(s, row, teks, sumber, sekarang())
