"""The four services answer in one process: health per service, reflection,
and each service's first RPC."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2 as pn
from ekinerja.skp.v1 import skp_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from tests import data
from tests.api.errors import field_violations, gagal

SERVICES = [
    "ekinerja.profil.v1.AuthService",
    "ekinerja.profil.v1.ProfilService",
    "ekinerja.skp.v1.SkpService",
    "ekinerja.penilaian.v1.PenilaianService",
    "ekinerja.cetak.v1.CetakService",
]


async def test_health_per_layanan(client):
    health = health_pb2_grpc.HealthStub(client.channel)
    for name in ["", *SERVICES]:
        r = await health.Check(health_pb2.HealthCheckRequest(service=name))
        assert r.status == health_pb2.HealthCheckResponse.SERVING, name
    await gagal(health.Check(health_pb2.HealthCheckRequest(service="tidak.ada")), grpc.StatusCode.NOT_FOUND)


async def test_reflection_mendaftar_semua_layanan(client):
    stub = reflection_pb2_grpc.ServerReflectionStub(client.channel)
    responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    async for r in responses:
        names = {s.name for s in r.list_services_response.service}
        break
    assert set(SERVICES) <= names


async def test_perilaku_kerja_berakhlak(client):
    md = await client.login(nip=data.SUTIKNO)
    r = await client.skp.ListPerilakuKerja(skp_pb2.ListPerilakuKerjaRequest(), metadata=md)
    assert [x.nama for x in r.perilaku] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(x.uraian) == 3 for x in r.perilaku)


async def test_predikat(client):
    md = await client.login(nip=data.SUTIKNO)
    r = await client.penilaian.HitungPredikat(
        pn.HitungPredikatRequest(
            rating_hasil_kerja=pn.RATING_DIBAWAH_EKSPEKTASI, rating_perilaku_kerja=pn.RATING_SESUAI_EKSPEKTASI
        ),
        metadata=md,
    )
    assert (r.predikat, r.label) == (pn.PREDIKAT_BUTUH_PERBAIKAN, "Butuh Perbaikan")
    r = await client.penilaian.HitungPredikat(
        pn.HitungPredikatRequest(rating_hasil_kerja=pn.RATING_SESUAI_EKSPEKTASI), metadata=md
    )
    assert r.label == "-"
    err = await gagal(
        client.penilaian.HitungPredikat(pn.HitungPredikatRequest(rating_hasil_kerja=9), metadata=md),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert "rating_hasil_kerja" in field_violations(err)


async def test_jenis_dokumen_cetak(client):
    md = await client.login(nip=data.SUTIKNO)
    r = await client.cetak.ListJenisDokumen(cetak_pb2.ListJenisDokumenRequest(), metadata=md)
    assert [d.kode for d in r.dokumen] == ["RENCANA_SKP", "FORM_PENILAIAN", "EVALUASI_KINERJA"]
    assert "ANCHOR PEGAWAI YANG DINILAI" in [i.label for i in r.dokumen[0].isian]
