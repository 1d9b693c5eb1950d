"""penilaian's queries. Use cases call these; nothing else touches SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Integer,
    String,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    null,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.elements import ColumnElement

from services.penilaian.store import bacaan
from services.penilaian.store.models import (
    BatasRow,
    BuktiDukungRow,
    CapaianRow,
    CatatanEvaluasiRow,
    FeedbackRow,
    PenilaianRow,
    RealisasiRow,
    RencanaAksiRow,
)

T = TypeVar("T")


# --- writes -----------------------------------------------------------------


def tambah(s: AsyncSession, row: Any) -> None:
    """A new row, written with the next `simpan`."""
    s.add(row)


async def simpan(s: AsyncSession) -> None:
    """Writes the changes made to rows read in this transaction."""
    await s.flush()


async def hapus(s: AsyncSession, row: Any) -> None:
    await s.delete(row)
    await s.flush()


async def satu(s: AsyncSession, model: type[T], kunci: Any) -> T | None:
    """One row by its primary key."""
    return await s.get(model, kunci)


# --- the hot writes: UpdateRealisasi, CreateBuktiDukung, SetRating ------------
# In Core, inside the RPC's transaction (issue 18): loading the row as an ORM
# object and flushing it through the unit of work cost more CPU than the SQL.
# The statements are built once with bind parameters (a statement built per
# call computes its cache key afresh). Optimistic locking is the ORM's
# version_id_col done by hand: a row is inserted at versi 1, and every UPDATE
# or DELETE says "WHERE versi = <what was read>" and bumps it; a row that
# moved meanwhile raises StaleDataError as the ORM would, which
# idempotency._with_retry runs again on fresh data. Two first INSERTs of the
# same key raise IntegrityError there, likewise retried.

_REALISASI = cast(Table, RealisasiRow.__table__)
_BUKTI = cast(Table, BuktiDukungRow.__table__)
_PENILAIAN = cast(Table, PenilaianRow.__table__)


def _kunci(t: Table, *kolom: str) -> ColumnElement[bool]:
    """Key columns bind as :k_<column>: the bare names are the SET values'."""
    return and_(*(t.c[k] == bindparam(f"k_{k}") for k in kolom))


def _ubah(t: Table, kunci: tuple[str, ...], kolom: tuple[str, ...]) -> Any:
    return (
        update(t)
        .where(_kunci(t, *kunci), t.c.versi == bindparam("versi_lama"))
        .values({k: bindparam(k) for k in (*kolom, "versi")})
    )


_KUNCI_REALISASI = ("skp_id", "periode", "indikator_id")
_KUNCI_PENILAIAN = ("skp_id", "periode")
_rl, _n = _REALISASI.c, _PENILAIAN.c
REALISASI_TAMBAH = insert(_REALISASI)
REALISASI_UBAH = _ubah(_REALISASI, _KUNCI_REALISASI, ("realisasi", "sumber_data", "diubah"))
REALISASI_HAPUS = delete(_REALISASI).where(_kunci(_REALISASI, *_KUNCI_REALISASI), _rl.versi == bindparam("versi_lama"))
BUKTI_TAMBAH = insert(_BUKTI)
NILAI_TAMBAH = insert(_PENILAIAN)
NILAI_UBAH = _ubah(
    _PENILAIAN,
    _KUNCI_PENILAIAN,
    (
        "rating_hasil",
        "rating_perilaku",
        "predikat",
        "status",
        "dari_capaian",
        "dinilai_oleh",
        "waktu",
        "unor_induk_id",
        "penilai_nip",
    ),
)


def _kolom(baris: Any, **lain: object) -> dict[str, object]:
    """A read row's fields by name — they are its table's columns — with the
    columns it does not carry."""
    return {f.name: getattr(baris, f.name) for f in fields(baris)} | lain


def _dibaca(baris: Any, kunci: tuple[str, ...]) -> dict[str, object]:
    """The binds that find a row as it was read: its key and its versi then."""
    return {f"k_{k}": getattr(baris, k) for k in kunci} | {"versi_lama": baris.versi}


def _satu_baris(hasil: Any) -> None:
    if hasil.rowcount != 1:
        raise StaleDataError("baris telah diubah atau dihapus sejak dibaca")


async def tambah_realisasi(s: AsyncSession, r: bacaan.Realisasi, diubah: dt.datetime) -> bacaan.Realisasi:
    """`r` as it is to be, whatever its versi: the new row's is 1."""
    baru = replace(r, versi=1)
    await s.execute(REALISASI_TAMBAH, _kolom(baru, diubah=diubah))
    return baru


async def ubah_realisasi(
    s: AsyncSession, lama: bacaan.Realisasi, teks: str, sumber_data: str, diubah: dt.datetime
) -> bacaan.Realisasi:
    baru = replace(lama, realisasi=teks, sumber_data=sumber_data, versi=lama.versi + 1)
    nilai = {"realisasi": teks, "sumber_data": sumber_data, "diubah": diubah, "versi": baru.versi}
    _satu_baris(await s.execute(REALISASI_UBAH, nilai | _dibaca(lama, _KUNCI_REALISASI)))
    return baru


async def hapus_realisasi(s: AsyncSession, lama: bacaan.Realisasi) -> None:
    _satu_baris(await s.execute(REALISASI_HAPUS, _dibaca(lama, _KUNCI_REALISASI)))


async def tambah_bukti(s: AsyncSession, r: bacaan.BuktiDukung, dibuat: dt.datetime) -> bacaan.BuktiDukung:
    """`r` as it is to be, whatever its versi: the new row's is 1."""
    baru = replace(r, versi=1)
    await s.execute(BUKTI_TAMBAH, _kolom(baru, dibuat=dibuat))
    return baru


async def tulis_nilai(
    s: AsyncSession, skp_id: str, kode: str, lama: bacaan.Nilai | None, baru: bacaan.Nilai, pemilik: bacaan.PemilikNilai
) -> bacaan.Nilai:
    """Writes `baru` over `lama` (None: no row yet); the returned record has its new versi."""
    milik = {"unor_induk_id": pemilik.unor_induk_id, "penilai_nip": pemilik.penilai_nip}
    if lama is None:
        baru = replace(baru, versi=1)
        baris = {"skp_id": skp_id, "periode": kode, "tahun": pemilik.tahun, "instansi_id": pemilik.instansi_id}
        await s.execute(NILAI_TAMBAH, _kolom(baru, **milik, **baris, nip=pemilik.nip))
        return baru
    baru = replace(baru, versi=lama.versi + 1)
    kunci = {"k_skp_id": skp_id, "k_periode": kode, "versi_lama": lama.versi}
    _satu_baris(await s.execute(NILAI_UBAH, _kolom(baru, **milik) | kunci))
    return baru


# --- Batas ------------------------------------------------------------------


async def batas_diatur(s: AsyncSession, instansi_id: str, tahun: int) -> list[BatasRow]:
    """The Batas an admin set in an instansi for a year (the others are the default)."""
    return list(await s.scalars(select(BatasRow).where(BatasRow.instansi_id == instansi_id, BatasRow.tahun == tahun)))


async def hapus_batas(s: AsyncSession, instansi_id: str, tahun: int, kode: str) -> None:
    await s.execute(
        delete(BatasRow).where(BatasRow.instansi_id == instansi_id, BatasRow.tahun == tahun, BatasRow.periode == kode)
    )


# --- one SKP's periods ------------------------------------------------------


async def penilaian_skp(s: AsyncSession, skp_ids: Iterable[str], kode: str | None = None) -> list[PenilaianRow]:
    """The penilaian records of these SKPs, of one period or of all."""
    stmt = select(PenilaianRow).where(PenilaianRow.skp_id.in_(list(skp_ids)))
    if kode is not None:
        stmt = stmt.where(PenilaianRow.periode == kode)
    return list(await s.scalars(stmt))


async def nilai_periode(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, bacaan.Nilai]:
    """The ratings of these SKPs in one period, by SKP id, as plain values (Rekap: up to 1,000)."""
    n = PenilaianRow.__table__.c
    rows = await s.execute(
        select(
            n.skp_id,
            n.rating_hasil,
            n.rating_perilaku,
            n.predikat,
            n.status,
            n.dari_capaian,
            n.dinilai_oleh,
            n.waktu,
            n.versi,
        ).where(n.skp_id.in_(skp_ids), n.periode == kode)
    )
    return {r[0]: bacaan.Nilai(r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8]) for r in rows}


async def periode_berisian(s: AsyncSession, skp_id: str) -> set[str]:
    """The periods of an SKP holding a Rencana Aksi, Bukti Dukung, Realisasi or Feedback."""
    berisi: set[str] = set()
    for model in (RencanaAksiRow, BuktiDukungRow, RealisasiRow, FeedbackRow):
        berisi.update(await s.scalars(select(model.periode).where(model.skp_id == skp_id).distinct()))
    return berisi


def _milik(model: Any, skp_id: str, kode: str) -> Any:
    return select(model).where(model.skp_id == skp_id, model.periode == kode)


async def isian_periode(
    s: AsyncSession, skp_id: str, kode: str
) -> tuple[list[RencanaAksiRow], list[BuktiDukungRow], list[RealisasiRow]]:
    """The pegawai's entries of one period, each kind in the order it was made."""
    return (
        list(await s.scalars(_milik(RencanaAksiRow, skp_id, kode).order_by(RencanaAksiRow.dibuat, RencanaAksiRow.id))),
        list(await s.scalars(_milik(BuktiDukungRow, skp_id, kode).order_by(BuktiDukungRow.dibuat, BuktiDukungRow.id))),
        list(await s.scalars(_milik(RealisasiRow, skp_id, kode))),
    )


def _kepala_periode(dengan_realisasi: bool = False) -> Any:
    """`dengan_realisasi`: also the realisasi of :indikator_id (rl_*)."""
    n, c = PenilaianRow.__table__.c, CatatanEvaluasiRow.__table__.c
    b, k = BatasRow.__table__.c, CapaianRow.__table__.c
    skp_id, kode = bindparam("skp_id", type_=String), bindparam("kode", type_=String)
    tahun = bindparam("tahun", type_=Integer)
    satu = select(literal(1).label("satu")).subquery("satu")
    sumber = (
        satu.outerjoin(PenilaianRow.__table__, and_(n.skp_id == skp_id, n.periode == kode))
        .outerjoin(CatatanEvaluasiRow.__table__, and_(c.skp_id == skp_id, c.periode == kode))
        .outerjoin(
            BatasRow.__table__,
            and_(b.instansi_id == bindparam("instansi_id", type_=String), b.tahun == tahun, b.periode == kode),
        )
        .outerjoin(
            CapaianRow.__table__,
            and_(k.unor_induk_id == bindparam("induk_id", type_=String), k.tahun == tahun, k.periode == kode),
        )
    )
    kolom = [
        n.rating_hasil,
        n.rating_perilaku,
        n.predikat,
        n.status,
        n.dari_capaian,
        n.dinilai_oleh,
        n.waktu,
        n.versi,
        c.teks.label("catatan"),
        c.versi.label("catatan_versi"),
        b.tanggal,
        k.capaian,
        k.final,
    ]
    if dengan_realisasi:
        rl = _rl
        sumber = sumber.outerjoin(
            _REALISASI,
            and_(rl.skp_id == skp_id, rl.periode == kode, rl.indikator_id == bindparam("indikator_id", type_=String)),
        )
        kolom += [rl.rhk_id.label("rl_rhk_id"), rl.realisasi.label("rl_realisasi")]
        kolom += [rl.sumber_data.label("rl_sumber_data"), rl.versi.label("rl_versi")]
    return select(*kolom).select_from(sumber)


def _isian_lengkap() -> Any:
    ra, bd = RencanaAksiRow.__table__.c, BuktiDukungRow.__table__.c
    rl, fb = RealisasiRow.__table__.c, FeedbackRow.__table__.c
    kosong = literal("", String)

    def bagian(jenis: str, t: Any, id_: Any, rhk: Any, teks: Any, lain: Any, nip: Any, waktu: Any) -> Any:
        return select(
            literal(jenis, String).label("jenis"),
            id_.label("id"),
            rhk.label("rhk"),
            teks.label("teks"),
            lain.label("lain"),
            nip.label("nip"),
            waktu.label("waktu"),
            t.versi.label("versi"),
        ).where(t.skp_id == bindparam("skp_id", type_=String), t.periode == bindparam("kode", type_=String))

    semua = union_all(
        bagian("ra", ra, ra.id, ra.rhk_id, ra.teks, kosong, kosong, ra.dibuat),
        bagian("bd", bd, bd.id, bd.rhk_id, bd.nama, bd.tautan, kosong, bd.dibuat),
        bagian("rl", rl, rl.indikator_id, rl.rhk_id, rl.realisasi, rl.sumber_data, kosong, null()),
        bagian("fb", fb, fb.id, fb.tentang, fb.teks, fb.penulis_nama, fb.penulis_nip, fb.waktu),
    ).subquery("isian")
    return select(semua).order_by(semua.c.jenis, semua.c.waktu, semua.c.id)


# Built once: the two reads of every GetPenilaian and SetRating answer only bind values.
KEPALA_PERIODE = _kepala_periode()
KEPALA_REALISASI = _kepala_periode(dengan_realisasi=True)
ISIAN_LENGKAP = _isian_lengkap()


async def kepala_periode(
    s: AsyncSession, skp_id: str, kode: str, instansi_id: str, tahun: int, induk_id: str
) -> bacaan.KepalaPeriode:
    """One statement, one row: a constant row LEFT JOINed to each one-row
    lookup by primary key (ratings, CATATAN, Batas, capaian)."""
    param = {"skp_id": skp_id, "kode": kode, "instansi_id": instansi_id, "tahun": tahun, "induk_id": induk_id}
    return _kepala((await s.execute(KEPALA_PERIODE, param)).one())


async def kepala_realisasi(
    s: AsyncSession, skp_id: str, kode: str, instansi_id: str, tahun: int, indikator_id: str
) -> tuple[bacaan.KepalaPeriode, bacaan.Realisasi | None]:
    """kepala_periode (no unor induk) and the realisasi of one indikator, in
    the same statement: UpdateRealisasi's one read."""
    param = {"skp_id": skp_id, "kode": kode, "instansi_id": instansi_id, "tahun": tahun, "induk_id": ""}
    r = (await s.execute(KEPALA_REALISASI, {**param, "indikator_id": indikator_id})).one()
    rl = (
        None
        if r.rl_versi is None
        else bacaan.Realisasi(skp_id, kode, indikator_id, r.rl_rhk_id, r.rl_realisasi, r.rl_sumber_data, r.rl_versi)
    )
    return _kepala(r), rl


def _kepala(r: Any) -> bacaan.KepalaPeriode:
    nilai = (
        None
        if r.status is None
        else bacaan.Nilai(
            r.rating_hasil,
            r.rating_perilaku,
            r.predikat,
            r.status,
            bool(r.dari_capaian),
            r.dinilai_oleh,
            r.waktu,
            r.versi,
        )
    )
    catatan = None if r.catatan_versi is None else bacaan.Catatan(r.catatan, r.catatan_versi)
    return bacaan.KepalaPeriode(nilai, catatan, r.tanggal, r.capaian or "", bool(r.final))


async def isian_lengkap(s: AsyncSession, skp_id: str, kode: str) -> bacaan.IsianPeriode:
    """The Rencana Aksi, Bukti Dukung, Realisasi and Feedback of one period
    in one statement (UNION ALL of the four, each in the order it was made)."""
    hasil = bacaan.IsianPeriode([], [], [], [])
    for r in await s.execute(ISIAN_LENGKAP, {"skp_id": skp_id, "kode": kode}):
        if r.jenis == "ra":
            hasil.rencana_aksi.append(bacaan.RencanaAksi(skp_id, kode, r.id, r.rhk, r.teks, r.versi))
        elif r.jenis == "bd":
            hasil.bukti_dukung.append(bacaan.BuktiDukung(skp_id, kode, r.id, r.rhk, r.teks, r.lain, r.versi))
        elif r.jenis == "rl":
            hasil.realisasi.append(bacaan.Realisasi(skp_id, kode, r.id, r.rhk, r.teks, r.lain, r.versi))
        else:
            hasil.feedback.append(bacaan.Feedback(skp_id, kode, r.id, r.rhk, r.teks, r.nip, r.lain, r.waktu, r.versi))
    return hasil


async def feedback_periode(s: AsyncSession, skp_id: str, kode: str) -> list[FeedbackRow]:
    return list(await s.scalars(_milik(FeedbackRow, skp_id, kode).order_by(FeedbackRow.waktu, FeedbackRow.id)))


async def catatan_semua(s: AsyncSession, skp_ids: list[str], kode: str) -> list[CatatanEvaluasiRow]:
    return list(
        await s.scalars(
            select(CatatanEvaluasiRow).where(CatatanEvaluasiRow.skp_id.in_(skp_ids), CatatanEvaluasiRow.periode == kode)
        )
    )


# --- Capaian Kinerja Organisasi and the curve --------------------------------


async def capaian_induk(s: AsyncSession, induk_id: str, tahun: int) -> list[CapaianRow]:
    """A unor induk's capaian of every period of a year."""
    return list(
        await s.scalars(select(CapaianRow).where(CapaianRow.unor_induk_id == induk_id, CapaianRow.tahun == tahun))
    )


async def capaian_instansi(s: AsyncSession, instansi_id: str, tahun: int, kode: str | None) -> list[CapaianRow]:
    stmt = select(CapaianRow).where(CapaianRow.instansi_id == instansi_id, CapaianRow.tahun == tahun)
    if kode:
        stmt = stmt.where(CapaianRow.periode == kode)
    return list(await s.scalars(stmt))


async def _hitung_predikat(s: AsyncSession, *syarat: ColumnElement[bool]) -> list[tuple[str, int]]:
    """(predikat, count) over the penilaian records matching `syarat`: the one
    query behind every distribution curve, which differ only in whose records."""
    rows = await s.execute(select(PenilaianRow.predikat, func.count()).where(*syarat).group_by(PenilaianRow.predikat))
    return [(p, n) for p, n in rows]


async def predikat_skp(s: AsyncSession, skp_ids: list[str], kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the rated records of these SKPs in a period."""
    n = PenilaianRow
    return await _hitung_predikat(s, n.skp_id.in_(skp_ids), n.periode == kode, n.predikat != "")


async def predikat_penilai(s: AsyncSession, penilai_nip: str, tahun: int, kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the records a penilai rates in a period; "" is not rated yet."""
    n = PenilaianRow
    return await _hitung_predikat(s, n.penilai_nip == penilai_nip, n.tahun == tahun, n.periode == kode)


async def predikat_induk(s: AsyncSession, induk_id: str, tahun: int, kode: str) -> list[tuple[str, int]]:
    """(predikat, count) over the records of a unor induk in a period; "" is not rated yet."""
    n = PenilaianRow
    return await _hitung_predikat(s, n.unor_induk_id == induk_id, n.tahun == tahun, n.periode == kode)


# --- Rekap ------------------------------------------------------------------


async def jumlah_realisasi(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, int]:
    return {
        skp_id: n
        for skp_id, n in await s.execute(
            select(RealisasiRow.skp_id, func.count())
            .where(RealisasiRow.skp_id.in_(skp_ids), RealisasiRow.periode == kode)
            .group_by(RealisasiRow.skp_id)
        )
    }


async def jumlah_feedback(s: AsyncSession, skp_ids: list[str], kode: str) -> dict[str, int]:
    return {
        skp_id: n
        for skp_id, n in await s.execute(
            select(FeedbackRow.skp_id, func.count())
            .where(FeedbackRow.skp_id.in_(skp_ids), FeedbackRow.periode == kode)
            .group_by(FeedbackRow.skp_id)
        )
    }
