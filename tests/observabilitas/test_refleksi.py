"""Server reflection answers on v1 (what grpcurl and buf curl ask first) as
on v1alpha, and a foreign client can describe every service from it."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import descriptor_pb2
from grpc_reflection.v1alpha import reflection_pb2 as r

SERVICES = {
    "ekinerja.profil.v1.AuthService",
    "ekinerja.profil.v1.ProfilService",
    "ekinerja.skp.v1.SkpService",
    "ekinerja.penilaian.v1.PenilaianService",
    "ekinerja.cetak.v1.CetakService",
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
}


@pytest.mark.parametrize("versi", ["v1", "v1alpha"])
async def test_refleksi_v1_dan_v1alpha(client, versi):
    # The v1 messages are v1alpha's under another package: the same bytes.
    info = client.channel.stream_stream(
        f"/grpc.reflection.{versi}.ServerReflection/ServerReflectionInfo",
        request_serializer=r.ServerReflectionRequest.SerializeToString,
        response_deserializer=r.ServerReflectionResponse.FromString,
    )
    permintaan = [
        r.ServerReflectionRequest(list_services=""),
        *(r.ServerReflectionRequest(file_containing_symbol=s) for s in sorted(SERVICES)),
    ]
    jawaban = [j async for j in info(iter(permintaan))]
    assert {s.name for s in jawaban[0].list_services_response.service} == SERVICES
    for minta, jawab in zip(permintaan[1:], jawaban[1:], strict=True):
        assert jawab.WhichOneof("message_response") == "file_descriptor_response", minta.file_containing_symbol
        berkas = [
            descriptor_pb2.FileDescriptorProto.FromString(b)
            for b in jawab.file_descriptor_response.file_descriptor_proto
        ]
        paket, _, nama = minta.file_containing_symbol.rpartition(".")
        assert any(f.package == paket and nama in {x.name for x in f.service} for f in berkas)


async def test_metode_tak_dikenal_tetap_unimplemented(client):
    info = client.channel.stream_stream("/grpc.reflection.v2.ServerReflection/ServerReflectionInfo")
    with pytest.raises(grpc.aio.AioRpcError) as e:
        async for _ in info(iter([b""])):
            pass
    assert e.value.code() == grpc.StatusCode.UNIMPLEMENTED
