"""Isian periode from XLSX (docs/isian-xlsx.md): the pegawai's template of
one period, and the filled one applied row by row through the Pelaksanaan
Kinerja use cases (services/penilaian/usecases/pelaksanaan.py), the very
code of CreateRencanaAksi, UpdateRencanaAksi, CreateBuktiDukung,
UpdateBuktiDukung and UpdateRealisasi."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain.periode import PeriodeNilai, tanggal_teks
from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.penilaian.store.models import BuktiDukungRow, RealisasiRow, RencanaAksiRow
from services.penilaian.usecases import lembar_xlsx as lx
from services.penilaian.usecases import pelaksanaan as uc
from services.penilaian.usecases.konteks import DataSkp, harus_terbuka
from services.penilaian.usecases.unggah import Hasil, SelKolom, satu_baris
from services.shared.errors import TidakValid
from services.shared.principal import Principal

INFO, RA, BD, RE = "Info", "Rencana Aksi", "Bukti Dukung", "Realisasi"
JUDUL = {
    INFO: ("KETERANGAN", "NILAI"),
    RA: ("ID", "RHK ID", "RHK", "RENCANA AKSI"),
    BD: ("ID", "RHK ID", "RHK", "NAMA BUKTI DUKUNG", "TAUTAN"),
    RE: ("INDIKATOR ID", "RHK", "INDIKATOR", "TARGET", "REALISASI", "SUMBER DATA"),
}
# The field a use case names → the column that holds it.
KOLOM = {
    RA: {"rencana_aksi.rhk": "RHK ID", "rencana_aksi.teks": "RENCANA AKSI"},
    BD: {"bukti_dukung.rhk": "RHK ID", "bukti_dukung.nama": "NAMA BUKTI DUKUNG", "bukti_dukung.tautan": "TAUTAN"},
    RE: {
        "realisasi.indikator": "INDIKATOR ID",
        "realisasi.realisasi": "REALISASI",
        "realisasi.sumber_data": "SUMBER DATA",
    },
}


@dataclass(frozen=True)
class Indikator:
    id: str
    teks: str
    target: str


@dataclass(frozen=True)
class Rhk:
    id: str
    teks: str
    indikator: tuple[Indikator, ...]


async def _isi(
    s: AsyncSession, skp: DataSkp, kode: str
) -> tuple[list[RencanaAksiRow], list[BuktiDukungRow], list[RealisasiRow]]:
    return await repo.isian_periode(s, skp.id, kode)


async def template(
    s: AsyncSession, skp: DataSkp, rhk: list[Rhk], per: PeriodeNilai, batas: dt.date, name: str
) -> bytes:
    """The workbook: Info (which period, whose), then one sheet per kind of
    entry with what is recorded now and, per RHK without any, an empty row
    to fill. Ids and NIP are text cells."""
    ra, bd, re = await _isi(s, skp, per.kode)
    teks_rhk = {r.id: r.teks for r in rhk}
    wb, _ = lx.buku()
    info = lx.lembar_baru(wb, INFO, list(JUDUL[INFO]), [18, 60], teks_kolom="B")
    for k, v in (
        ("PERIODE ID", name),
        ("NIP", skp.nip),
        ("NAMA", skp.nama),
        ("JABATAN", skp.jabatan),
        ("PERIODE", f"{per.nama} ({tanggal_teks(per.awal)} - {tanggal_teks(per.akhir)})"),
        ("BATAS", tanggal_teks(batas)),
        (
            "PETUNJUK",
            "Isi lembar Rencana Aksi, Bukti Dukung dan Realisasi. Baris baru: salin RHK ID dari "
            "baris lain dan kosongkan ID. Jangan ubah kolom ID, RHK ID dan INDIKATOR ID.",
        ),
    ):
        lx.tambah(info, [k, v])
    lembar = lx.lembar_baru(wb, RA, list(JUDUL[RA]), [34, 34, 50, 60], teks_kolom="AB")
    for a in ra:
        lx.tambah(lembar, [a.id, a.rhk_id, teks_rhk.get(a.rhk_id, ""), a.teks])
    for r in rhk:
        if not any(x.rhk_id == r.id for x in ra):
            lx.tambah(lembar, ["", r.id, r.teks, ""])
    lembar = lx.lembar_baru(wb, BD, list(JUDUL[BD]), [34, 34, 50, 40, 50], teks_kolom="AB")
    for b in bd:
        lx.tambah(lembar, [b.id, b.rhk_id, teks_rhk.get(b.rhk_id, ""), b.nama, b.tautan])
    for r in rhk:
        if not any(x.rhk_id == r.id for x in bd):
            lx.tambah(lembar, ["", r.id, r.teks, "", ""])
    lembar = lx.lembar_baru(wb, RE, list(JUDUL[RE]), [34, 40, 40, 16, 24, 30], teks_kolom="A")
    ada = {x.indikator_id: x for x in re}
    for r in rhk:
        for i in r.indikator:
            real = ada.get(i.id)
            lx.tambah(
                lembar,
                [i.id, r.teks, i.teks, i.target, real.realisasi if real else "", real.sumber_data if real else ""],
            )
    return lx.simpan(wb)


def baca(isi: bytes) -> dict[str, lx.Sheet]:
    return lx.baca(isi, JUDUL)


def _id(baris: lx.Baris, judul: str, field_name: str) -> str:
    try:
        return lx.id_sel(baris.sel[judul])
    except lx.SelSalah as e:
        raise SelKolom(judul, field_name, e.pesan) from None


def _teks(baris: lx.Baris, judul: str) -> str:
    return lx.teks_sel(baris.sel[judul])


def periksa_info(lembar: dict[str, lx.Sheet], skp: DataSkp, name: str) -> None:
    """The file is this period's template (not another period's or another pegawai's)."""
    info = {_teks(b, "KETERANGAN").upper(): b for b in lembar[INFO].baris}
    for kunci, harus in (("PERIODE ID", name), ("NIP", skp.nip)):
        b = info.get(kunci)
        try:
            nilai = lx.id_sel(b.sel["NILAI"]) if b else ""
        except lx.SelSalah as e:
            raise TidakValid("isi", f"lembar Info baris {b.nomor if b else 0}: {e.pesan}") from None
        if nilai != harus:
            raise TidakValid(
                "isi",
                f"lembar Info: {kunci} bukan '{harus}'; berkas ini template periode atau pegawai "
                "lain. Unduh template periode ini lalu isi ulang",
            )


def _terisi(sheet: lx.Sheet, *isian: str) -> list[lx.Baris]:
    """The rows that hold an entry: not a template row left empty (an RHK
    without an ID and nothing typed)."""
    return [b for b in sheet.baris if not (lx.teks_sel(b.sel["ID"]) == "" and all(_teks(b, j) == "" for j in isian))]


async def terapkan(
    s: AsyncSession, p: Principal, skp: DataSkp, kode: str, lembar: dict[str, lx.Sheet], hari_ini: dt.date
) -> Hasil:
    """Every row of the three sheets, in order. A row that is already so
    (the same text on an existing id; a new row whose RHK already has that
    very entry; the same realisasi) changes nothing: uploading a file twice
    adds nothing twice."""
    await harus_terbuka(s, p, skp, kode, hari_ini)  # the period itself: the whole file, not a row
    ra, bd, re = await _isi(s, skp, kode)
    rencana = {r.id: (r.rhk_id, r.teks) for r in ra}
    bukti = {b.id: (b.rhk_id, b.nama, b.tautan) for b in bd}
    realisasi = {r.indikator_id: (r.realisasi, r.sumber_data) for r in re}
    hasil = Hasil()

    for baris in _terisi(lembar[RA], "RENCANA AKSI"):

        async def rencana_aksi(baris: lx.Baris = baris) -> bool:
            row_id = _id(baris, "ID", "rencana_aksi.name")
            teks = _teks(baris, "RENCANA AKSI")
            if row_id:
                if row_id in rencana and rencana[row_id][1] == teks:
                    return False
                row = await uc.ubah_rencana_aksi(s, p, skp, kode, row_id, teks, "", hari_ini)
            else:
                rhk_id = _id(baris, "RHK ID", "rencana_aksi.rhk")
                if (rhk_id, teks) in rencana.values():
                    return False
                row = await uc.tambah_rencana_aksi(s, p, skp, kode, rhk_id, teks, hari_ini)
            rencana[row.id] = (row.rhk_id, row.teks)
            return True

        await satu_baris(s, hasil, lembar[RA], baris, KOLOM[RA], "ID", rencana_aksi)

    for baris in _terisi(lembar[BD], "NAMA BUKTI DUKUNG", "TAUTAN"):

        async def bukti_dukung(baris: lx.Baris = baris) -> bool:
            row_id = _id(baris, "ID", "bukti_dukung.name")
            nama, tautan = _teks(baris, "NAMA BUKTI DUKUNG"), _teks(baris, "TAUTAN")
            row: BuktiDukungRow | bacaan.BuktiDukung
            if row_id:
                if row_id in bukti and bukti[row_id][1:] == (nama, tautan):
                    return False
                row = await uc.ubah_bukti(s, p, skp, kode, row_id, nama, tautan, "", hari_ini)
            else:
                rhk_id = _id(baris, "RHK ID", "bukti_dukung.rhk")
                if (rhk_id, nama, tautan) in bukti.values():
                    return False
                row = await uc.tambah_bukti(s, p, skp, kode, rhk_id, nama, tautan, hari_ini)
            bukti[row.id] = (row.rhk_id, row.nama, row.tautan)
            return True

        await satu_baris(s, hasil, lembar[BD], baris, KOLOM[BD], "ID", bukti_dukung)

    for baris in lembar[RE].baris:

        async def ubah_realisasi(baris: lx.Baris = baris) -> bool:
            indikator_id = _id(baris, "INDIKATOR ID", "realisasi.indikator")
            teks, sumber = _teks(baris, "REALISASI"), _teks(baris, "SUMBER DATA")
            if realisasi.get(indikator_id, ("", "")) == (teks, sumber):
                return False
            row = await uc.ubah_realisasi(s, p, skp, kode, indikator_id, teks, sumber, "", hari_ini)
            if row is None:
                realisasi.pop(indikator_id, None)
            else:
                realisasi[indikator_id] = (row.realisasi, row.sumber_data)
            return True

        await satu_baris(s, hasil, lembar[RE], baris, KOLOM[RE], "INDIKATOR ID", ubah_realisasi)
    return hasil
