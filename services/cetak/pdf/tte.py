"""Signing through the national e-signature service (TTE, BSrE API v2), as
its published clients call it: `POST {url}/api/v2/sign/pdf` with cetak's
client account (HTTP Basic) and, in JSON, the signer's NIK and passphrase,
the signature's appearance (`signatureProperties`: VISIBLE with an image at
a page and box, or at an anchor text (`tag`); or INVISIBLE) and the PDF
(`file`, base64). The answer is the signed PDF (`file`, base64); a refusal
carries `status_code` and `error` (or `message`).

The passphrase goes into that one request and nowhere else: not into the
print record, the idempotency answer, an error detail or a log line
(tests/api/cetak/test_tte.py looks for it everywhere)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import structlog
from pyhanko.pdf_utils.reader import PdfFileReader

from services.cetak.domain.tanggal import tanggal_teks
from services.cetak.pdf.typst_pdf import MesinTypst, Tempat
from services.cetak.pengaturan import LayananTte
from services.shared.errors import KondisiTidakTerpenuhi, TidakTersedia, TidakValid

log = structlog.get_logger("ekinerja.cetak.tte")
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
_NIK = re.compile(r"\d{16}")
MAKS_PASSPHRASE = 128


@dataclass(frozen=True)
class KredensialTte:
    nik: str
    passphrase: str = field(repr=False)
    tak_tampak: bool = False


def kredensial(nik: str, passphrase: str, tak_tampak: bool) -> KredensialTte:
    """The signer's credentials, or TidakValid naming the field."""
    nik = nik.strip()
    if not _NIK.fullmatch(nik):
        raise TidakValid("tte.nik", "NIK penanda tangan: 16 angka, seperti terdaftar di layanan TTE")
    if not passphrase:
        raise TidakValid("tte.passphrase", "wajib diisi: passphrase sertifikat elektronik Anda di layanan TTE")
    if len(passphrase) > MAKS_PASSPHRASE or any(ord(c) < 32 for c in passphrase):
        raise TidakValid("tte.passphrase", f"paling banyak {MAKS_PASSPHRASE} karakter, tanpa karakter kendali")
    return KredensialTte(nik, passphrase, tak_tampak)


def _jumlah_tanda_tangan(pdf: bytes) -> int:
    try:
        return len(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)
    except Exception:  # noqa: BLE001 - anything unreadable is "not a signed PDF"
        return -1


def _pesan(isi: Any) -> tuple[int | None, str]:
    """The service's status_code and message, printable and short."""
    if not isinstance(isi, dict):
        return None, ""
    kode = isi.get("status_code")
    teks = isi.get("error") or isi.get("message") or ""
    teks = "".join(c for c in str(teks) if c.isprintable())[:200]
    return (int(kode) if isinstance(kode, int | str) and str(kode).isdigit() else None), teks


class PenandatanganTte:
    """One HTTP session for the process; a call never outlives its timeout."""

    def __init__(self, layanan: LayananTte) -> None:
        self._layanan = layanan
        self._sesi: aiohttp.ClientSession | None = None
        self._stempel = MesinTypst("stempel.typ")

    def _sesi_http(self) -> aiohttp.ClientSession:
        if self._sesi is None or self._sesi.closed:
            akun = base64.b64encode(f"{self._layanan.pengguna}:{self._layanan.sandi}".encode()).decode()
            self._sesi = aiohttp.ClientSession(
                headers={"Authorization": f"Basic {akun}"},  # HTTP Basic, as the service's clients send it
                timeout=aiohttp.ClientTimeout(total=self._layanan.timeout_detik),
            )
        return self._sesi

    async def tutup(self) -> None:
        if self._sesi is not None:
            await self._sesi.close()

    def gambar(self, tempat: Tempat, nama: str, nip: str, waktu: dt.datetime) -> bytes:
        """The visible signature's image (PNG), drawn like the local signer's box.
        Runs on a worker thread (typst)."""
        x1, y1, x2, y2 = tempat.kotak
        lokal = waktu.astimezone(WIB)
        png, _ = self._stempel.render_data(
            {
                "lebar": x2 - x1,
                "tinggi": y2 - y1,
                "baris": [
                    "Ditandatangani secara elektronik oleh",
                    nama,
                    nip,
                    f"{tanggal_teks(lokal.date())} {lokal:%H:%M} WIB",
                    "Sertifikat elektronik BSrE",
                ],
            },
            waktu,
            format="png",
        )
        return png

    def permintaan(
        self, pdf: bytes, k: KredensialTte, tempat: Tempat, anchor: str, gambar: bytes | None, lokasi: str, alasan: str
    ) -> dict[str, Any]:
        sifat: dict[str, Any] = {"location": lokasi, "reason": alasan}
        if k.tak_tampak or gambar is None:
            sifat["tampilan"] = "INVISIBLE"
        else:
            sifat.update(tampilan="VISIBLE", imageBase64=base64.b64encode(gambar).decode())
            x1, y1, x2, y2 = tempat.kotak
            if anchor:
                sifat.update(tag=anchor, width=round(x2 - x1, 2), height=round(y2 - y1, 2))
            else:
                # The service measures from the page's top left corner, as the page is seen.
                sifat.update(
                    page=tempat.halaman + 1,
                    originX=round(x1, 2),
                    originY=round(tempat.tinggi_halaman - y2, 2),
                    width=round(x2 - x1, 2),
                    height=round(y2 - y1, 2),
                )
        return {
            "nik": k.nik,
            "passphrase": k.passphrase,
            "signatureProperties": [sifat],
            "file": [base64.b64encode(pdf).decode()],
        }

    async def tandatangani(
        self, pdf: bytes, k: KredensialTte, tempat: Tempat, anchor: str, gambar: bytes | None, lokasi: str, alasan: str
    ) -> bytes:
        badan = self.permintaan(pdf, k, tempat, anchor, gambar, lokasi, alasan)
        url = f"{self._layanan.url}/api/v2/sign/pdf"
        try:
            async with self._sesi_http().post(url, json=badan) as r:
                mentah = await r.read()
                status = r.status
        except TimeoutError:
            log.warning("tte.timeout", detik=self._layanan.timeout_detik)
            raise TidakTersedia(
                f"Layanan TTE tidak menjawab dalam {self._layanan.timeout_detik:g} detik; "
                "dokumen belum ditandatangani. Coba lagi sebentar lagi."
            ) from None
        except aiohttp.ClientError as e:
            log.warning("tte.tidak_terhubung", galat=type(e).__name__)
            raise TidakTersedia(
                "Layanan TTE tidak dapat dihubungi; dokumen belum ditandatangani. Coba lagi sebentar lagi."
            ) from None
        try:
            isi = json.loads(mentah) if mentah else None
        except ValueError:
            isi = None
        if status != 200:
            raise self._galat(status, isi)
        return self._hasil(pdf, isi)

    def _galat(self, status: int, isi: Any) -> Exception:
        kode, teks = _pesan(isi)
        log.warning("tte.ditolak", http=status, status_code=kode, pesan=teks)
        kecil = teks.lower()
        if kode == 2031 or "passphrase" in kecil:
            return TidakValid("tte.passphrase", f"ditolak layanan TTE: {teks or 'passphrase salah'}")
        if "nik" in kecil or "tidak terdaftar" in kecil or "belum terdaftar" in kecil:
            return TidakValid("tte.nik", f"ditolak layanan TTE: {teks}")
        if status in (401, 403):
            # Our own client account: the server's business, not the signer's.
            return KondisiTidakTerpenuhi(
                "Server e-Kinerja ditolak layanan TTE (akun layanan server salah atau "
                "tidak aktif); dokumen belum ditandatangani. Hubungi admin."
            )
        if status >= 500 or status == 429:
            return TidakTersedia(
                f"Layanan TTE sedang bermasalah (HTTP {status}); dokumen belum ditandatangani. Coba lagi sebentar lagi."
            )
        return KondisiTidakTerpenuhi(f"Layanan TTE menolak permintaan: {teks or f'HTTP {status}'}")

    @staticmethod
    def _hasil(asli: bytes, isi: Any) -> bytes:
        berkas = isi.get("file") if isinstance(isi, dict) else None
        try:
            pdf = base64.b64decode(berkas[0], validate=True) if isinstance(berkas, list) and berkas else b""
        except (binascii.Error, TypeError, ValueError):
            pdf = b""
        # Whatever came back must be a PDF holding one signature more than the one sent.
        if not pdf.startswith(b"%PDF") or _jumlah_tanda_tangan(pdf) != _jumlah_tanda_tangan(asli) + 1:
            log.warning("tte.jawaban_rusak", ukuran=len(pdf))
            raise TidakTersedia("Layanan TTE menjawab tanpa dokumen bertanda tangan; coba lagi sebentar lagi.")
        return pdf
