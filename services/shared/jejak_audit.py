"""The jejak audit: one row per accepted mutation, written by `Mutasi` in the
same transaction as the change, so a change without its record (or a record
of a change that rolled back) cannot exist. Each service keeps its own table;
no RPC updates or deletes it.

A use case that knows more than the request and the response says — whose
record it is, the state before — tells it with `catat(...)` while it runs."""

from __future__ import annotations

import contextvars
import datetime as dt
import getpass
import uuid
from dataclasses import dataclass

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from sqlalchemy import Column, DateTime, Index, MetaData, String, Table, Text

from services.shared.principal import Principal

BATAS_RINGKASAN = 1000
NIP_MAKS = 18  # atas_nama: a NIP
# Never in a summary: secrets, and what only serves the transport.
_DILEWATI = {
    "etag",
    "request_id",
    "access_token",
    "password",
    "password_lama",
    "password_baru",
    "kode",
    "next_page_token",
    "page_token",
}


def jejak_table(metadata: MetaData) -> Table:
    return Table(
        "jejak_audit",
        metadata,
        Column("id", String(32), primary_key=True),
        Column("waktu", DateTime(timezone=True), nullable=False),
        Column("instansi_id", String(32), nullable=False),
        Column("metode", String(100), nullable=False),
        Column("aktor", String(64), nullable=False),
        Column("aktor_nama", String(200), nullable=False),
        Column("aktor_peran", String(100), nullable=False),
        Column("atas_nama", String(NIP_MAKS), nullable=False),
        Column("sasaran", String(300), nullable=False),
        Column("sebelum", Text, nullable=False),
        Column("sesudah", Text, nullable=False),
        Column("alasan", Text, nullable=False),
        Column("request_id", String(64), nullable=False),
        Index("ix_jejak_audit_instansi_waktu", "instansi_id", "waktu"),
        Index("ix_jejak_audit_atas_nama_waktu", "atas_nama", "waktu"),
    )


@dataclass
class Catatan:
    atas_nama: str = ""
    sasaran: str = ""
    sebelum: str = ""
    sesudah: str = ""
    instansi_id: str = ""
    # Who the action is recorded under when not the caller's own name: the
    # admin instansi acting for a penilai eksternal (docs/domain.md#penentuan-atasan).
    aktor_nama: str = ""


_catatan: contextvars.ContextVar[Catatan | None] = contextvars.ContextVar("jejak_audit", default=None)


def catat(
    *,
    atas_nama: str | None = None,
    sasaran: str | None = None,
    sebelum: str | None = None,
    sesudah: str | None = None,
    instansi_id: str | None = None,
    aktor_nama: str | None = None,
) -> None:
    """Adds to the record of the mutation running now; outside one (a read
    that shares a use case with a write) it does nothing."""
    c = _catatan.get()
    if c is None:
        return
    for nama, nilai in (
        ("atas_nama", atas_nama),
        ("sasaran", sasaran),
        ("sebelum", sebelum),
        ("sesudah", sesudah),
        ("instansi_id", instansi_id),
        ("aktor_nama", aktor_nama),
    ):
        if nilai is not None and not getattr(c, nama):
            setattr(c, nama, nilai)


def mulai() -> contextvars.Token[Catatan | None]:
    return _catatan.set(Catatan())


def selesai(token: contextvars.Token[Catatan | None]) -> Catatan:
    c = _catatan.get()
    _catatan.reset(token)
    assert c is not None
    return c


def ringkas(msg: Message, batas: int = BATAS_RINGKASAN) -> str:
    """A one-line summary of a message for people: set fields only, no bytes,
    no secrets."""
    teks = _ringkas(msg)
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"


def _nilai(fd: FieldDescriptor, v: object) -> str:
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        return "{" + _ringkas(v) + "}"  # type: ignore[arg-type]
    if fd.type == FieldDescriptor.TYPE_ENUM and fd.enum_type is not None and isinstance(v, int):
        nilai = fd.enum_type.values_by_number.get(v)
        return nilai.name if nilai is not None else str(v)
    if isinstance(v, str):
        return v if len(v) <= 120 else v[:119] + "…"
    return str(v)


def _ringkas(msg: Message) -> str:
    bagian = []
    for fd, v in msg.ListFields():
        if fd.name in _DILEWATI or fd.type == FieldDescriptor.TYPE_BYTES:
            continue
        if fd.is_repeated:
            items = list(v)
            isi = ", ".join(_nilai(fd, x) for x in items[:5]) + (f", … ({len(items)})" if len(items) > 5 else "")
            bagian.append(f"{fd.name}=[{isi}]")
        else:
            bagian.append(f"{fd.name}={_nilai(fd, v)}")
    return " ".join(bagian)


def _medan(msg: Message, nama: str) -> str:
    fd = msg.DESCRIPTOR.fields_by_name.get(nama)
    if fd is None or fd.type != FieldDescriptor.TYPE_STRING or fd.is_repeated:
        return ""
    return str(getattr(msg, nama))


def sasaran_bawaan(request: Message, response: Message) -> str:
    """The resource a mutation touched, when the use case did not say."""
    return _medan(response, "name") or _medan(request, "name") or _medan(request, "parent")


def baris(
    p: Principal | None,
    *,
    metode: str,
    request: Message,
    response: Message,
    alasan: str,
    c: Catatan,
    waktu: dt.datetime,
) -> dict[str, object]:
    return {
        "id": uuid.uuid4().hex,
        "waktu": waktu,
        "instansi_id": c.instansi_id or (p.instansi_id if p else ""),
        "metode": metode,
        "aktor": p.login if p else "anonim",
        "aktor_nama": (c.aktor_nama or (p.nama if p else ""))[:200],
        "aktor_peran": ",".join(sorted(p.peran)) if p else "",
        # The request's NIP is the caller's text, checked by the use case only
        # as far as it needed it (LupaPassword strips it): as much of it as the
        # column holds, never an INTERNAL on PostgreSQL for a long one.
        "atas_nama": (c.atas_nama or _medan(response, "nip") or _medan(request, "nip").strip())[:NIP_MAKS],
        "sasaran": (c.sasaran or sasaran_bawaan(request, response))[:300],
        "sebelum": c.sebelum[:BATAS_RINGKASAN],
        "sesudah": (c.sesudah or ringkas(response))[:BATAS_RINGKASAN],
        "alasan": alasan,
        "request_id": _medan(request, "request_id")[:64],
    }


def aktor_operator() -> str:
    """Who ran an `ekinerja` operator command: the OS account, since such
    commands have no token."""
    try:
        return f"operator:{getpass.getuser()}"[:64]
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "operator"


def baris_operator(
    *, metode: str, instansi_id: str, sasaran: str, sesudah: str, atas_nama: str = "", sebelum: str = ""
) -> dict[str, object]:
    """A record of a change made by an operator command (`ekinerja akun`,
    `ekinerja import`) rather than an RPC."""
    return {
        "id": uuid.uuid4().hex,
        "waktu": dt.datetime.now(dt.UTC),
        "instansi_id": instansi_id,
        "metode": metode,
        "aktor": aktor_operator(),
        "aktor_nama": "",
        "aktor_peran": "operator",
        "atas_nama": atas_nama,
        "sasaran": sasaran[:300],
        "sebelum": sebelum[:BATAS_RINGKASAN],
        "sesudah": sesudah[:BATAS_RINGKASAN],
        "alasan": "",
        "request_id": "",
    }
