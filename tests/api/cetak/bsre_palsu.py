"""A stand-in for the national e-signature service (BSrE API v2), started
for real on a loopback port: it checks the client account (HTTP Basic), the
signer's NIK and passphrase, and signs the PDF with pyHanko under a test CA
of its own, as the real one signs under the national CA. `perilaku`
switches it into each way the real one fails."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from services.cetak.ca_demo import buat_ca_demo
from services.cetak.pengaturan import PengaturanCetak

PENGGUNA, SANDI = "ekinerja-madiun", "rahasia-klien-server"
NIK = "3519011203790001"
PASSPHRASE = "Passphrase#Rahasia-Endang-77"


@dataclass
class BsrePalsu:
    url: str
    ca: Path  # its root, for VerifikasiDokumen's trusted roots
    perilaku: str = "baik"  # baik | lambat | rusak | galat500 | klien_salah
    permintaan: list[dict[str, Any]] = field(default_factory=list)


async def _tandatangani(pdf: bytes, signer: signers.SimpleSigner, sifat: dict[str, Any]) -> bytes:
    nama = "BSrE_1"
    if sifat.get("tampilan") == "VISIBLE" and "page" in sifat:
        # Its coordinates are from the page's top left; pyHanko's from the bottom left.
        tinggi = 841.89
        x, y, w, h = (float(sifat[k]) for k in ("originX", "originY", "width", "height"))
        spec = fields.SigFieldSpec(nama, on_page=int(sifat["page"]) - 1, box=(x, tinggi - y - h, x + w, tinggi - y))
    else:
        spec = fields.SigFieldSpec(nama)
    meta = signers.PdfSignatureMetadata(
        field_name=nama,
        subfilter=fields.SigSeedSubFilter.PADES,
        location=sifat.get("location"),
        reason=sifat.get("reason"),
    )
    out = io.BytesIO()
    await signers.PdfSigner(meta, signer, new_field_spec=spec).async_sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)), output=out
    )
    return out.getvalue()


@asynccontextmanager
async def jalankan(folder: Path) -> AsyncIterator[BsrePalsu]:
    pengaturan = PengaturanCetak(folder)
    buat_ca_demo(pengaturan, "Balai Besar Sertifikasi Elektronik (UJI)")
    b = pengaturan.berkas_kunci
    signer = signers.SimpleSigner.load(str(b.kunci), str(b.sertifikat), ca_chain_files=(str(b.rantai),))
    assert signer is not None

    async def sign(request: web.Request) -> web.Response:
        if (
            request.headers.get("Authorization") != "Basic " + base64.b64encode(f"{PENGGUNA}:{SANDI}".encode()).decode()
            or palsu.perilaku == "klien_salah"
        ):
            return web.json_response({"status": 401, "error": "Unauthorized"}, status=401)
        badan = await request.json()
        palsu.permintaan.append(badan)
        if palsu.perilaku == "lambat":
            await asyncio.sleep(3)  # past the 2 s the test server waits; short, or cleanup waits it out
        if palsu.perilaku == "galat500":
            return web.json_response(
                {"status": 500, "error": "Internal Server Error", "path": "/api/v2/sign/pdf"}, status=500
            )
        if badan.get("nik") != NIK:
            return web.json_response({"status_code": 1111, "error": "NIK tidak terdaftar"}, status=400)
        if badan.get("passphrase") != PASSPHRASE:
            return web.json_response({"status_code": 2031, "error": "Passphrase anda salah"}, status=400)
        if palsu.perilaku == "rusak":
            return web.json_response({"file": [base64.b64encode(b"bukan pdf").decode()]})
        pdf = base64.b64decode(badan["file"][0])
        hasil = await _tandatangani(pdf, signer, badan["signatureProperties"][0])
        return web.json_response({"file": [base64.b64encode(hasil).decode()], "id": "uji-1"})

    app = web.Application(client_max_size=32 * 1024 * 1024)
    app.router.add_post("/api/v2/sign/pdf", sign)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    palsu = BsrePalsu(f"http://127.0.0.1:{port}", pengaturan.ca_demo)
    try:
        yield palsu
    finally:
        await runner.cleanup()
