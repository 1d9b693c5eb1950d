"""Digital signatures with pyHanko: the key and certificate configured for
cetak sign the PDF as a visible signature at a signature spot. The visible
box is drawn by typst (templat/stempel.typ), so its font is embedded like
the document's. PAdES B-B; with a timestamping authority configured the
signature also carries the TSA's time and the certificates and revocation
data needed to check it later (B-T/B-LT), fetched at signing time."""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError

from services.cetak.domain.tanggal import tanggal_teks
from services.cetak.pdf.typst_pdf import MesinTypst, Tempat
from services.shared.errors import KondisiTidakTerpenuhi, TidakTersedia

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

    def __init__(self, berkas: BerkasKunci, tsa_url: str | None = None, akar: Callable[[], list[Path]] = list) -> None:
        """`akar`: the roots the signer's and the TSA's chains end in (read
        at each signature: a demo CA may be made while the server runs)."""
        self._berkas = berkas
        self._tsa_url = tsa_url
        self._akar = akar
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
                "dipasang. Hubungi admin (demo: jalankan `ekinerja cetak ca-demo`)."
            )
        versi = tuple(os.stat(p).st_mtime for p in (b.kunci, b.sertifikat, b.rantai) if p.exists())
        with self._kunci:
            if self._signer is None or versi != self._versi:
                rantai = (str(b.rantai),) if b.rantai.is_file() else ()
                dimuat = signers.SimpleSigner.load(str(b.kunci), str(b.sertifikat), ca_chain_files=rantai)
                if dimuat is None:
                    raise KondisiTidakTerpenuhi("Kunci atau sertifikat penanda tangan di server tidak dapat dibaca.")
                self._signer = _SignerTetap(
                    signing_cert=dimuat.signing_cert, signing_key=dimuat.signing_key, cert_registry=dimuat.cert_registry
                )
                self._versi = versi
            return self._signer

    def periksa(self) -> None:
        """Fails early (before rendering) when there is no key to sign with."""
        self._muat()

    def tandatangani(
        self, pdf: bytes, tempat: Tempat, pihak: str, nama: str, nip: str, lokasi: str, waktu: dt.datetime
    ) -> bytes:
        signer = self._muat()
        x1, y1, x2, y2 = tempat.kotak
        lokal = waktu.astimezone(WIB)
        stempel, _ = self._stempel.render_data(
            {
                "lebar": x2 - x1,
                "tinggi": y2 - y1,
                "baris": [
                    "Ditandatangani secara elektronik oleh",
                    nama,
                    nip,
                    f"{tanggal_teks(lokal.date())} {lokal:%H:%M} WIB",
                    f"Sertifikat: {signer.subject_name}",
                ],
            },
            waktu,
        )
        nama_field = f"TTD_{pihak}"
        lt: dict[str, Any] = {}
        cap_waktu = None
        if self._tsa_url:
            cap_waktu = HTTPTimeStamper(self._tsa_url, timeout=15)
            akar = [c for p in self._akar() for c in load_certs_from_pemder([str(p)])]
            # Revocation data is fetched where the chain says it is; a chain without any (the demo CA)
            # still gets its certificates embedded.
            lt = {
                "embed_validation_info": True,
                "validation_context": ValidationContext(
                    trust_roots=akar or None, allow_fetching=True, revocation_mode="soft-fail"
                ),
            }
        meta = signers.PdfSignatureMetadata(
            field_name=nama_field,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            name=nama,
            location=lokasi,
            reason=f"Tanda tangan {nama} ({nip})",
            **lt,
        )
        penanda = signers.PdfSigner(
            meta,
            signer,
            timestamper=cap_waktu,
            stamp_style=StaticStampStyle(background=_HalamanPdf(stempel), border_width=0),
            # PDF points are floats; pyHanko's annotation says int.
            new_field_spec=fields.SigFieldSpec(nama_field, on_page=tempat.halaman, box=tempat.kotak),  # type: ignore[arg-type]
        )
        out = io.BytesIO()
        # sign_pdf runs its own event loop: this is called on a worker thread.
        # A timestamp token and validation data take room the estimate does not count: pyHanko sizes it.
        try:
            penanda.sign_pdf(
                IncrementalPdfFileWriter(io.BytesIO(pdf)),
                output=out,
                bytes_reserved=None if cap_waktu else _ruang_tanda_tangan(signer),
            )
        except PathBuildingError:
            raise KondisiTidakTerpenuhi(
                "Tanda tangan tidak dapat dilengkapi data validasinya: rantai sertifikat penanda tangan atau "
                "TSA tidak berujung pada CA akar yang dipercaya server (EKINERJA_TTE_AKAR). Hubungi admin."
            ) from None
        except TimestampRequestError:
            # An IOError to the server's error mapping (which would say "database"): say what it is.
            raise TidakTersedia(
                "Layanan cap waktu (TSA) tidak dapat dihubungi; dokumen belum ditandatangani. Coba lagi sebentar lagi."
            ) from None
        return out.getvalue()
