"""Pemantauan dan Evaluasi (the penilai's part): Feedback, ratings, and the
views of one SKP's periods and of one period."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain import isian
from services.penilaian.domain import penilaian as aturan
from services.penilaian.domain.periode import PeriodeNilai, batas_bawaan, periode_skp, terbuka
from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.penilaian.store.models import (
    CapaianRow,
    CatatanEvaluasiRow,
    FeedbackRow,
    PenilaianRow,
)
from services.penilaian.usecases.konteks import (
    DataSkp,
    batas,
    cek_etag,
    harus_disetujui,
    jejak_tentang,
    periode,
    sebagai_penilai,
    sekarang,
)
from services.shared import jejak_audit
from services.shared.errors import AksesDitolak, TidakDitemukan, TidakValid
from services.shared.principal import Principal

PERILAKU_KODE = frozenset(
    {"BERORIENTASI_PELAYANAN", "AKUNTABEL", "KOMPETEN", "HARMONIS", "LOYAL", "ADAPTIF", "KOLABORATIF"}
)


@dataclass(frozen=True)
class Induk:
    """The unor induk of the SKP's unit, and whether the SKP's pegawai leads it."""

    id: str
    nama: str
    dipimpin: bool


@dataclass(frozen=True)
class InfoPeriode:
    periode: PeriodeNilai
    batas: dt.date
    terbuka: bool
    nilai: PenilaianRow | bacaan.Nilai | None
    capaian: str
    capaian_final: bool = False


@dataclass(frozen=True)
class Lengkap:
    info: InfoPeriode
    rencana_aksi: list[bacaan.RencanaAksi]
    bukti_dukung: list[bacaan.BuktiDukung]
    realisasi: list[bacaan.Realisasi]
    feedback: list[bacaan.Feedback]
    catatan: bacaan.Catatan | None = None


def boleh_baca(p: Principal, skp: DataSkp) -> None:
    """skp already refused readers without rights; here the view is the same
    for the pegawai (their own feedback) and the penilai."""
    harus_disetujui(skp)


async def _capaian(s: AsyncSession, induk: Induk | None, tahun: int) -> dict[str, CapaianRow]:
    if induk is None:
        return {}
    return {r.periode: r for r in await repo.capaian_induk(s, induk.id, tahun)}


async def periode_berisi(s: AsyncSession, skp: DataSkp) -> list[str]:
    """The period codes of this SKP holding anything the pegawai or the
    penilai recorded, whatever the SKP's status: an SKP returned to DRAFT
    keeps them. skp asks before Edit SKP drops a period (docs/domain.md#edit-skp);
    skp already refused readers without rights."""
    berisi = await repo.periode_berisian(s, skp.id)
    nilai = await repo.penilaian_skp(s, [skp.id])
    berisi.update(r.periode for r in nilai if aturan.berisi(r.rating_hasil, r.rating_perilaku, r.status))
    return sorted(berisi, key=lambda k: (k == "akhir", k))


async def daftar_periode(
    s: AsyncSession, p: Principal, skp: DataSkp, induk: Induk | None, hari_ini: dt.date
) -> list[InfoPeriode]:
    boleh_baca(p, skp)
    tanggal = await batas(s, skp.instansi_id, skp.tahun)
    nilai = {r.periode: r for r in await repo.penilaian_skp(s, [skp.id])}
    capaian = await _capaian(s, induk, skp.tahun)
    hasil = []
    for per in periode_skp(skp.awal, skp.akhir):
        row = nilai.get(per.kode)
        hasil.append(
            InfoPeriode(
                per,
                tanggal[per.kode],
                terbuka(hari_ini, tanggal[per.kode], row is not None and aturan.dibuka_lagi(row.status)),
                row,
                capaian[per.kode].capaian if per.kode in capaian else "",
                per.kode in capaian and capaian[per.kode].final,
            )
        )
    return hasil


@dataclass(frozen=True)
class BarisPeriode:
    """What one period holds in penilaian's tables, as read for GetPenilaian:
    the same for every caller who may read the SKP (server/evaluasi.py
    keeps it while the database is unchanged)."""

    kepala: bacaan.KepalaPeriode
    isi: bacaan.IsianPeriode


async def baca_periode(
    s: AsyncSession, skp: DataSkp, kode: str, induk: Induk | None, kepala: bacaan.KepalaPeriode | None = None
) -> BarisPeriode:
    """Two statements whatever the period holds. `kepala`: its head as this
    transaction has just read and written it (`nilai`), then not read again."""
    k = kepala or await repo.kepala_periode(s, skp.id, kode, skp.instansi_id, skp.tahun, induk.id if induk else "")
    return BarisPeriode(k, await repo.isian_lengkap(s, skp.id, kode))


def boleh_lihat_periode(p: Principal, skp: DataSkp, kode: str) -> None:
    """Raises unless the period exists in this SKP and the caller may read it:
    decided before anything of the period is read."""
    periode(skp, kode)
    boleh_baca(p, skp)


def lengkap(skp: DataSkp, kode: str, baris: BarisPeriode, hari_ini: dt.date) -> Lengkap:
    """One period as GetPenilaian shows it (after boleh_lihat_periode)."""
    k = baris.kepala
    tanggal = k.batas or batas_bawaan(skp.tahun, kode)
    info = InfoPeriode(
        periode(skp, kode),
        tanggal,
        terbuka(hari_ini, tanggal, k.nilai is not None and aturan.dibuka_lagi(k.nilai.status)),
        k.nilai,
        k.capaian,
        k.capaian_final,
    )
    isi = baris.isi
    return Lengkap(info, isi.rencana_aksi, isi.bukti_dukung, isi.realisasi, isi.feedback, k.catatan)


async def baca_lengkap(
    s: AsyncSession,
    p: Principal,
    skp: DataSkp,
    kode: str,
    induk: Induk | None,
    hari_ini: dt.date,
    kepala: bacaan.KepalaPeriode | None = None,
) -> Lengkap:
    """The period as a write leaves it, read in the write's transaction."""
    boleh_lihat_periode(p, skp, kode)
    return lengkap(skp, kode, await baca_periode(s, skp, kode, induk, kepala), hari_ini)


def _tentang(skp: DataSkp, tentang: str) -> str:
    if tentang.startswith("perilaku/") and tentang[9:] in PERILAKU_KODE:
        return f"perilaku:{tentang[9:]}"
    prefix = f"skp/{skp.id}/rhk/"
    if tentang.startswith(prefix) and tentang[len(prefix) :] in skp.rhk:
        return f"rhk:{tentang[len(prefix) :]}"
    raise TidakValid("feedback.tentang", "sebutkan RHK SKP ini ('skp/…/rhk/…') atau perilaku ('perilaku/AKUNTABEL')")


async def tambah_feedback(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, tentang: str, teks: str
) -> FeedbackRow:
    periode(skp, kode)
    sebagai_penilai(p, skp)
    jejak_tentang(skp)
    row = FeedbackRow(
        id=uuid.uuid4().hex,
        skp_id=skp.id,
        periode=kode,
        tentang=_tentang(skp, tentang),
        teks=isian.teks(teks, "feedback.teks"),
        penulis_akun=p.akun_id,
        penulis_nip=p.nip or "",
        penulis_nama=skp.penilai_nama,
        waktu=sekarang(),
    )
    repo.tambah(s, row)
    await repo.simpan(s)
    return row


async def _feedback_sendiri(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, row_id: str, etag: str
) -> FeedbackRow:
    periode(skp, kode)
    jejak_tentang(skp)
    row = await repo.satu(s, FeedbackRow, row_id)
    if row is None or row.skp_id != skp.id or row.periode != kode:
        raise TidakDitemukan("Feedback tidak ditemukan.")
    if row.penulis_akun != p.akun_id:
        raise AksesDitolak("Feedback hanya dapat diubah atau dihapus oleh penulisnya.")
    cek_etag(etag, row.versi, "Feedback")
    return row


async def ubah_feedback(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, row_id: str, teks: str, etag: str
) -> FeedbackRow:
    row = await _feedback_sendiri(s, p, skp, kode, row_id, etag)
    row.teks = isian.teks(teks, "feedback.teks")
    row.waktu = sekarang()
    await repo.simpan(s)
    return row


async def hapus_feedback(s: AsyncSession, p: Principal, skp: DataSkp, kode: str, row_id: str, etag: str) -> None:
    row = await _feedback_sendiri(s, p, skp, kode, row_id, etag)
    await repo.hapus(s, row)


async def tulis_catatan(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, teks: str, etag: str
) -> CatatanEvaluasiRow:
    """CATATAN / REKOMENDASI of the period: the penilai's, one per period."""
    periode(skp, kode)
    sebagai_penilai(p, skp)
    jejak_tentang(skp)
    teks = isian.teks(teks, "catatan", wajib=False)
    row = await repo.satu(s, CatatanEvaluasiRow, (skp.id, kode))
    if row is None:
        row = CatatanEvaluasiRow(skp_id=skp.id, periode=kode, teks="")
        repo.tambah(s, row)
    else:
        cek_etag(etag, row.versi, "Catatan / rekomendasi")
    jejak_audit.catat(sebelum=row.teks, sesudah=teks)
    row.teks, row.penulis_nip, row.penulis_nama, row.waktu = teks, p.nip or "", skp.penilai_nama, sekarang()
    await repo.simpan(s)
    return row


async def nilai(
    s: AsyncSession,
    p: Principal,
    skp: DataSkp,
    kode: str,
    hasil: str,
    perilaku: str,
    etag: str,
    induk: Induk,
    dari_capaian: str | None,
) -> bacaan.KepalaPeriode:
    """Both ratings at once; "" is "-". `dari_capaian`: the rating hasil a
    pimpinan of a unor induk must get from the unit's final capaian. Returns
    the period's head with the ratings as written (for `lengkap`), read in
    the statement that reads the ratings to change."""
    periode(skp, kode)
    sebagai_penilai(p, skp)
    jejak_tentang(skp)
    if dari_capaian is not None:
        hasil = aturan.rating_hasil_pimpinan(hasil, perilaku, dari_capaian)
    k = await repo.kepala_periode(s, skp.id, kode, skp.instansi_id, skp.tahun, induk.id)
    lama = k.nilai
    if lama is not None:
        cek_etag(etag, lama.versi, "Penilaian")
    jejak_audit.catat(sebelum=_rating(lama or _BELUM))
    hasil_predikat = aturan.predikat_dari(hasil, perilaku)
    baru = bacaan.Nilai(
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        predikat=hasil_predikat.name if hasil_predikat else "",
        status=aturan.status_sesudah((lama or _BELUM).status, hasil_predikat),
        dari_capaian=dari_capaian is not None,
        dinilai_oleh=skp.penilai_nama,
        waktu=sekarang(),
        versi=0,
    )
    jejak_audit.catat(sesudah=_rating(baru))
    pemilik = bacaan.PemilikNilai(skp.tahun, skp.instansi_id, skp.nip, induk.id, skp.penilai_nip)
    return replace(k, nilai=await repo.tulis_nilai(s, skp.id, kode, lama, baru, pemilik))


# A period not rated yet: how its record reads before the first rating.
_BELUM = bacaan.Nilai("", "", "", aturan.BELUM_DINILAI, False, "", None, 0)


def _rating(row: bacaan.Nilai) -> str:
    return (
        f"hasil={row.rating_hasil or '-'} perilaku={row.rating_perilaku or '-'} "
        f"predikat={row.predikat or '-'} status={row.status}"
    )


async def capaian_induk(s: AsyncSession, induk_id: str, tahun: int, kode: str) -> CapaianRow | None:
    return await repo.satu(s, CapaianRow, (induk_id, tahun, kode))


async def rating_dari_capaian(s: AsyncSession, skp: DataSkp, induk: Induk, kode: str) -> str | None:
    """The rating hasil a pimpinan of a unor induk must get: the unit's final
    capaian (docs/domain.md#capaian-kinerja-organisasi); None for everyone else. Before the
    capaian is final such a pimpinan cannot be rated."""
    if not induk.dipimpin:
        return None
    capaian = await capaian_induk(s, induk.id, skp.tahun, kode)
    return aturan.rating_dari_capaian_final(
        capaian.capaian if capaian else None, capaian is not None and capaian.final, skp.nama, induk.nama
    )
