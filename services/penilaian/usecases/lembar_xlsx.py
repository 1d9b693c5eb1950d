"""Spreadsheets in and out of penilaian (docs/isian-xlsx.md): an uploaded
XLSX read safely, and the cells of a template written as text.

An upload is somebody's file: it is refused before openpyxl reads it when
it is not a plain workbook (no zip, macros, external links, too many or too
large parts: a zip bomb), and read with openpyxl `read_only` and
`data_only` (a formula counts as the value it last showed; one never
computed reads as empty) with its XML parsed by defusedxml. Each sheet
is read up to `MAKS_BARIS` rows; more is refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from services.penilaian.usecases.rekap import Lembar
from services.shared.errors import TidakValid

MAKS_BYTE = 5 * 1024 * 1024  # the whole upload (services/shared/batas_pesan.py BADAN_ALIRAN)
MAKS_POTONGAN = 32 * 1024  # one message of the stream
MAKS_BARIS = 10_000  # rows of one sheet, heading excluded
MAKS_KOLOM = 30
MAKS_BAGIAN = 200  # members of the zip
MAKS_URAI = 80 * 1024 * 1024  # the members' size once unzipped
MAKS_KESALAHAN = 1000  # listed in one answer
_TERLARANG = ("xl/vbaProject.bin", "xl/externalLinks/", "xl/activeX/", "xl/embeddings/")


class Penampung:
    """The pieces of one upload as they arrive: refused as soon as a piece
    or the whole passes its limit, so a caller cannot make the server hold more."""

    def __init__(self, nama: str) -> None:
        nama = nama.strip()
        if (
            not nama.lower().endswith(".xlsx")
            or len(nama) > 200
            or "/" in nama
            or "\\" in nama
            or any(ord(c) < 32 for c in nama)
        ):
            raise TidakValid("nama_berkas", "nama berkas saja (tanpa folder), berakhiran .xlsx")
        self.nama = nama
        self._isi = bytearray()

    def tambah(self, potongan: bytes) -> None:
        if len(potongan) > MAKS_POTONGAN:
            raise TidakValid("isi", f"satu potongan berkas paling besar {MAKS_POTONGAN // 1024} KiB")
        if len(self._isi) + len(potongan) > MAKS_BYTE:
            raise TidakValid("isi", f"berkas paling besar {MAKS_BYTE // (1024 * 1024)} MB")
        self._isi += potongan

    @property
    def isi(self) -> bytes:
        return bytes(self._isi)


def potong(nama: str, isi: bytes) -> Iterator[tuple[str, bytes]]:
    """A file as the pieces of a server stream: (name, first piece), ("", next piece), …"""
    yield nama, isi[:MAKS_POTONGAN]
    for i in range(MAKS_POTONGAN, len(isi), MAKS_POTONGAN):
        yield "", isi[i : i + MAKS_POTONGAN]


@dataclass
class Baris:
    nomor: int  # 1-based row of the sheet
    sel: dict[str, Any]  # heading → value


@dataclass
class Sheet:
    nama: str
    kolom: dict[str, str] = field(default_factory=dict)  # heading → column letter
    baris: list[Baris] = field(default_factory=list)


def _periksa_zip(isi: bytes) -> None:
    if not isi:
        raise TidakValid("isi", "berkas kosong")
    if not isi.startswith(b"PK\x03\x04"):
        raise TidakValid("isi", "bukan berkas XLSX (buka di spreadsheet lalu simpan sebagai .xlsx)")
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            bagian = z.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise TidakValid("isi", "berkas XLSX rusak") from None
    if len(bagian) > MAKS_BAGIAN or sum(b.file_size for b in bagian) > MAKS_URAI:
        raise TidakValid("isi", "isi berkas XLSX terlalu besar setelah diurai")
    for b in bagian:
        if b.filename.startswith(_TERLARANG):
            raise TidakValid(
                "isi",
                "berkas berisi makro, tautan eksternal atau objek sisipan; simpan ulang sebagai "
                "Buku Kerja Excel (.xlsx) biasa",
            )


def baca(isi: bytes, lembar: dict[str, tuple[str, ...]]) -> dict[str, Sheet]:
    """The sheets named in `lembar` (sheet → its headings, in row 1), each
    row with content as heading → cell value. TidakValid("isi") for a file
    that is not a usable workbook, a sheet or heading missing, too many rows."""
    _periksa_zip(isi)
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True, keep_links=False)
    except Exception as e:  # noqa: BLE001 - openpyxl's parse errors and defusedxml's refusals (an entity) have many classes
        raise TidakValid("isi", f"berkas XLSX tidak dapat dibaca ({type(e).__name__})") from None
    try:
        hasil = {}
        for nama, judul in lembar.items():
            if nama not in wb.sheetnames:
                raise TidakValid("isi", f"lembar '{nama}' tidak ada; pakai template yang diunduh dari e-Kinerja")
            try:
                hasil[nama] = _sheet(wb[nama], nama, judul)  # read_only: the XML is parsed here
            except TidakValid:
                raise
            except Exception as e:  # noqa: BLE001 - as above, per sheet
                raise TidakValid("isi", f"lembar '{nama}' tidak dapat dibaca ({type(e).__name__})") from None
        return hasil
    finally:
        wb.close()


def _sheet(ws: Any, nama: str, judul: tuple[str, ...]) -> Sheet:
    sheet = Sheet(nama)
    rows = ws.iter_rows(max_col=MAKS_KOLOM, values_only=True)
    kepala = next(rows, ())
    for i, v in enumerate(kepala, start=1):
        t = teks_sel(v).upper()
        if t in judul:
            sheet.kolom[t] = get_column_letter(i)
    kurang = [j for j in judul if j not in sheet.kolom]
    if kurang:
        raise TidakValid(
            "isi",
            f"lembar '{nama}': kolom {', '.join(kurang)} tidak ada di baris 1; pakai template "
            "yang diunduh dari e-Kinerja",
        )
    indeks = {j: _indeks(sheet.kolom[j]) for j in judul}
    for nomor, row in enumerate(rows, start=2):
        if nomor > 2 * MAKS_BARIS:  # formatted empty rows: the limit counts them too, past twice the rows
            raise TidakValid("isi", f"lembar '{nama}' lebih dari {MAKS_BARIS} baris")
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        if nomor - 1 > MAKS_BARIS:
            raise TidakValid("isi", f"lembar '{nama}' lebih dari {MAKS_BARIS} baris")
        sheet.baris.append(Baris(nomor, {j: row[k] if k < len(row) else None for j, k in indeks.items()}))
    return sheet


def _indeks(kolom: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(kolom) - 1


class SelSalah(Exception):
    """A cell that cannot be read as what its column holds."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


def teks_sel(v: Any) -> str:
    """A cell as the text typed: a whole number without ".0", a date as DD/MM/YYYY."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return str(int(v))
    if isinstance(v, dt.datetime):
        return f"{v:%d/%m/%Y}" if v.time() == dt.time() else f"{v:%d/%m/%Y %H:%M}"
    if isinstance(v, dt.date):
        return f"{v:%d/%m/%Y}"
    return str(v).strip()


def id_sel(v: Any) -> str:
    """An id or NIP cell: text, or a whole number that a spreadsheet made of
    digits typed into a General cell. A number that lost digits (a float
    past 2^53: an 18-digit NIP in Excel) cannot be read back."""
    if isinstance(v, float) and (not v.is_integer() or abs(v) >= 2**53):
        raise SelSalah(
            "angka ini kehilangan digit di spreadsheet; format kolomnya sebagai Teks lalu salin "
            "ulang nilainya dari template"
        )
    return teks_sel(v)


def buku() -> tuple[Workbook, dict[str, Lembar]]:
    wb = Workbook()
    for ws in list(wb.worksheets):  # the default empty sheet
        wb.remove(ws)
    return wb, {}


def lembar_baru(wb: Workbook, nama: str, judul: list[str], lebar: list[int], teks_kolom: str = "") -> Lembar:
    """A sheet with its headings bold in row 1; `teks_kolom`: the letters of
    columns formatted as Text (ids, NIP: a spreadsheet keeps their digits)."""
    ws = wb.create_sheet(nama)
    lembar = Lembar(ws)
    lembar.append(list(judul))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    lembar.teks_kolom = teks_kolom  # type: ignore[attr-defined]
    ws.freeze_panes = "A2"
    return lembar


def tambah(lembar: Lembar, nilai: list[object]) -> None:
    lembar.append(nilai)
    for huruf in getattr(lembar, "teks_kolom", ""):
        lembar.ws[f"{huruf}{lembar.baris}"].number_format = "@"


def simpan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
