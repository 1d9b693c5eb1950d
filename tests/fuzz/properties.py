"""What must hold for every call, whatever was sent."""

from __future__ import annotations

import re

import grpc
from google.protobuf.descriptor import Descriptor
from google.rpc import error_details_pb2, status_pb2

from tests.fuzz.rpcs import Outcome

C = grpc.StatusCode
# A bug, never an answer: the server crashed (INTERNAL, UNKNOWN), lost data
# (DATA_LOSS), hung (DEADLINE_EXCEEDED), or — in one process with every
# service up — reported a dependency or its database as unreachable, which
# the boundary also reports for an OSError a request provoked (UNAVAILABLE).
FORBIDDEN = {C.INTERNAL, C.UNKNOWN, C.DATA_LOSS, C.DEADLINE_EXCEEDED, C.UNAVAILABLE}
_INDEX = re.compile(r"\[\d+\]$")


def field_violations(outcome: Outcome) -> list[str] | None:
    """The fields of the google.rpc.BadRequest in the trailers, None without one."""
    for key, value in outcome.trailers:
        if key == "grpc-status-details-bin" and isinstance(value, bytes):
            found = None
            for detail in status_pb2.Status.FromString(value).details:
                if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                    br = error_details_pb2.BadRequest()
                    detail.Unpack(br)
                    found = (found or []) + [v.field for v in br.field_violations]
            return found
    return None


def names_a_field(path: str, request: Descriptor) -> bool:
    """Whether "skp.periode_awal" (or "lampiran.konsekuensi[2]") is a field
    path of the request message."""
    d: Descriptor | None = request
    segments = path.split(".")
    for i, segment in enumerate(segments):
        if d is None:
            return False
        f = d.fields_by_name.get(_INDEX.sub("", segment))
        if f is None:
            # A oneof none of whose fields is set ("dokumen" of
            # PratinjauDokumenRequest) is named by the oneof: there is no field to blame.
            return i == len(segments) - 1 and segment in d.oneofs_by_name
        d = f.message_type
    return True


def problems(outcome: Outcome, request: Descriptor, changed_tables: list[str]) -> list[str]:
    out = []
    if outcome.code in FORBIDDEN:
        out.append(f"answered {outcome.code.name}: {outcome.details}")
    if outcome.code == C.INVALID_ARGUMENT:
        fields = field_violations(outcome)
        if not fields:
            out.append(f"INVALID_ARGUMENT without a BadRequest field violation: {outcome.details}")
        else:
            wrong = [f for f in fields if not names_a_field(f, request)]
            if wrong:
                out.append(f"INVALID_ARGUMENT names no field of {request.name}: {wrong} ({outcome.details})")
    if outcome.code != C.OK and changed_tables:
        out.append(f"rejected with {outcome.code.name} ({outcome.details}) but changed {changed_tables}")
    return out
