"""Rekap Penilaian Bawahan: every approved SKP the caller rates in a period,
in a fixed number of statements whatever the number of bawahan, and its
XLSX export."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.ext.asyncio import AsyncSession

from services.penilaian.domain.periode import NAMA, PeriodeNilai, periode_skp, tanggal_teks
from services.penilaian.domain.predikat import Predikat, Rating
from services.penilaian.store import bacaan
from services.penilaian.store import repository as repo
from services.penilaian.usecases.konteks import DataSkp, batas
from services.shared.teks import tanpa_kendali


@dataclass(frozen=True)
class BarisRekap:
    skp: DataSkp
    periode: PeriodeNilai
    batas: dt.date
    nilai: bacaan.Nilai | None
    realisasi: int
    feedback: int


async def rekap(s: AsyncSession, instansi_id: str, skps: list[DataSkp], kode: str) -> list[BarisRekap]:
    punya: list[tuple[DataSkp, PeriodeNilai]] = []
    per_rentang: dict[tuple[dt.date, dt.date], PeriodeNilai | None] = {}  # bawahan mostly share one
    for skp in skps:
        if not skp.disetujui:
            continue
        rentang = (skp.awal, skp.akhir)
        if rentang not in per_rentang:
            per_rentang[rentang] = next((x for x in periode_skp(skp.awal, skp.akhir) if x.kode == kode), None)
        per = per_rentang[rentang]
        if per is not None:
            punya.append((skp, per))
    if not punya:
        return []
    ids = [skp.id for skp, _ in punya]
    tahun = punya[0][0].tahun
    tanggal = (await batas(s, instansi_id, tahun))[kode]
    nilai = await repo.nilai_periode(s, ids, kode)
    realisasi = await repo.jumlah_realisasi(s, ids, kode)
    feedback = await repo.jumlah_feedback(s, ids, kode)
    return [
        BarisRekap(skp, per, tanggal, nilai.get(skp.id), realisasi.get(skp.id, 0), feedback.get(skp.id, 0))
        for skp, per in punya
    ]


def label(enum: type[Rating] | type[Predikat], kode: str) -> str:
    """A stored rating or predikat ("SANGAT_BAIK") as people read it ("Sangat Baik"); "" is "-"."""
    return enum[kode].value if kode else "-"


class _Lembar:
    """A worksheet whose text cells are text: openpyxl makes a str that starts
    with "=" a formula, and a JABATAN "=HYPERLINK(...)" became a live link in the
    atasan's spreadsheet. Every str is written as a string cell (data_type "s"),
    without control characters (which openpyxl refuses, failing the export)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.baris = 0

    def append(self, nilai: Sequence[object]) -> None:
        self.baris += 1
        for kolom, v in enumerate(nilai, start=1):
            cell = self.ws.cell(row=self.baris, column=kolom, value=tanpa_kendali(v) if isinstance(v, str) else v)
            if isinstance(v, str):
                cell.data_type = "s"  # after the value: assigning one starting with "=" makes it "f"


Lembar = _Lembar  # the template sheets of docs/isian-xlsx.md write through it too


def xlsx(baris: list[BarisRekap], tahun: int, kode: str, penilai: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook has its one sheet
    lembar = _Lembar(ws)
    ws.title = "Rekap"
    # "TRIWULAN I 2023", "PENILAIAN AKHIR TAHUN 2023"
    lembar.append([f"REKAP PENILAIAN BAWAHAN — {NAMA[kode].upper()} {tahun}"])
    lembar.append([f"Pejabat penilai: {penilai}"])
    lembar.append([])
    kepala = [
        "No",
        "NIP",
        "Nama",
        "Jabatan",
        "Periode",
        "Batas",
        "Rating Hasil Kerja",
        "Rating Perilaku Kerja",
        "Predikat Kinerja",
        "Realisasi terisi",
        "Jumlah indikator",
        "Feedback",
    ]
    lembar.append(kepala)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    ws["A1"].font = Font(bold=True)
    for n, b in enumerate(baris, start=1):
        v = b.nilai
        # NIP as text: an 18-digit number loses digits in a spreadsheet.
        lembar.append(
            [
                n,
                b.skp.nip,
                b.skp.nama,
                b.skp.jabatan,
                f"{tanggal_teks(b.periode.awal)} - {tanggal_teks(b.periode.akhir)}",
                tanggal_teks(b.batas),
                label(Rating, v.rating_hasil) if v else "-",
                label(Rating, v.rating_perilaku) if v else "-",
                label(Predikat, v.predikat) if v else "-",
                b.realisasi,
                b.skp.jumlah_indikator,
                b.feedback,
            ]
        )
        ws.cell(row=ws.max_row, column=2).number_format = "@"
    for col, lebar in zip("ABCDEFGHIJKL", (5, 21, 30, 36, 32, 18, 20, 20, 18, 10, 10, 9), strict=True):
        ws.column_dimensions[col].width = lebar
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
