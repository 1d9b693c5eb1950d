"""Ekspektasi Khusus Pimpinan (by the penilai) and Lampiran (by the pegawai)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared.errors import KondisiTidakTerpenuhi, TidakValid
from services.shared.principal import Principal
from services.skp.domain import isian
from services.skp.domain.perilaku import BERAKHLAK
from services.skp.domain.status import PERSETUJUAN, harus_draft
from services.skp.usecases.umum import Tampilan, sentuh, tampilan, untuk_pemilik, untuk_penilai

LAMPIRAN = ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi")
KODE = {p.kode for p in BERAKHLAK}


async def ekspektasi(s: AsyncSession, p: Principal, skp_id: str, kode: str, teks: str, etag: str) -> Tampilan:
    row = await untuk_penilai(s, p, skp_id, etag)
    if kode not in KODE:
        raise TidakValid("kode", "bukan perilaku kerja BerAKHLAK; lihat ListPerilakuKerja")
    if row.status == PERSETUJUAN:
        raise KondisiTidakTerpenuhi("SKP sudah disetujui; ekspektasi hanya dapat diubah saat DRAFT atau PENGAJUAN.")
    nilai = isian.teks(teks, "ekspektasi", isian.MAKS_EKSPEKTASI, wajib=False)
    baru = dict(row.ekspektasi or {})
    if nilai:
        baru[kode] = nilai
    else:
        baru.pop(kode, None)
    row.ekspektasi = baru  # a new object: the JSON column sees the change
    sentuh(row)
    return await tampilan(s, row)


async def lampiran(
    s: AsyncSession, p: Principal, skp_id: str, paths: list[str], nilai: dict[str, list[str]], etag: str
) -> Tampilan:
    row = await untuk_pemilik(s, p, skp_id, etag)
    harus_draft(row.status)
    if not paths:
        raise TidakValid("update_mask", "sebutkan daftar yang diubah: " + ", ".join(LAMPIRAN))
    baru = dict(row.lampiran or {})
    for path in paths:
        if path not in LAMPIRAN:
            raise TidakValid("update_mask", f"'{path}' bukan bagian lampiran")
        baru[path] = isian.butir_lampiran(nilai[path], f"lampiran.{path}")
    row.lampiran = baru
    sentuh(row)
    return await tampilan(s, row)
