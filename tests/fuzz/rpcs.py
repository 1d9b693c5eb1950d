"""Every RPC of every ekinerja service, read from the service descriptors the
server registers (services.registry), and one way to call any of them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import ekinerja
import grpc
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass

from services.registry import MODULES


@dataclass(frozen=True)
class Rpc:
    service: str  # "ekinerja.skp.v1.SkpService"
    method: MethodDescriptor

    @property
    def name(self) -> str:
        return self.method.name

    @property
    def path(self) -> str:
        return f"/{self.service}/{self.method.name}"

    @property
    def request_type(self) -> type[Message]:
        return GetMessageClass(self.method.input_type)

    @property
    def response_type(self) -> type[Message]:
        return GetMessageClass(self.method.output_type)

    @property
    def streams_response(self) -> bool:
        return bool(self.method.server_streaming)

    @property
    def streams_request(self) -> bool:
        return bool(self.method.client_streaming)

    @property
    def callable(self) -> bool:
        """The fuzzer sends one generated request (a client stream: that
        one, then it again; `call`); a bidirectional stream it cannot call."""
        return not (self.method.client_streaming and self.method.server_streaming)


def services() -> list[str]:
    """The services the server registers (services.registry), in start order."""
    return [name for module in MODULES.values() for name in module.service_names]


def declared() -> set[str]:
    """Every service the contracts declare (the generated ekinerja.*_pb2 modules)."""
    names = set()
    for path in sorted(Path(ekinerja.__path__[0]).rglob("*_pb2.py")):
        module = importlib.import_module(
            "ekinerja." + ".".join(path.relative_to(ekinerja.__path__[0]).with_suffix("").parts)
        )
        names.update(s.full_name for s in module.DESCRIPTOR.services_by_name.values())
    return names


def of(service: str) -> list[Rpc]:
    d = descriptor_pool.Default().FindServiceByName(service)
    return [Rpc(service, m) for m in d.methods]


@dataclass
class Outcome:
    code: grpc.StatusCode
    details: str = ""
    trailers: tuple[tuple[str, bytes | str], ...] = ()
    messages: int = 0


async def call(
    channel: grpc.aio.Channel, rpc: Rpc, request: Message, metadata: tuple[tuple[str, str], ...], timeout: float
) -> Outcome:
    """Calls `rpc` and reads a streamed answer to its end. A client stream
    gets the generated message twice: as its first message and as a following
    one, so both the opening checks and those of each next message are fuzzed."""
    serialize, parse = rpc.request_type.SerializeToString, rpc.response_type.FromString
    try:
        if rpc.streams_request:
            client_stream = channel.stream_unary(rpc.path, request_serializer=serialize, response_deserializer=parse)
            await client_stream(iter([request, request]), metadata=metadata, timeout=timeout)
            return Outcome(grpc.StatusCode.OK, messages=1)
        if rpc.streams_response:
            stream = channel.unary_stream(rpc.path, request_serializer=serialize, response_deserializer=parse)(
                request, metadata=metadata, timeout=timeout
            )
            count = 0
            async for _ in stream:
                count += 1
            return Outcome(grpc.StatusCode.OK, messages=count)
        unary = channel.unary_unary(rpc.path, request_serializer=serialize, response_deserializer=parse)
        await unary(request, metadata=metadata, timeout=timeout)
        return Outcome(grpc.StatusCode.OK, messages=1)
    except grpc.aio.AioRpcError as e:
        return Outcome(e.code(), e.details() or "", tuple(e.trailing_metadata() or ()))
