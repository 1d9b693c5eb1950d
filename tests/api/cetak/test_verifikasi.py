"""VerifikasiDokumen and the verification code: a printed document is found
again by its bytes or by its code; signatures are reported valid, broken, or
followed by changes; a file from elsewhere is said to be so."""

import contextlib
import io
import re

import grpc
import pytest
from ekinerja.cetak.v1 import cetak_pb2 as c
from pyhanko.pdf_utils.generic import StreamObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests import data
from tests.api.cetak.bantu import TANGGAL, ca_demo, teks, unduh, verifikasi
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import skp_disetujui

C = grpc.StatusCode
PEGAWAI = c.PIHAK_TANDA_TANGAN_PEGAWAI


def tambah_isi_halaman(pdf: bytes) -> bytes:
    """An incremental update that draws new text on page 1: the kind of
    change a signature must not survive."""
    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    ref = w.add_object(StreamObject(stream_data=b"BT /F1 24 Tf 100 400 Td (PALSU) Tj ET"))
    w.add_stream_to_page(0, ref)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


async def test_cetakan_ditemukan_lagi_dengan_kode_dan_tanda_tangannya_diperiksa(client, settings):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    polos = await unduh(
        client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL), metadata=sutikno)
    )
    kode = polos.info.riwayat.kode_verifikasi
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", kode)
    assert f"Kode verifikasi: {kode}" in teks(polos.isi)

    # Anyone signed in who holds the file may ask: another instansi's admin too.
    lain = await client.login(username="admin.ngawi")
    h = await verifikasi(client, lain, polos.isi)
    assert (h.sama_dengan_cetakan, h.kode_verifikasi, h.riwayat.name) == (True, kode, polos.info.riwayat.name)
    assert list(h.tanda_tangan) == [] and "persis dokumen yang dicetak" in h.kesimpulan
    assert "tidak bertanda tangan" in h.kesimpulan

    # Signed by the server's key (the demo CA, which the server trusts).
    ca_demo(settings)
    ttd = await unduh(
        client.cetak.CetakRencanaSkp(
            c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, tanda_tangan=PEGAWAI), metadata=sutikno
        )
    )
    h = await verifikasi(client, sutikno, ttd.isi, potongan=7000)
    [t] = h.tanda_tangan
    assert (t.sah, t.utuh, t.tepercaya, t.berubah_setelahnya) == (True, True, True, False), t
    assert t.nama_field == "TTD_PEGAWAI" and "Penanda Tangan Dokumen e-Kinerja" in t.penanda_tangan
    assert h.sama_dengan_cetakan and h.riwayat.ditandatangani == PEGAWAI and "sah" in h.kesimpulan

    # Changed after signing: same code, other bytes, the signature no longer vouches for it.
    diubah = tambah_isi_halaman(ttd.isi)
    h = await verifikasi(client, sutikno, diubah)
    [t] = h.tanda_tangan
    assert t.utuh and t.berubah_setelahnya and not t.sah, t
    assert not h.sama_dengan_cetakan and h.riwayat.name == ttd.info.riwayat.name
    assert "tidak sama" in h.kesimpulan and "PERHATIAN" in h.kesimpulan

    # A byte changed inside the signed range: broken.
    rusak = bytearray(ttd.isi)
    posisi = rusak.find(b"/Type /Page")
    rusak[posisi + 1] ^= 0x20
    [t] = (await verifikasi(client, sutikno, bytes(rusak))).tanda_tangan
    assert not t.utuh and not t.sah and "TIDAK SAH" in t.keterangan


async def test_berkas_dari_luar_dan_berkas_salah(client):
    md = await client.login(nip=data.SUTIKNO)
    from pypdf import PdfWriter

    buf = io.BytesIO()
    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    w.write(buf)
    h = await verifikasi(client, md, buf.getvalue())
    assert not h.riwayat.name and not h.kode_verifikasi and "Tidak ada catatan cetak" in h.kesimpulan
    for isi, pesan in ((b"", "kosong"), (b"GIF89a bukan pdf", "bukan PDF"), (b"%PDF-1.7 terpotong", "tidak dapat")):
        err = await gagal(verifikasi(client, md, isi), C.INVALID_ARGUMENT)
        assert pesan in field_violations(err)["isi"], isi
    err = await gagal(verifikasi(client, md, b"%PDF" + b"0" * (5 * 1024 * 1024)), C.INVALID_ARGUMENT)
    assert "5 MiB" in field_violations(err)["isi"]
    await gagal(verifikasi(client, (), buf.getvalue()), C.UNAUTHENTICATED)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_cap_waktu_tsa_dan_data_validasi_disematkan(settings, tmp_path):
    """With a TSA configured, the server's signature carries the TSA's time
    and the validation data (DSS); Verifikasi Dokumen reports the time as
    the TSA's."""
    from tests.api.cetak import tsa_palsu
    from tests.api.cetak.test_tte import server_dengan

    cap = contextlib.AsyncExitStack()
    tsa = await cap.enter_async_context(tsa_palsu.jalankan(tmp_path / "tsa"))
    try:
        async with server_dengan(settings, cetak_tsa_url=tsa.url, tte_akar=tsa.akar) as (_, client):
            ca_demo(settings)
            skp = await skp_disetujui(client)
            md = await client.login(nip=data.SUTIKNO)
            minta = c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, tanda_tangan=PEGAWAI)
            ttd = await unduh(client.cetak.CetakRencanaSkp(minta, metadata=md))
            assert b"/DSS" in ttd.isi  # the certificates (and any revocation data) for checking it later
            [t] = (await verifikasi(client, md, ttd.isi)).tanda_tangan
            assert t.sah and t.bercap_waktu and "cap waktu TSA" in t.keterangan, t
            # The TSA gone: no signature without its time, and the answer says which service failed.
            await cap.aclose()
            err = await gagal(unduh(client.cetak.CetakRencanaSkp(minta, metadata=md)), C.UNAVAILABLE)
            assert "cap waktu (TSA)" in err.details()
    finally:
        await cap.aclose()
