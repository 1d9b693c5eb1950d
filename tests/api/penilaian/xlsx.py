"""Spreadsheets for the Isian/Rating XLSX tests: download a template, open
it, change cells, upload it in 32 KiB pieces."""

from __future__ import annotations

import io
import re
import uuid
import zipfile

from ekinerja.penilaian.v1 import penilaian_pb2 as n
from openpyxl import Workbook, load_workbook

POTONGAN = 32 * 1024


async def unduh(call) -> tuple[str, bytes]:
    nama, isi = "", bytearray()
    async for m in call:
        nama = nama or m.nama_berkas
        isi += m.isi
    return nama, bytes(isi)


def buka(isi: bytes) -> Workbook:
    return load_workbook(io.BytesIO(isi))


def simpan(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pesan(isi: bytes, **kepala):
    kepala.setdefault("request_id", uuid.uuid4().hex)
    kepala.setdefault("nama_berkas", "isian.xlsx")
    yield n.UnggahXlsxRequest(**kepala)
    for i in range(0, len(isi), POTONGAN):
        yield n.UnggahXlsxRequest(isi=isi[i : i + POTONGAN])


async def unggah_isian(client, md, name: str, isi: bytes, mode=n.MODE_UNGGAH_SEMUA, **kw) -> n.HasilUnggahXlsx:
    return await client.penilaian.UnggahIsianPeriode(_pesan(isi, name=name, mode=mode, **kw), metadata=md, timeout=300)


async def unggah_rating(
    client, md, tahun: int, periode: int, isi: bytes, mode=n.MODE_UNGGAH_SEMUA, **kw
) -> n.HasilUnggahXlsx:
    return await client.penilaian.UnggahRatingBawahan(
        _pesan(isi, tahun=tahun, periode=periode, mode=mode, **kw), metadata=md, timeout=300
    )


def baris_kosong(ws, kolom: int = 1) -> int:
    """The first row after the last with something in `kolom`..: where to append."""
    return ws.max_row + 1


def dengan_cache_rumus(isi: bytes, lembar: int, sel: str, nilai: str) -> bytes:
    """The workbook with the formula in `sel` of sheet number `lembar` given
    a cached text result, as Excel saves it (openpyxl writes none)."""
    masuk = zipfile.ZipFile(io.BytesIO(isi))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == f"xl/worksheets/sheet{lembar}.xml":
                teks = data.decode()
                teks, jumlah = re.subn(
                    rf'<c r="{sel}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
                    rf'<c r="{sel}" t="str"><f>\2</f><v>{nilai}</v>',
                    teks,
                )
                assert jumlah == 1, teks[:2000]
                data = teks.encode()
            z.writestr(info, data)
    return keluar.getvalue()
