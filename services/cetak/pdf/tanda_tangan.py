"""Digital signatures (PAdES B-B) with pyHanko: the key and certificate
configured for cetak sign the PDF as a visible signature at a signature
spot. The visible box is drawn by typst (templat/stempel.typ), so its font
is embedded like the document's."""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.stamp import StaticStampStyle

from services.cetak.domain.tanggal import tanggal_teks
from services.cetak.pdf.typst_pdf import MesinTypst, Tempat
from services.shared.errors import KondisiTidakTerpenuhi

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


@dataclass(frozen=True)
class BerkasKunci:
    """Where the signing key, its certificate and the chain up to the root
    are (PEM). docs/cetak.md tells how to put a real one there."""

    kunci: Path
    sertifikat: Path
    rantai: Path

    def ada(self) -> bool:
        return self.kunci.is_file() and self.sertifikat.is_file()


class _HalamanPdf(PdfContent):
    """Page 0 of an in-memory PDF as a form XObject (pyHanko's own
    ImportedPdfPage reads a file)."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__()
        self._pdf = pdf

    def render(self) -> bytes:
        w = self._ensure_writer
        xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(self._pdf)), page_ix=0)
        self.resources.xobject["/Stempel"] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return b"/Stempel Do"


class _SignerTetap(signers.SimpleSigner):
    """pyHanko parses the private key again for every signature, which for
    RSA costs ~40 ms (cryptography checks the key each time): parse it once."""

    @functools.cached_property
    def _kunci_terurai(self) -> Any:
        return serialization.load_der_private_key(self.signing_key.dump(), password=None)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mekanisme = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if mekanisme == "rsassa_pkcs1v15":
            return bytes(self._kunci_terurai.sign(data, PKCS1v15(), hash_algo))
        if mekanisme == "ecdsa":
            return bytes(self._kunci_terurai.sign(data, signature_algorithm=ECDSA(hash_algo)))
        return super().sign_raw(data, digest_algorithm)


def _ruang_tanda_tangan(signer: signers.SimpleSigner) -> int:
    """Bytes to reserve for the CMS container: its certificates plus room for
    the signature and attributes. Saying it skips pyHanko's dry run, which
    signs everything twice."""
    sertifikat = [signer.signing_cert, *signer.cert_registry]
    ruang = sum(len(c.dump()) for c in sertifikat if c is not None) + 4096
    # pyHanko writes it as hex, two digits a byte: an odd size (certificates
    # with an odd DER length, by chance of their serials and keys) is refused.
    return ruang + ruang % 2


class Penandatangan:
    """Loads the key material on first use and again whenever its files
    change (`ekinerja cetak ca-demo` may run while the server does)."""

    def __init__(self, berkas: BerkasKunci) -> None:
        self._berkas = berkas
        self._kunci = threading.Lock()
        self._versi: tuple[float, ...] | None = None
        self._signer: signers.SimpleSigner | None = None
        self._stempel = MesinTypst("stempel.typ")

    def _muat(self) -> signers.SimpleSigner:
        b = self._berkas
        if not b.ada():
            raise KondisiTidakTerpenuhi(
                # The folder is the server's business (logged there), not the user's.
                "Tanda tangan digital belum dikonfigurasi di server: kunci dan sertifikat penanda tangan belum "
                "dipasang. Hubungi admin (demo: jalankan `ekinerja cetak ca-demo`).")
        versi = tuple(os.stat(p).st_mtime for p in (b.kunci, b.sertifikat, b.rantai) if p.exists())
        with self._kunci:
            if self._signer is None or versi != self._versi:
                rantai = (str(b.rantai),) if b.rantai.is_file() else ()
                dimuat = signers.SimpleSigner.load(str(b.kunci), str(b.sertifikat), ca_chain_files=rantai)
                if dimuat is None:
                    raise KondisiTidakTerpenuhi("Kunci atau sertifikat penanda tangan di server tidak dapat dibaca.")
                self._signer = _SignerTetap(signing_cert=dimuat.signing_cert, signing_key=dimuat.signing_key,
                                            cert_registry=dimuat.cert_registry)
                self._versi = versi
            return self._signer

    def periksa(self) -> None:
        """Fails early (before rendering) when there is no key to sign with."""
        self._muat()

    def tandatangani(self, pdf: bytes, tempat: Tempat, pihak: str, nama: str, nip: str, lokasi: str,
                     waktu: dt.datetime) -> bytes:
        signer = self._muat()
        x1, y1, x2, y2 = tempat.kotak
        lokal = waktu.astimezone(WIB)
        stempel, _ = self._stempel.render_data({"lebar": x2 - x1, "tinggi": y2 - y1, "baris": [
            "Ditandatangani secara elektronik oleh", nama, nip,
            f"{tanggal_teks(lokal.date())} {lokal:%H:%M} WIB",
            f"Sertifikat: {signer.subject_name}",
        ]}, waktu)
        nama_field = f"TTD_{pihak}"
        meta = signers.PdfSignatureMetadata(
            field_name=nama_field, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
            name=nama, location=lokasi, reason=f"Tanda tangan {nama} ({nip})")
        penanda = signers.PdfSigner(
            meta, signer, stamp_style=StaticStampStyle(background=_HalamanPdf(stempel), border_width=0),
            new_field_spec=fields.SigFieldSpec(nama_field, on_page=tempat.halaman,
                                              box=tempat.kotak))  # type: ignore[arg-type]  # PDF points, floats
        out = io.BytesIO()
        # sign_pdf runs its own event loop: this is called on a worker thread.
        penanda.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out,
                         bytes_reserved=_ruang_tanda_tangan(signer))
        return out.getvalue()
