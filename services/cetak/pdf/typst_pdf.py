"""Lays a document out as an A4 PDF with typst (templat/dokumen.typ) and
says where its signature spots landed. typst was measured against reportlab
for these documents (bench/README.md): twice as fast, and its only fonts
are the ones inside its wheel (system fonts are ignored), so a server
renders the same PDF on any machine."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import segno
import typst

from services.cetak.domain.isi import Dokumen
from services.cetak.domain.verifikasi import KATA_KUNCI

TEMPLAT = Path(__file__).parent / "templat"


@dataclass(frozen=True)
class Tempat:
    """A signature spot: page (0-based) and box in PDF points, origin at
    the bottom left, as pyHanko wants it."""

    halaman: int
    kotak: tuple[float, float, float, float]
    tinggi_halaman: float = 841.89  # A4 portrait; a landscape page is 595.28


@dataclass(frozen=True)
class Hasil:
    pdf: bytes
    tempat: dict[str, Tempat]  # "PEGAWAI" / "PENILAI"


class MesinTypst:
    """One compiler per thread: a typst Compiler is not shared between
    threads, and each keeps its parsed template and fonts warm."""

    def __init__(self, templat: str = "dokumen.typ") -> None:
        self._path = TEMPLAT / templat
        self._lokal = threading.local()

    def _compiler(self) -> typst.Compiler:
        c = getattr(self._lokal, "compiler", None)
        if c is None:
            c = typst.Compiler(str(self._path), root=str(TEMPLAT), ignore_system_fonts=True)
            self._lokal.compiler = c
        return c

    def render_data(
        self, data: dict[str, object], waktu: dt.datetime, format: Literal["pdf", "png"] = "pdf"
    ) -> tuple[bytes, list[dict[str, object]]]:
        c = self._compiler()
        pdf = c.compile(
            format=format,
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            timestamp=waktu.replace(microsecond=0),
            ppi=200,
        )
        assert isinstance(pdf, bytes)
        # The query reuses what the compile just laid out (typst memoizes).
        return pdf, json.loads(c.query("metadata", field="value"))


def _tinggi_halaman(melintang: bool) -> float:
    return 595.28 if melintang else 841.89  # A4 in points


def qr_svg(kode: str) -> str:
    """The verification code as a QR (SVG, drawn by typst as vector art)."""
    return segno.make(KATA_KUNCI + kode, error="m").svg_inline(scale=4, border=1)


def render(mesin: MesinTypst, dokumen: Dokumen, waktu: dt.datetime) -> Hasil:
    data = dataclasses.asdict(dokumen)
    if dokumen.kode:
        data["qr"] = qr_svg(dokumen.kode)
    pdf, metadata = mesin.render_data(data, waktu)
    tinggi_hal = _tinggi_halaman(dokumen.melintang)
    tempat = {}
    for m in metadata:
        # typst measures from the top left; PDF from the bottom left.
        x, y, w, h = (float(m[k]) for k in ("x", "y", "lebar", "tinggi"))  # type: ignore[arg-type]
        atas = tinggi_hal - y
        tempat[str(m["pihak"])] = Tempat(
            int(m["halaman"]) - 1,  # type: ignore[call-overload]
            (x, atas - h, x + w, atas),
            tinggi_hal,
        )
    return Hasil(pdf, tempat)
