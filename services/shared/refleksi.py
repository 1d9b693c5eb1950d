"""gRPC server reflection, v1 and v1alpha.

grpcio-reflection (pinned with grpcio) serves only `grpc.reflection.v1alpha`;
grpcurl, Postman and buf curl ask `grpc.reflection.v1` first. The two
protocols are the same messages under another package name, so the one
servicer of grpcio-reflection answers both: v1 is registered with the
v1alpha messages' (de)serializers — the bytes on the wire are identical —
and the v1 file is added to the descriptor pool (made from the v1alpha one,
renamed) so that a client can describe the v1 service too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection, reflection_pb2

SERVICE_V1 = "grpc.reflection.v1.ServerReflection"
_BERKAS_V1 = "grpc/reflection/v1/reflection.proto"
_METODE = "ServerReflectionInfo"


def _daftarkan_v1(pool: descriptor_pool.DescriptorPool) -> None:
    try:
        pool.FindFileByName(_BERKAS_V1)
        return
    except KeyError:
        pass
    fdp = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(fdp)
    fdp.name = _BERKAS_V1
    fdp.package = "grpc.reflection.v1"
    lama, baru = ".grpc.reflection.v1alpha.", ".grpc.reflection.v1."
    for pesan in fdp.message_type:
        for f in pesan.field:
            if f.type_name.startswith(lama):
                f.type_name = baru + f.type_name[len(lama) :]
    for layanan in fdp.service:
        for m in layanan.method:
            m.input_type = baru + m.input_type[len(lama) :]
            m.output_type = baru + m.output_type[len(lama) :]
    fdp.options.Clear()
    pool.Add(fdp)


def pasang(service_names: Sequence[str], server: grpc.aio.Server) -> None:
    """Both reflection services on `server`, listing `service_names` and themselves."""
    pool = descriptor_pool.Default()
    _daftarkan_v1(pool)
    names = [*service_names, reflection.SERVICE_NAME, SERVICE_V1]
    servicer = reflection.aio.ReflectionServicer(names, pool=pool)
    server.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(reflection.SERVICE_NAME, {_METODE: _handler(servicer)}),
            grpc.method_handlers_generic_handler(SERVICE_V1, {_METODE: _handler(servicer)}),
        )
    )


def _handler(servicer: reflection.aio.ReflectionServicer) -> grpc.RpcMethodHandler[Any, Any]:
    return grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
