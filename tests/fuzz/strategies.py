"""Hypothesis strategies for any request message, built from its descriptor,
so a new RPC or field is fuzzed without anyone writing a strategy for it.

Every field has a good strategy (seeds.py: what a correct client sends) and
a bad one (near misses, nasty.py, random values, unknown enum numbers, dates
like 2023-13-00, timestamps past year 9999, lists far too long), and may be
missing. Branches are ordered good first: hypothesis starts from and shrinks
towards a clean request, so the minimal example shows the one value that
matters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from google.protobuf import field_mask_pb2, timestamp_pb2
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from google.type import date_pb2
from hypothesis import strategies as st

from tests.fuzz import nasty, seeds
from tests.fuzz.world import TAHUN, World

F = FieldDescriptor
MAX_DEPTH = 3  # request messages nest Skp > Rhk > Indikator; deeper is output-only repetition
_INT32 = {F.TYPE_INT32, F.TYPE_SINT32, F.TYPE_SFIXED32}
_INT64 = {F.TYPE_INT64, F.TYPE_SINT64, F.TYPE_SFIXED64}
_UINT32 = {F.TYPE_UINT32, F.TYPE_FIXED32}
_UINT64 = {F.TYPE_UINT64, F.TYPE_FIXED64}
_NASTY_SMALL = nasty.INJECTIONS + nasty.CONTROL + nasty.UNICODE


_D = date_pb2.Date


def good_dates() -> st.SearchStrategy[date_pb2.Date]:
    return st.sampled_from(
        [
            _D(year=TAHUN, month=1, day=1),
            _D(year=TAHUN, month=12, day=31),
            _D(year=TAHUN, month=6, day=30),
            _D(year=2023, month=9, day=5),
            _D(year=TAHUN + 1, month=3, day=31),
            _D(year=TAHUN - 1, month=12, day=31),
        ]
    )


def bad_dates() -> st.SearchStrategy[date_pb2.Date]:
    bad = [
        _D(year=TAHUN, month=13, day=1),
        _D(year=TAHUN, month=0, day=1),
        _D(year=TAHUN, month=1, day=0),
        _D(year=0, month=1, day=1),
        _D(year=99999, month=1, day=1),
        _D(year=TAHUN, month=2, day=30),
        _D(year=-1, month=-1, day=-1),
        _D(year=2**31 - 1, month=12, day=31),
        _D(year=1, month=1, day=1),
        _D(year=9999, month=12, day=31),
        _D(year=0, month=12, day=25),
        _D(year=TAHUN, month=1, day=32),
        _D(year=-(2**31), month=1, day=1),
        _D(year=TAHUN),
    ]
    wild = st.builds(
        _D,
        year=st.one_of(st.sampled_from([0, 1, 1900, 9999, 10000, TAHUN]), st.integers(-(2**31), 2**31 - 1)),
        month=st.integers(-1, 14),
        day=st.integers(-1, 33),
    )
    return st.one_of(st.sampled_from(bad), wild)


def timestamps(bad: bool) -> st.SearchStrategy[timestamp_pb2.Timestamp]:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    if not bad:
        return st.builds(timestamp_pb2.Timestamp, seconds=st.sampled_from([now, now - 86400, now + 86400, 0]))
    seconds = st.one_of(
        st.sampled_from([-62135596801, 253402300800, 2**63 - 1, -(2**63), -1]),  # just outside 0001..9999
        st.integers(-(2**63), 2**63 - 1),
    )
    nanos = st.one_of(st.just(0), st.sampled_from([-1, 999_999_999, 10**9, 2**31 - 1, -(2**31)]))
    return st.builds(timestamp_pb2.Timestamp, seconds=seconds, nanos=nanos)


def _mask_paths(parent: Descriptor) -> list[str]:
    """Paths a FieldMask next to a resource in `parent` could name: the
    resource's fields, bare and qualified."""
    paths = []
    for f in parent.fields:
        if f.message_type is not None and not f.message_type.full_name.startswith("google."):
            paths += [g.name for g in f.message_type.fields] + [f"{f.name}.{g.name}" for g in f.message_type.fields]
        paths.append(f.name)
    return paths


_BAD_PATHS = [
    "",
    "*",
    "tidak_ada",
    "a.b.c",
    "PERIODE_AWAL",
    " teks",
    "teks\x00",
    "periodeAwal",
    ".",
    "teks,urutan",
    "etag",
    "name",
    "rhk.indikator.teks",
    "skp.rhk",
    "pegawai.unor.nama",
]


def field_masks(parent: Descriptor, bad: bool) -> st.SearchStrategy[field_mask_pb2.FieldMask]:
    path = st.sampled_from(_mask_paths(parent))
    if bad:
        path = st.one_of(path, st.sampled_from(_BAD_PATHS), st.text(max_size=20))
    return st.builds(field_mask_pb2.FieldMask, paths=st.lists(path, max_size=5))


class Requests:
    """Strategies for the request messages of one fixture world. A request is
    clean (every field missing or good), clean but for one bad field, or
    wild (any field bad); shrinking goes towards clean."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._cache: dict[tuple[str, int, bool], st.SearchStrategy[Any]] = {}

    def of(self, d: Descriptor) -> st.SearchStrategy[Message]:
        # 2 in 5 clean (they reach the code behind validation), 2 in 5 with
        # one bad field, 1 in 5 wild.
        clean, one_bad = self._message(d, 0, wild=False), self._one_bad(d)
        return st.one_of(clean, clean, one_bad, one_bad, self._message(d, 0, wild=True))

    def _one_bad(self, d: Descriptor) -> st.SearchStrategy[Message]:
        cls = GetMessageClass(d)
        clean = self._parts(d, 0, wild=False)
        if not clean:
            return st.just(cls())
        bad = self._parts(d, 0, wild=True, only_bad=True)
        return st.tuples(st.fixed_dictionaries(clean), st.sampled_from(sorted(bad))).flatmap(
            lambda t: bad[t[1]].map(lambda v: _assemble(cls, {**t[0], t[1]: v}))
        )

    def _message(self, d: Descriptor, depth: int, wild: bool) -> st.SearchStrategy[Any]:
        key = (d.full_name, depth, wild)
        if key not in self._cache:
            cls = GetMessageClass(d)
            self._cache[key] = st.fixed_dictionaries(self._parts(d, depth, wild)).map(
                lambda values: _assemble(cls, values)
            )
        return self._cache[key]

    def _parts(self, d: Descriptor, depth: int, wild: bool, only_bad: bool = False) -> dict[str, Any]:
        """A strategy per field (and per oneof: which member, and its value)."""

        def value(f: FieldDescriptor) -> st.SearchStrategy[Any]:
            if only_bad:
                return self._field(f, d, depth, bad=True)
            good = self._field(f, d, depth, bad=False)
            if not wild:
                return st.one_of(good, good, good, st.none())
            return st.one_of(good, st.none(), self._field(f, d, depth, bad=True))

        parts: dict[str, st.SearchStrategy[Any]] = {}
        in_oneof = set()
        for oneof in d.oneofs:
            if len(oneof.fields) == 1 and oneof.name.startswith("_"):
                continue  # proto3 `optional`: a field of its own
            in_oneof.update(f.name for f in oneof.fields)
            members = [st.tuples(st.just(f.name), value(f)) for f in oneof.fields]
            parts[f"oneof:{oneof.name}"] = st.one_of(*members) if only_bad else st.one_of(*members, st.none())
        for f in d.fields:
            if f.name not in in_oneof:
                parts[f.name] = value(f)
        return parts

    def _field(self, f: FieldDescriptor, parent: Descriptor, depth: int, bad: bool) -> st.SearchStrategy[Any]:
        if f.message_type is not None and f.message_type.GetOptions().map_entry:
            key = self._single(f.message_type.fields_by_name["key"], parent, depth, bad)
            value = self._single(f.message_type.fields_by_name["value"], parent, depth, bad)
            return st.dictionaries(key, value, max_size=3)
        one = self._single(f, parent, depth, bad)
        if not f.is_repeated:
            return one
        if not bad:
            return st.lists(one, max_size=3)
        many = st.lists(one, min_size=1, max_size=2).map(lambda xs: xs * 60)  # past any sensible limit
        return st.one_of(st.lists(one, min_size=1, max_size=3), many)

    def _single(self, f: FieldDescriptor, parent: Descriptor, depth: int, bad: bool) -> st.SearchStrategy[Any]:
        t = f.type
        if t == F.TYPE_MESSAGE:
            name = f.message_type.full_name
            if name == "google.type.Date":
                return bad_dates() if bad else good_dates()
            if name == "google.protobuf.Timestamp":
                return timestamps(bad)
            if name == "google.protobuf.FieldMask":
                return field_masks(parent, bad)
            if depth + 1 >= MAX_DEPTH:
                return st.none()
            return self._message(f.message_type, depth + 1, wild=bad)
        if t == F.TYPE_STRING:
            return self._string(f.name, parent.full_name, bad)
        if t == F.TYPE_BYTES:
            # Only client streams carry bytes (pieces of at most 32 KiB). 40,000 bytes pass the
            # transport (64 KiB) and must be refused by our own piece limit; above the transport
            # limit gRPC core may reset the stream after the server has already answered (a
            # wrong token), which the client then sees as INTERNAL: gRPC's own race, and no
            # client of ours sends more than a 32 KiB piece.
            return (
                st.one_of(st.binary(min_size=1, max_size=64), st.just(b"\x00" * 40_000))
                if bad
                else st.binary(max_size=64)
            )
        if t == F.TYPE_BOOL:
            return st.booleans()
        if t == F.TYPE_ENUM:
            known = [v.number for v in f.enum_type.values]
            if not bad:  # 0 (UNSPECIFIED) is what a missing field sends
                return st.sampled_from([n for n in known if n] or known)
            return st.one_of(
                st.sampled_from([max(known) + 1, -1, 2**31 - 1, -(2**31)]),
                st.integers(-(2**31), 2**31 - 1).filter(lambda n: n not in known),
            )
        if t in (F.TYPE_DOUBLE, F.TYPE_FLOAT):
            width = 64 if t == F.TYPE_DOUBLE else 32
            return st.floats(width=width) if bad else st.floats(-1e6, 1e6, width=width)
        lo, hi, boundary = _int_range(t)
        ints = seeds.ints(f.name)
        if not bad:
            return st.sampled_from(ints.good)
        return st.one_of(st.sampled_from([b for b in ints.bad + boundary if lo <= b <= hi]), st.integers(lo, hi))

    def _string(self, name: str, message: str, bad: bool) -> st.SearchStrategy[str]:
        found = seeds.strings(name, self.world, message)
        good = st.sampled_from(found.good)
        if name == "request_id":
            good = st.one_of(good, st.uuids().map(lambda u: u.hex))
        if not bad:
            return good
        mixed = st.tuples(good, st.sampled_from(_NASTY_SMALL), st.booleans()).map(
            lambda x: x[0] + x[1] if x[2] else x[1] + x[0]
        )
        control = st.text(
            st.characters(codec="utf-8", categories=["Cc", "Cf", "Co", "Zl", "Zp", "Mn", "So"]), min_size=1, max_size=20
        )
        near = [st.sampled_from(found.bad)] if found.bad else []
        return st.one_of(*near, st.sampled_from(nasty.ALL), mixed, st.text(max_size=40), control)


def _int_range(t: int) -> tuple[int, int, list[int]]:
    if t in _INT32:
        return -(2**31), 2**31 - 1, seeds.BOUNDARY_INTS_32
    if t in _INT64:
        return -(2**63), 2**63 - 1, seeds.BOUNDARY_INTS_32 + seeds.BOUNDARY_INTS_64
    if t in _UINT32:
        return 0, 2**32 - 1, [2**32 - 1, 2**31]
    if t in _UINT64:
        return 0, 2**64 - 1, [2**64 - 1, 2**63]
    raise AssertionError(f"field type {t} has no strategy")


def _assemble(cls: type[Message], values: dict[str, Any]) -> Message:
    msg = cls()
    for key, value in values.items():
        if value is None:
            continue
        if key.startswith("oneof:"):
            key, value = value
            if value is None:
                continue
        _set(msg, key, value)
    return msg


def _set(msg: Message, name: str, value: Any) -> None:
    f = msg.DESCRIPTOR.fields_by_name[name]
    target = getattr(msg, name)
    if isinstance(value, dict):  # a map field
        for k, v in value.items():
            if v is None:
                continue
            if isinstance(v, Message):
                target[k].CopyFrom(v)
            else:
                target[k] = v
    elif f.is_repeated:
        target.extend(v for v in value if v is not None)
    elif f.type == F.TYPE_MESSAGE:
        target.CopyFrom(value)
    else:
        setattr(msg, name, value)
