"""What a PDF says of itself: its signatures, validated by pyHanko against
the roots this server trusts, and the verification code in its keywords.
Nothing here knows of print records (usecases/verifikasi.py)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from services.cetak.domain.verifikasi import dari_kata_kunci
from services.shared.errors import TidakValid


@dataclass(frozen=True)
class TandaTanganDitemukan:
    nama_field: str
    penanda_tangan: str
    penerbit: str
    waktu: dt.datetime | None
    utuh: bool  # the signed bytes are unchanged
    tepercaya: bool  # the certificate chains to a trusted root
    berubah_setelahnya: bool  # changed after signing, beyond adding signatures or LTV data
    bercap_waktu: bool = False  # a TSA's timestamp, valid and trusted, gives `waktu`


@dataclass(frozen=True)
class IsiPdf:
    kode: str  # the verification code in the keywords, or ""
    tanda_tangan: tuple[TandaTanganDitemukan, ...]


def _kata_kunci(r: PdfFileReader) -> str:
    """/Keywords of the document information dictionary, where typst writes
    them (pyHanko's metadata view prefers the XMP stream, which lacks them)."""
    try:
        return str(r.trailer_view["/Info"].get("/Keywords", ""))
    except Exception:  # noqa: BLE001 - metadata is optional; a broken one is "none"
        return ""


def _nama(subjek: Any) -> str:
    """The certificate's Common Name (the signer as people name him), else the whole subject."""
    cn = subjek.native.get("common_name")
    return str(cn) if cn else str(subjek.human_friendly)


async def periksa(pdf: bytes, akar: list[Path]) -> IsiPdf:
    if not pdf.startswith(b"%PDF"):
        raise TidakValid("isi", "berkas bukan PDF")
    try:
        r = PdfFileReader(io.BytesIO(pdf), strict=False)
        tanda = list(r.embedded_signatures)
    except Exception:  # noqa: BLE001 - pyHanko raises many kinds for a damaged file
        raise TidakValid("isi", "PDF tidak dapat dibaca (rusak atau terpotong)") from None
    percaya = [c for p in akar for c in load_certs_from_pemder([str(p)])]
    # No fetching: whether a signature holds must not depend on who answers on the network.
    vc = ValidationContext(trust_roots=percaya, allow_fetching=False)
    hasil = []
    for sig in tanda:
        try:
            st = await async_validate_pdf_signature(sig, vc)
        except Exception:  # noqa: BLE001 - a malformed signature is reported as broken, not as an error
            hasil.append(TandaTanganDitemukan(sig.field_name, "", "", None, False, False, True))
            continue
        cert = st.signing_cert
        cap = st.timestamp_validity
        bercap = cap is not None and bool(cap.intact and cap.valid and cap.trusted)
        waktu = cap.timestamp if bercap and cap is not None else st.signer_reported_dt
        berubah = not (
            st.coverage == SignatureCoverageLevel.ENTIRE_FILE
            or (
                st.modification_level is not None
                and st.modification_level <= ModificationLevel.FORM_FILLING
                and st.docmdp_ok is not False
            )
        )
        hasil.append(
            TandaTanganDitemukan(
                sig.field_name,
                _nama(cert.subject) if cert else "",
                cert.issuer.human_friendly if cert else "",
                waktu,
                bool(st.intact and st.valid),
                bool(st.trusted),
                berubah,
                bercap,
            )
        )
    return IsiPdf(dari_kata_kunci(_kata_kunci(r)), tuple(hasil))
