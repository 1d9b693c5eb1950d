"""The LOKASI of a print is typed text: printable, as every other (security
finding 12: an OSC 8 in it reached the terminals of those who read the
document's riwayat)."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as c

from tests import data
from tests.api.cetak.bantu import TANGGAL, unduh
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import skp_disetujui

OSC8 = "Madiun\x1b]8;;https://jahat.example/\x1b\\"


async def test_lokasi_dengan_karakter_kendali_ditolak(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    req = c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, lokasi=OSC8)
    err = await gagal(
        client.cetak.PratinjauDokumen(c.PratinjauDokumenRequest(rencana_skp=req), metadata=sutikno),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert field_violations(err) == {"rencana_skp.lokasi": "berisi karakter yang tidak diizinkan"}
    err = await gagal(unduh(client.cetak.CetakRencanaSkp(req, metadata=sutikno)), grpc.StatusCode.INVALID_ARGUMENT)
    assert field_violations(err) == {"lokasi": "berisi karakter yang tidak diizinkan"}
    req.lokasi = "Kab.\tMadiun"  # whitespace is folded, as before
    assert (await unduh(client.cetak.CetakRencanaSkp(req, metadata=sutikno))).info.ukuran > 0
