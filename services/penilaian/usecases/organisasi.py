"""Capaian Kinerja Organisasi, Batas, and the curve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import akses
from services.penilaian.domain.akses import (  # noqa: F401 (the capaian rule, re-exported)
    boleh_atur,
    boleh_atur_capaian,
    boleh_lihat_kurva_induk,
    pimpinan_di_atas,
)
from services.penilaian.domain.kurva import CAPAIAN, HasilKurva, periksa
from services.penilaian.domain.periode import KODE, validate_batas
from services.penilaian.domain.predikat import Predikat
from services.penilaian.store import repository as repo
from services.penilaian.store.models import BatasRow, CapaianRow
from services.penilaian.usecases.konteks import batas, cek_etag, sekarang
from services.shared.errors import KondisiTidakTerpenuhi, TidakValid
from services.shared.principal import Principal


async def atur_capaian(
    s: AsyncSession,
    p: Principal,
    instansi_id: str,
    induk_id: str,
    induk_nama: str,
    pimpinan_nip: str,
    di_atas: Collection[str],
    tahun: int,
    kode: str,
    capaian: str,
    etag: str,
) -> CapaianRow:
    boleh_atur_capaian(p, instansi_id, pimpinan_nip, di_atas)
    if capaian not in CAPAIAN:
        raise TidakValid("capaian", "pilih Istimewa, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang")
    row = await repo.satu(s, CapaianRow, (induk_id, tahun, kode))
    if row is None:
        row = CapaianRow(
            unor_induk_id=induk_id,
            tahun=tahun,
            periode=kode,
            instansi_id=instansi_id,
            unor_induk_nama=induk_nama,
            capaian=capaian,
            final=False,
            diubah_oleh=p.username or p.nip or "",
            waktu=sekarang(),
        )
        repo.tambah(s, row)
    else:
        cek_etag(etag, row.versi, "Capaian organisasi")
        if row.final:
            raise KondisiTidakTerpenuhi("Capaian organisasi periode ini sudah final dan tidak dapat diubah.")
        row.capaian, row.unor_induk_nama = capaian, induk_nama
        row.diubah_oleh, row.waktu = p.username or p.nip or "", sekarang()
    await repo.simpan(s)
    return row


async def finalisasi(
    s: AsyncSession,
    p: Principal,
    instansi_id: str,
    induk_id: str,
    pimpinan_nip: str,
    di_atas: Collection[str],
    tahun: int,
    kode: str,
    etag: str,
) -> CapaianRow:
    boleh_atur_capaian(p, instansi_id, pimpinan_nip, di_atas)
    row = await repo.satu(s, CapaianRow, (induk_id, tahun, kode))
    if row is None:
        raise KondisiTidakTerpenuhi("Capaian organisasi periode ini belum diisi; isi dahulu lalu finalisasi.")
    cek_etag(etag, row.versi, "Capaian organisasi")
    if row.final:
        raise KondisiTidakTerpenuhi("Capaian organisasi periode ini sudah final.")
    row.final, row.diubah_oleh, row.waktu = True, p.username or p.nip or "", sekarang()
    await repo.simpan(s)
    return row


async def daftar_capaian(s: AsyncSession, instansi_id: str, tahun: int, kode: str | None) -> list[CapaianRow]:
    return await repo.capaian_instansi(s, instansi_id, tahun, kode)


async def daftar_batas(s: AsyncSession, instansi_id: str, tahun: int) -> list[tuple[str, dt.date, bool]]:
    diatur = {r.periode for r in await repo.batas_diatur(s, instansi_id, tahun)}
    tanggal = await batas(s, instansi_id, tahun)
    return [(k, tanggal[k], k not in diatur) for k in KODE]


async def atur_batas(
    s: AsyncSession, p: Principal, tahun: int, kode: str, tanggal: dt.date | None, hari_ini: dt.date
) -> tuple[str, dt.date, bool]:
    akses.harus_admin(p, p.instansi_id)
    await repo.hapus_batas(s, p.instansi_id, tahun, kode)
    if tanggal is not None:
        repo.tambah(
            s,
            BatasRow(
                instansi_id=p.instansi_id,
                tahun=tahun,
                periode=kode,
                tanggal=validate_batas(tahun, kode, tanggal, hari_ini),
                diubah_oleh=p.username or p.nip or "",
            ),
        )
    await repo.simpan(s)
    return next(b for b in await daftar_batas(s, p.instansi_id, tahun) if b[0] == kode)


async def kurva_skp(s: AsyncSession, skp_ids: list[str], kode: str, capaian: str | None) -> tuple[HasilKurva, int]:
    """The curve over the given SKPs (a penilai's bawahan); returns it and how
    many of them have no predikat yet."""
    jumlah: dict[Predikat, int] = {}
    dinilai = 0
    if skp_ids:
        for predikat, n in await repo.predikat_skp(s, skp_ids, kode):
            jumlah[Predikat[predikat]] = n
            dinilai += n
    return periksa(capaian, jumlah), len(skp_ids) - dinilai


async def kurva_penilai(
    s: AsyncSession, penilai_nip: str, tahun: int, kode: str, capaian: str | None
) -> tuple[HasilKurva, int]:
    """The curve over the SKPs a penilai rates in a period, from the records
    alone (for readers of one of those SKPs, who may not list the others):
    returns it and how many records have no predikat yet."""
    jumlah: dict[Predikat, int] = {}
    belum = 0
    for predikat, n in await repo.predikat_penilai(s, penilai_nip, tahun, kode):
        if predikat:
            jumlah[Predikat[predikat]] = n
        else:
            belum += n
    return periksa(capaian, jumlah), belum


async def kurva_induk(
    s: AsyncSession, induk_id: str, tahun: int, kode: str, capaian: str | None
) -> tuple[HasilKurva, int]:
    """The curve over the penilaian records of a unor induk; the second value
    counts records without a predikat yet (an SKP nobody has started to rate
    has no record here: the penilai's own curve counts those)."""
    jumlah = dict(await repo.predikat_induk(s, induk_id, tahun, kode))
    return periksa(capaian, {Predikat[p]: n for p, n in jumlah.items() if p}), jumlah.get("", 0)
