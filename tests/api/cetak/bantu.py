"""Steps the cetak tests repeat: receive a streamed file, read a PDF's text,
check a digital signature against the demo CA."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ekinerja.cetak.v1 import cetak_pb2 as c
from google.type.date_pb2 import Date
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from services.cetak.ca_demo import buat_ca_demo
from services.cetak.pengaturan import PengaturanCetak
from services.shared.config import Settings

TANGGAL = Date(year=2023, month=9, day=5)


@dataclass
class Unduhan:
    info: c.InfoBerkas
    isi: bytes
    kemajuan: list[c.Kemajuan] = field(default_factory=list)
    potongan: int = 0


async def unduh(stream) -> Unduhan:  # type: ignore[no-untyped-def]
    """Collects a Cetak stream and checks what its first message promised."""
    info, isi, kemajuan, potongan = None, b"", [], 0
    async for bagian in stream:
        jenis = bagian.WhichOneof("isi")
        if jenis == "kemajuan":
            assert info is None, "progress comes before the file"
            kemajuan.append(bagian.kemajuan)
        elif jenis == "info":
            assert info is None, "one info message"
            info = bagian.info
        else:
            assert info is not None, "info comes before the data"
            assert 0 < len(bagian.data) <= 64 * 1024
            isi += bagian.data
            potongan += 1
    assert info is not None
    assert (len(isi), hashlib.sha256(isi).hexdigest()) == (info.ukuran, info.sha256)
    return Unduhan(info, isi, kemajuan, potongan)


def teks(pdf: bytes) -> str:
    """The PDF's text with every run of whitespace as one space (a cell's
    text may wrap anywhere)."""
    r = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in r.pages))


def halaman(pdf: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(io.BytesIO(pdf)).pages]


def ca_demo(settings: Settings) -> Path:
    return buat_ca_demo(PengaturanCetak.dari(settings), "Pemerintah Kab. Madiun")


async def tanda_tangan(pdf: bytes, ca: Path):  # type: ignore[no-untyped-def]
    """The status of each embedded signature, validated against the demo CA."""
    vc = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca))], allow_fetching=False)
    r = PdfFileReader(io.BytesIO(pdf))
    return [await async_validate_pdf_signature(sig, vc) for sig in r.embedded_signatures]


async def verifikasi(client, md, pdf: bytes, potongan: int = 32 * 1024) -> c.HasilVerifikasi:  # type: ignore[no-untyped-def]
    """VerifikasiDokumen with the file in pieces, as the TUI sends it."""
    bagian = [c.VerifikasiDokumenRequest(isi=pdf[i : i + potongan]) for i in range(0, len(pdf), potongan)]
    return await client.cetak.VerifikasiDokumen(iter(bagian), metadata=md)


def tanpa_kaki(teks_pdf: str) -> str:
    """The text without the verification line at the foot of every page
    (services/cetak/domain/verifikasi.py), for checks on how a page ends."""
    return re.sub(
        r"\s*Kode verifikasi: \S+ — keaslian dokumen ini dapat diperiksa di e-Kinerja, menu "
        r"Verifikasi Dokumen\.",
        "",
        teks_pdf,
    ).rstrip()
