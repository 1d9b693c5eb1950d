"""PratinjauDokumen names a bad field by its path in PratinjauDokumenRequest
("rencana_skp.skp"), not as the inner Cetak request calls it ("skp"), which
is no field of the request (found by tests/fuzz)."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as c

from tests import data
from tests.api.cetak.bantu import TANGGAL
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import skp_disetujui

C = grpc.StatusCode


async def test_field_yang_salah_disebut_dengan_path_lengkap(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    err = await gagal(
        client.cetak.PratinjauDokumen(
            c.PratinjauDokumenRequest(rencana_skp=c.CetakRencanaSkpRequest(skp="skp/bukan")), metadata=sutikno
        ),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["rencana_skp.skp"]
    err = await gagal(
        client.cetak.PratinjauDokumen(
            c.PratinjauDokumenRequest(form_penilaian=c.CetakFormPenilaianRequest(penilaian="penilaian/x")),
            metadata=sutikno,
        ),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["form_penilaian.penilaian"]
    err = await gagal(client.cetak.PratinjauDokumen(c.PratinjauDokumenRequest(), metadata=sutikno), C.INVALID_ARGUMENT)
    assert list(field_violations(err)) == ["dokumen"]  # the oneof: nothing chosen


async def test_anchor_bentrok_disebut_dengan_path_lengkap(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    err = await gagal(
        client.cetak.PratinjauDokumen(
            c.PratinjauDokumenRequest(
                rencana_skp=c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, anchor_pegawai="SUTIKNO")
            ),
            metadata=sutikno,
        ),
        C.INVALID_ARGUMENT,
    )
    assert list(field_violations(err)) == ["rencana_skp.anchor_pegawai"]
