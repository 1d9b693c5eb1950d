"""Digital signatures: PAdES by the configured key, visible at the signer's
spot, valid against the demo CA, broken by any change to the file."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n

from tests import data
from tests.api.cetak.bantu import TANGGAL, ca_demo, tanda_tangan, teks, unduh
from tests.api.errors import gagal
from tests.api.penilaian.bantu import nilai, periode, skp_disetujui

C = grpc.StatusCode
PEGAWAI, PENILAI = c.PIHAK_TANDA_TANGAN_PEGAWAI, c.PIHAK_TANDA_TANGAN_PENILAI


async def test_tanpa_kunci_tanda_tangan_ditolak_dengan_petunjuk(client):
    skp = await skp_disetujui(client)
    err = await gagal(
        unduh(
            client.cetak.CetakRencanaSkp(
                c.CetakRencanaSkpRequest(skp=skp.name, tanda_tangan=PEGAWAI),
                metadata=await client.login(nip=data.SUTIKNO),
            )
        ),
        C.FAILED_PRECONDITION,
    )
    assert "ekinerja cetak ca-demo" in err.details()


async def test_tanda_tangan_sah_terhadap_ca_demo_dan_rusak_bila_diubah(client, settings):
    ca = ca_demo(settings)  # the server loads the key on first use
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    hasil = await unduh(
        client.cetak.CetakRencanaSkp(
            c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, anchor_pegawai="^", tanda_tangan=PEGAWAI),
            metadata=sutikno,
        )
    )
    [status] = await tanda_tangan(hasil.isi, ca)
    assert status.bottom_line and status.intact and status.trusted, status.summary()
    assert status.signing_cert.subject.native["common_name"] == "Penanda Tangan Dokumen e-Kinerja (DEMO)"
    assert hasil.info.riwayat.ditandatangani == PEGAWAI
    assert teks(hasil.isi).count("^") == 1  # the anchor is still there, once, under the signature box
    # A changed byte in the signed range: the signature no longer holds.
    rusak = bytearray(hasil.isi)
    posisi = rusak.find(b"/Type /Page") if b"/Type /Page" in rusak else 500
    rusak[posisi + 1] ^= 0x20
    [status] = await tanda_tangan(bytes(rusak), ca)
    assert not status.intact and not status.bottom_line
    # Only the signer asks for their own spot.
    endang = await client.login(nip=data.ENDANG)
    await gagal(
        unduh(
            client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanda_tangan=PEGAWAI), metadata=endang)
        ),
        C.PERMISSION_DENIED,
    )
    await gagal(
        unduh(
            client.cetak.CetakRencanaSkp(
                c.CetakRencanaSkpRequest(skp=skp.name, tanda_tangan=PENILAI),
                metadata=await client.login(username="helpdesk.bkpsdm"),
            )
        ),
        C.PERMISSION_DENIED,
    )
    await nilai(client, endang, skp, n.RATING_SESUAI_EKSPEKTASI, n.RATING_SESUAI_EKSPEKTASI)
    form = await unduh(
        client.cetak.CetakFormPenilaian(
            c.CetakFormPenilaianRequest(penilaian=periode(skp), tanda_tangan=PENILAI), metadata=endang
        )
    )
    [status] = await tanda_tangan(form.isi, ca)
    assert status.bottom_line, status.summary()


async def test_sertifikat_lain_tidak_dipercaya(client, settings, tmp_path):
    from services.cetak.ca_demo import buat_ca_demo
    from services.cetak.pengaturan import PengaturanCetak

    ca_demo(settings)
    lain = buat_ca_demo(PengaturanCetak(tmp_path / "lain"))
    skp = await skp_disetujui(client)
    hasil = await unduh(
        client.cetak.CetakRencanaSkp(
            c.CetakRencanaSkpRequest(skp=skp.name, tanda_tangan=PEGAWAI), metadata=await client.login(nip=data.SUTIKNO)
        )
    )
    [status] = await tanda_tangan(hasil.isi, lain)
    assert status.intact and not status.trusted and not status.bottom_line
