"""Reading master-data files (CSV or XLSX) into rows, and the import report.

Only the shape of the file is checked here; the rules for each row live in
services/profil/importer.py.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# --- report -----------------------------------------------------------------


@dataclass(frozen=True)
class BarisDitolak:
    baris: int  # as the spreadsheet shows it: header = 1; 0 = the file as a whole
    alasan: str


@dataclass
class LaporanImpor:
    dibaca: int = 0
    ditambah: int = 0
    diperbarui: int = 0
    ditolak: list[BarisDitolak] = field(default_factory=list)
    tidak_berubah: int = 0
    klaim_berakhir: int = 0  # pimpinan claims ended by a changed unor/jabatan
    jenis: str = ""

    def tolak(self, baris: int, alasan: str) -> None:
        self.ditolak.append(BarisDitolak(baris, alasan))

    def ringkasan(self) -> str:
        teks = (
            f"Impor {self.jenis or 'data'}: {self.dibaca} baris dibaca, {self.ditambah} ditambah, "
            f"{self.diperbarui} diperbarui, {self.tidak_berubah} tidak berubah, {len(self.ditolak)} ditolak."
        )
        if self.klaim_berakhir:
            teks += (
                f" {self.klaim_berakhir} klaim pimpinan berakhir karena unit kerja atau jabatan pimpinannya berubah."
            )
        return teks


# --- reading files ----------------------------------------------------------


class BerkasTidakValid(Exception):
    def __init__(self, baris: int, alasan: str) -> None:
        super().__init__(alasan)
        self.baris = baris
        self.alasan = alasan


@dataclass(frozen=True)
class Baris:
    nomor: int
    sel: dict[str, Any]  # canonical column name -> raw cell value (str from CSV; typed from XLSX)

    def teks(self, kolom: str) -> str:
        return teks_sel(self.sel.get(kolom))


def teks_sel(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _nama_kolom(header: Any) -> str:
    return teks_sel(header).lstrip("\ufeff").strip().casefold().replace(" ", "_").replace("-", "_")


def baca_berkas(path: Path, wajib: Sequence[str]) -> Iterator[Baris]:
    """The data rows of a .csv or .xlsx file, one at a time: a file of 100 000
    pegawai is never held whole (blocking: run it in a thread)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows: Iterable[Sequence[Any]] = _baca_csv(path)
    elif suffix == ".xlsx":
        rows = _baca_xlsx(path)
    else:
        raise BerkasTidakValid(0, "format berkas harus .csv atau .xlsx (simpan .xls sebagai .xlsx)")
    it = iter(rows)
    header = next(it, None)
    if header is None or not any(teks_sel(h) for h in header):
        raise BerkasTidakValid(1, "berkas kosong: baris 1 harus berisi nama kolom")
    posisi: dict[str, int] = {}
    for i, h in enumerate(header):
        nama = _nama_kolom(h)
        if nama in posisi:
            raise BerkasTidakValid(1, f"kolom {nama} muncul lebih dari sekali")
        if nama:
            posisi[nama] = i
    hilang = [k for k in wajib if k not in posisi]
    if hilang:
        raise BerkasTidakValid(1, f"kolom wajib tidak ada: {', '.join(hilang)}")
    for nomor, row in enumerate(it, start=2):
        if not any(teks_sel(v) for v in row):
            continue  # blank rows are skipped but keep their number
        yield Baris(nomor, {k: row[i] if i < len(row) else None for k, i in posisi.items()})


def _baca_csv(path: Path) -> Iterator[list[str]]:
    with path.open("rb") as f:
        baris_teks = _dekode(f)
        pertama = next(baris_teks, "")
        # Excel with an Indonesian locale writes ';' (the decimal separator is ','); the
        # header never contains either, so counting them there is a reliable sniff.
        pemisah = ";" if pertama.count(";") > pertama.count(",") else ","
        reader = csv.reader(itertools.chain([pertama], baris_teks), delimiter=pemisah)
        try:
            yield from reader
        except csv.Error:
            raise BerkasTidakValid(reader.line_num, "baris ini tidak dapat dibaca sebagai CSV") from None


def _dekode(f: Iterable[bytes]) -> Iterator[str]:
    """The lines of a UTF-8 file, decoded one by one so that a bad byte is
    reported on its own line (a b"\n" is never inside a UTF-8 character),
    split as csv expects them (\r, \n or \r\n, kept)."""
    for nomor, raw in enumerate(f, start=1):
        try:
            teks = raw.decode("utf-8-sig" if nomor == 1 else "utf-8")
        except UnicodeDecodeError:
            raise BerkasTidakValid(
                nomor, "berkas CSV harus berkode UTF-8 (di Excel: simpan sebagai 'CSV UTF-8')"
            ) from None
        yield from io.StringIO(teks, newline="")


def _baca_xlsx(path: Path) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise BerkasTidakValid(0, "bukan berkas .xlsx yang sah") from None
    try:
        # read-only mode yields empty tuples for missing rows, so the position is the row number
        yield from wb.worksheets[0].iter_rows(values_only=True)
    finally:
        wb.close()


async def baca(path: Path, wajib: Sequence[str], laporan: LaporanImpor, olah: Callable[[Baris], T]) -> list[T] | None:
    """Every data row through `olah` (its checks), read and checked in a thread
    as the file streams: only what `olah` returns is kept, not the raw rows.
    None, with the reason in `laporan`, when the file as a whole is unreadable."""

    def semua() -> list[T]:
        return [olah(b) for b in baca_berkas(path, wajib)]

    try:
        rows = await asyncio.to_thread(semua)
    except BerkasTidakValid as exc:
        laporan.tolak(exc.baris, exc.alasan)
        return None
    laporan.dibaca = len(rows)
    return rows
