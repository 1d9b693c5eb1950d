"""Master data import: `ekinerja import unor|pegawai FILE` (docs/import.md).

A file (CSV or XLSX) streams row by row, each row checked on its own as it
is read (only the checked rows are kept), then the rows are checked against
each other and against the database in bulk, and
the good rows are written in one transaction. Bad rows never stop the good
ones: each is reported with the row number the spreadsheet shows (header =
row 1) and the reason, naming the column.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain.akun import validate_email
from services.profil.domain.golongan import normalize_golongan
from services.profil.domain.klaim import BATAL, MENUNGGU
from services.profil.domain.klaim import klaim_berakhir as klaim_selesai
from services.profil.domain.nip import PNS, PPPK, validate_nip
from services.profil.domain.organisasi import validate_unor_id
from services.profil.impor_berkas import Baris, BarisDitolak, LaporanImpor, baca, teks_sel  # noqa: F401
from services.profil.store.models import AkunRow, InstansiRow, KlaimRow, PegawaiRow, UnorRow, jejak
from services.profil.store.repository import ubah_bila_berbeda
from services.shared.db import Database
from services.shared.errors import TidakValid
from services.shared.jejak_audit import baris_operator
from services.shared.teks import teks

T = TypeVar("T")

# Rows per IN (...) query: far below SQLite's and asyncpg's parameter limits.
POTONGAN = 1000
# An account nobody can log in to (no argon2 hash equals it): the pegawai
# sets a password with Lupa Password through the registered email.
PASSWORD_TIDAK_DAPAT_DIPAKAI = "!"

KOLOM_UNOR = (
    "id_unor",
    "nama_unor",
    "id_unor_atasan",
    "unor_induk",
    "jabatan_pimpinan",
    "id_instansi",
    "nama_instansi",
)
KOLOM_PEGAWAI = ("nip", "nama", "jabatan", "golongan_ruang", "id_unor", "email")

YA = {"y", "ya", "yes", "1", "true", "t", "benar"}
TIDAK = {"n", "tidak", "no", "0", "false", "f", "salah", ""}
# "1.96903E+17": a number Excel already cut to 15 significant digits.
NOTASI_ILMIAH = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")
# Reported as "kolom NIP harus berformat teks: ..." (see _pesan).
NIP_ANGKA = (
    "harus berformat teks: sel ini berisi angka, dan Excel hanya menyimpan 15 digit sehingga NIP 18 digit "
    "terpotong. Ubah format kolom menjadi Teks lalu isi ulang NIP"
)


# --- cell checks --------------------------------------------------------------


class _Kesalahan:
    """Collects every problem of one row, so the user fixes a row in one go."""

    def __init__(self) -> None:
        self.pesan: list[str] = []

    def cek(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except TidakValid as exc:
            self.pesan.extend(f"{p.field}: {p.pesan}" for p in exc.pelanggaran)
            return None

    def tambah(self, kolom: str, pesan: str) -> None:
        self.pesan.append(f"kolom {kolom}: {pesan}")


def _teks(baris: Baris, kolom: str, maks: int, wajib: bool = True) -> str:
    """A text cell, with the API's check (services/shared/teks.py): bounded and
    printable. A control character (an ESC that starts OSC 52 or OSC 8) would
    reach the terminal of everyone who reads the name."""
    return teks(baris.teks(kolom), f"kolom {kolom}", maks, wajib)


def _id(baris: Baris, kolom: str, boleh_kosong: bool = False) -> str | None:
    value = baris.teks(kolom).lower()  # case only: SIASN ids are lower-case hex
    if not value:
        if boleh_kosong:
            return None
        raise TidakValid(f"kolom {kolom}", "wajib diisi")
    return validate_unor_id(value, f"kolom {kolom}")


def _ya_tidak(baris: Baris, kolom: str) -> bool:
    value = baris.teks(kolom).casefold()
    if value in YA:
        return True
    if value in TIDAK:
        return False
    raise TidakValid(f"kolom {kolom}", "isi Y atau N (ya/tidak, 1/0)")


def _nip(baris: Baris, jenis_asn: str) -> str:
    raw = baris.sel.get("nip")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        raise TidakValid("kolom NIP", NIP_ANGKA)
    value = teks_sel(raw)
    if NOTASI_ILMIAH.match(value):
        raise TidakValid(
            "kolom NIP",
            "harus berformat teks: tertulis sebagai angka ilmiah "
            f"({value}), digit NIP sudah hilang. Ubah format kolom menjadi Teks lalu isi ulang NIP",
        )
    # A leading apostrophe (forced text) and spaces ("19690323 200212 1 009") are formatting, not digits.
    value = value.removeprefix("'").replace(" ", "")
    validate_nip(value, jenis_asn, "kolom nip")
    if value.endswith("000"):
        # (inferred) sequence numbers start at 001; 000 is what a number cut to 15 digits ends with.
        raise TidakValid("kolom NIP", "harus berformat teks: nomor urut 000 menandakan NIP terpotong oleh Excel")
    return value


def _pesan(kesalahan: list[str]) -> str:
    # "kolom NIP: harus berformat teks..." reads better as one sentence.
    return "; ".join(p.replace("kolom NIP: harus", "kolom NIP harus") for p in kesalahan)


def _potong(items: Iterable[T], n: int = POTONGAN) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- unor -------------------------------------------------------------------


@dataclass(slots=True)
class _Unor:
    baris: int
    id: str
    nama: str
    parent_id: str | None
    induk: bool
    jabatan_pimpinan: str
    instansi_id: str
    nama_instansi: str
    lokasi: str


def _unor_dari(baris: Baris) -> _Unor | str:
    k = _Kesalahan()
    uid = k.cek(_id, baris, "id_unor")
    nama = k.cek(_teks, baris, "nama_unor", 300)
    parent = k.cek(_id, baris, "id_unor_atasan", boleh_kosong=True)
    induk = k.cek(_ya_tidak, baris, "unor_induk")
    jabatan = k.cek(_teks, baris, "jabatan_pimpinan", 300, wajib=False)
    instansi = k.cek(_id, baris, "id_instansi")
    nama_instansi = k.cek(_teks, baris, "nama_instansi", 200)
    lokasi = (k.cek(_teks, baris, "lokasi", 100, wajib=False) or "").upper()
    if uid and parent == uid:
        k.tambah("id_unor_atasan", "tidak boleh sama dengan id_unor (unor menjadi atasan dirinya sendiri)")
    if k.pesan:
        return _pesan(k.pesan)
    return _Unor(baris.nomor, uid, nama, parent, bool(induk), jabatan, instansi, nama_instansi, lokasi)


async def import_unor(db: Database, path: Path) -> LaporanImpor:
    laporan = LaporanImpor(jenis="unor")
    rows = await baca(path, KOLOM_UNOR, laporan, lambda b: (b.nomor, b.teks("id_unor").lower(), _unor_dari(b)))
    if rows is None:
        return laporan
    calon: dict[str, _Unor] = {}
    instansi: dict[str, _Unor] = {}  # the first row naming each instansi
    baris_ditolak: dict[str, int] = {}  # id_unor of a rejected row -> its row number
    for nomor, id_unor, hasil in rows:
        if isinstance(hasil, str):
            laporan.tolak(nomor, hasil)
            baris_ditolak.setdefault(id_unor, nomor)
        elif hasil.id in calon:
            laporan.tolak(nomor, f"kolom id_unor: {hasil.id} sudah ada di baris {calon[hasil.id].baris}")
        elif hasil.instansi_id in instansi and _normal(instansi[hasil.instansi_id].nama_instansi) != _normal(
            hasil.nama_instansi
        ):
            pertama = instansi[hasil.instansi_id]
            baris_ditolak.setdefault(hasil.id, nomor)
            laporan.tolak(
                nomor,
                f"kolom nama_instansi: berbeda dengan baris {pertama.baris} "
                f"({pertama.nama_instansi}) untuk id_instansi yang sama",
            )
        else:
            calon[hasil.id] = hasil
            instansi.setdefault(hasil.instansi_id, hasil)

    async with db.transaction() as s:
        ada = await _unor_ada(s, calon, set(instansi))
        for uid, alasan in _cek_pohon(calon, ada, baris_ditolak).items():
            laporan.tolak(calon.pop(uid).baris, alasan)
        await _simpan_instansi(s, calon.values())
        await _simpan_unor(s, calon, laporan)
        await _catat_impor(s, laporan, path, set(instansi))
    laporan.ditolak.sort(key=lambda b: b.baris)
    return laporan


async def _catat_impor(s: AsyncSession, laporan: LaporanImpor, path: Path, instansi_ids: set[str]) -> None:
    """One jejak audit record per instansi an import touched, with the counts."""
    for instansi_id in sorted(instansi_ids):
        await s.execute(
            jejak.insert().values(
                **baris_operator(
                    metode=f"Impor{laporan.jenis.capitalize()}",
                    instansi_id=instansi_id,
                    sasaran=f"berkas/{path.name}",
                    sesudah=laporan.ringkasan(),
                )
            )
        )


@dataclass(frozen=True)
class _UnorAda:
    parent: dict[str, str | None]
    instansi: dict[str, str]


async def _unor_ada(s: AsyncSession, calon: dict[str, _Unor], instansi_ids: set[str]) -> _UnorAda:
    """Parent and instansi of every unit the tree checks may visit: the file's
    instansi whole, plus the file's units and parents wherever they are."""
    parent: dict[str, str | None] = {}
    instansi: dict[str, str] = {}
    cols = (UnorRow.id, UnorRow.parent_id, UnorRow.instansi_id)
    for batch in _potong(instansi_ids):
        for r in await s.execute(select(*cols).where(UnorRow.instansi_id.in_(batch))):
            parent[r.id], instansi[r.id] = r.parent_id, r.instansi_id
    lain = {c.id for c in calon.values()} | {c.parent_id for c in calon.values() if c.parent_id}
    for batch in _potong(lain - parent.keys()):
        for r in await s.execute(select(*cols).where(UnorRow.id.in_(batch))):
            parent[r.id], instansi[r.id] = r.parent_id, r.instansi_id
    return _UnorAda(parent, instansi)


def _cek_pohon(calon: dict[str, _Unor], ada: _UnorAda, baris_ditolak: dict[str, int]) -> dict[str, str]:
    """Rows that cannot join the tree: unknown parent, parent or unit in another
    instansi, or a parent cycle. Repeats until stable, because rejecting a row
    can orphan its children in the file. `baris_ditolak`: ids of rows already
    rejected, by row number (to say why a child's parent is missing)."""
    baris_ditolak = dict(baris_ditolak)
    sisa = dict(calon)
    ditolak: dict[str, str] = {}
    for uid, c in sisa.items():
        if uid in ada.instansi and ada.instansi[uid] != c.instansi_id:
            ditolak[uid] = f"kolom id_instansi: unor {uid} sudah terdaftar pada instansi lain ({ada.instansi[uid]})"
    for uid in ditolak:
        baris_ditolak[uid] = sisa.pop(uid).baris
    while True:
        baru: dict[str, str] = {}
        parent = {**ada.parent, **{u: c.parent_id for u, c in sisa.items()}}
        instansi = {**ada.instansi, **{u: c.instansi_id for u, c in sisa.items()}}
        for uid, c in sisa.items():
            p = c.parent_id
            if p is None:
                continue
            if p not in parent:
                sebab = (
                    f"ditolak (baris {baris_ditolak[p]})"
                    if p in baris_ditolak
                    else "tidak ada di berkas maupun di basis data"
                )
                baru[uid] = f"kolom id_unor_atasan: unor atasan {p} {sebab}"
            elif instansi[p] != c.instansi_id:
                baru[uid] = f"kolom id_unor_atasan: unor atasan {p} berada di instansi lain"
        if not baru:
            for siklus in _siklus(parent, sisa):
                jalur = " → ".join([*siklus, siklus[0]])
                for uid in siklus:
                    if uid in sisa:
                        baru[uid] = f"kolom id_unor_atasan: membentuk siklus unor atasan ({jalur})"
        if not baru:
            return ditolak
        ditolak.update(baru)
        for uid in baru:
            baris_ditolak[uid] = sisa.pop(uid).baris


def _siklus(parent: dict[str, str | None], mulai: Iterable[str]) -> list[list[str]]:
    """Every cycle reachable by walking up from `mulai`, each once."""
    selesai: set[str] = set()
    hasil: list[list[str]] = []
    for start in mulai:
        jalur: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in parent and node not in selesai and node not in jalur:
            jalur[node] = len(jalur)
            node = parent[node]
        if node is not None and node in jalur:
            urutan = list(jalur)
            hasil.append(urutan[jalur[node] :])
        selesai.update(jalur)
    return hasil


async def _simpan_instansi(s: AsyncSession, units: Iterable[_Unor]) -> None:
    pertama: dict[str, _Unor] = {}
    lokasi: dict[str, str] = {}
    for u in units:
        pertama.setdefault(u.instansi_id, u)
        if u.lokasi:
            lokasi.setdefault(u.instansi_id, u.lokasi)
    if not pertama:
        return
    rows = {r.id: r for r in (await s.scalars(select(InstansiRow).where(InstansiRow.id.in_(pertama)))).all()}
    for iid, u in pertama.items():
        row = rows.get(iid)
        if row is None:
            s.add(InstansiRow(id=iid, nama=u.nama_instansi, lokasi=lokasi.get(iid, "")))
        else:
            row.nama = u.nama_instansi
            if iid in lokasi:  # an empty or missing lokasi column keeps the known one
                row.lokasi = lokasi[iid]
    await s.flush()


async def _simpan_unor(s: AsyncSession, calon: dict[str, _Unor], laporan: LaporanImpor) -> None:
    for batch in _potong(calon):
        rows = {r.id: r for r in (await s.scalars(select(UnorRow).where(UnorRow.id.in_(batch)))).all()}
        for uid in batch:
            c = calon[uid]
            row = rows.get(uid)
            nilai = {"nama": c.nama, "parent_id": c.parent_id, "induk": c.induk, "jabatan_pimpinan": c.jabatan_pimpinan}
            if row is None:
                s.add(UnorRow(id=uid, instansi_id=c.instansi_id, pimpinan_nip=None, **nilai))
                laporan.ditambah += 1
            elif ubah_bila_berbeda(row, nilai):
                laporan.diperbarui += 1
            else:
                laporan.tidak_berubah += 1
    await s.flush()


# --- pegawai ----------------------------------------------------------------


@dataclass(slots=True)
class _Pegawai:
    baris: int
    nip: str
    nama: str
    jabatan: str
    golongan: str
    jenis_asn: str
    unor_id: str
    email: str


def _pegawai_dari(baris: Baris) -> _Pegawai | str:
    k = _Kesalahan()
    jenis = baris.teks("jenis_asn").upper() or PNS
    if jenis not in (PNS, PPPK):
        k.tambah("jenis_asn", "isi PNS atau PPPK")
        jenis = PNS
    nip = k.cek(_nip, baris, jenis)
    nama = k.cek(_teks, baris, "nama", 200)
    jabatan = k.cek(_teks, baris, "jabatan", 300)
    golongan = k.cek(normalize_golongan, baris.teks("golongan_ruang"), jenis, "kolom golongan_ruang")
    unor = k.cek(_id, baris, "id_unor")
    email = baris.teks("email")
    if not email:
        k.tambah("email", "wajib diisi (dipakai pegawai untuk Lupa Password)")
    else:
        email = k.cek(validate_email, email, "kolom email")
    if k.pesan:
        return _pesan(k.pesan)
    return _Pegawai(baris.nomor, nip, nama, jabatan, golongan, jenis, unor, email)


async def import_pegawai(db: Database, path: Path) -> LaporanImpor:
    laporan = LaporanImpor(jenis="pegawai")
    rows = await baca(path, KOLOM_PEGAWAI, laporan, lambda b: (b.nomor, _pegawai_dari(b)))
    if rows is None:
        return laporan
    calon: dict[str, _Pegawai] = {}
    for nomor, hasil in rows:
        if isinstance(hasil, str):
            laporan.tolak(nomor, hasil)
        elif hasil.nip in calon:
            laporan.tolak(nomor, f"kolom nip: {hasil.nip} sudah ada di baris {calon[hasil.nip].baris}")
        else:
            calon[hasil.nip] = hasil

    async with db.transaction() as s:
        instansi_unor: dict[str, str] = {}
        for batch in _potong({c.unor_id for c in calon.values()}):
            rs = await s.execute(select(UnorRow.id, UnorRow.instansi_id).where(UnorRow.id.in_(batch)))
            instansi_unor.update({r.id: r.instansi_id for r in rs})
        for nip, c in list(calon.items()):
            if c.unor_id not in instansi_unor:
                laporan.tolak(
                    c.baris, f"kolom id_unor: unit organisasi {c.unor_id} tidak ditemukan (impor unor terlebih dahulu)"
                )
                del calon[nip]
        now = dt.datetime.now(dt.UTC)
        for kelompok in _potong(calon.values()):
            await _simpan_pegawai(s, kelompok, instansi_unor, now, laporan)
        await _catat_impor(s, laporan, path, {instansi_unor[c.unor_id] for c in calon.values()})
    laporan.ditolak.sort(key=lambda b: b.baris)
    return laporan


async def _simpan_pegawai(
    s: AsyncSession, batch: list[_Pegawai], instansi_unor: dict[str, str], now: dt.datetime, laporan: LaporanImpor
) -> None:
    nips = [c.nip for c in batch]
    pegawai = {r.nip: r for r in (await s.scalars(select(PegawaiRow).where(PegawaiRow.nip.in_(nips)))).all()}
    akun = {r.nip: r for r in (await s.scalars(select(AkunRow).where(AkunRow.nip.in_(nips)))).all()}
    klaim_berakhir: list[str] = []
    for c in batch:
        instansi_id = instansi_unor[c.unor_id]
        nilai = {
            "nama": c.nama,
            "nama_cari": c.nama.casefold(),
            "jabatan": c.jabatan,
            "golongan": c.golongan,
            "jenis_asn": c.jenis_asn,
            "unor_id": c.unor_id,
            "email": c.email,
            "instansi_id": instansi_id,
            # Unit and jabatan now come from master data: a claim on them
            # takes effect at once (docs/domain.md#klaim-pimpinan).
            "data_sendiri": False,
        }
        row = pegawai.get(c.nip)
        if row is None:
            s.add(PegawaiRow(nip=c.nip, **nilai))
            laporan.ditambah += 1
            continue
        if klaim_selesai(row.unor_id, row.jabatan, c.unor_id, c.jabatan):
            klaim_berakhir.append(c.nip)
        if row.email != c.email:
            row.email_diubah = now  # reset codes to the new address wait, as after Edit Profil
        if ubah_bila_berbeda(row, nilai):
            laporan.diperbarui += 1
        else:
            laporan.tidak_berubah += 1
    await s.flush()  # pegawai before akun: there are no ORM relationships to order the inserts
    for c in batch:
        instansi_id = instansi_unor[c.unor_id]
        a = akun.get(c.nip)
        if a is None:
            s.add(
                AkunRow(
                    id=uuid.uuid4().hex,
                    nip=c.nip,
                    username=None,
                    nama=c.nama,
                    password_hash=PASSWORD_TIDAK_DAPAT_DIPAKAI,
                    peran="pegawai",
                    instansi_id=instansi_id,
                    aktif=True,
                    password_diubah=now,
                )
            )
            continue
        a.nama = c.nama  # never the password: a re-import must not lock anyone out
        if a.instansi_id != instansi_id:
            # Moved to another instansi: admin or helpdesk rights were for the old one.
            a.instansi_id = instansi_id
            a.peran = "pegawai"
    if klaim_berakhir:
        hasil = await s.execute(
            update(UnorRow)
            .where(UnorRow.pimpinan_nip.in_(klaim_berakhir))
            .values(pimpinan_nip=None)
            .execution_options(synchronize_session=False)
        )
        laporan.klaim_berakhir += max(getattr(hasil, "rowcount", 0) or 0, 0)
        # A waiting claim rests on the unit and jabatan the import just replaced.
        await s.execute(
            update(KlaimRow)
            .where(KlaimRow.nip.in_(klaim_berakhir), KlaimRow.status == MENUNGGU)
            .values(status=BATAL, diputus=now)
            .execution_options(synchronize_session=False)
        )
    await s.flush()
