"""ListJejakAudit, the same in every service: admin instansi and helpdesk read
their own instansi's records of this service, newest first."""

from __future__ import annotations

import datetime as dt
import re

from ekinerja.audit.v1 import audit_pb2 as pb
from google.protobuf.message import Message
from sqlalchemy import ColumnElement, Table, and_, or_, select

from services.shared import paging
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import AksesDitolak, TidakValid
from services.shared.names import timestamp_to_proto

_NIP = re.compile(r"^\d{18}$")
_AKTOR = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_METODE = re.compile(r"^[A-Za-z]{1,100}$")


def _waktu(ts: Message, field: str) -> dt.datetime | None:
    if not ts.ByteSize():
        return None
    try:
        return ts.ToDatetime(tzinfo=dt.UTC)  # type: ignore[attr-defined, no-any-return]
    except (ValueError, OverflowError):
        raise TidakValid(field, "waktu di luar jangkauan") from None


def _saring(t: Table, r: pb.ListJejakAuditRequest, instansi_id: str) -> list[ColumnElement[bool]]:
    syarat: list[ColumnElement[bool]] = [t.c.instansi_id == instansi_id]
    if r.atas_nama:
        if not _NIP.match(r.atas_nama):
            raise TidakValid("atas_nama", "isi 18 digit NIP")
        syarat.append(t.c.atas_nama == r.atas_nama)
    if r.aktor:
        if not _AKTOR.match(r.aktor):
            raise TidakValid("aktor", "isi NIP atau username")
        syarat.append(t.c.aktor == r.aktor.lower())  # usernames are stored lowercase
    if r.metode:
        if not _METODE.match(r.metode):
            raise TidakValid("metode", "isi nama RPC, misalnya UbahStatusSkp")
        syarat.append(t.c.metode == r.metode)
    if r.sasaran:
        if len(r.sasaran) > 300 or not r.sasaran.isprintable():
            raise TidakValid("sasaran", "isi nama sumber daya, misalnya skp/… (maksimal 300 karakter)")
        # A prefix match without LIKE wildcards the user did not mean.
        syarat.append(t.c.sasaran.startswith(r.sasaran, autoescape=True))
    sejak, sampai = _waktu(r.sejak, "sejak"), _waktu(r.sampai, "sampai")
    if sejak and sampai and sampai <= sejak:
        raise TidakValid("sampai", "harus sesudah 'sejak'")
    if sejak:
        syarat.append(t.c.waktu >= sejak)
    if sampai:
        syarat.append(t.c.waktu < sampai)
    return syarat


async def daftar(db: Database, t: Table, layanan: str, r: pb.ListJejakAuditRequest) -> pb.ListJejakAuditResponse:
    p = pr.current()
    if not p.pengelola_instansi(p.instansi_id):
        raise AksesDitolak("Jejak audit hanya dapat dilihat admin instansi dan helpdesk.")
    size = paging.page_size(r.page_size, 50, 500)
    syarat = _saring(t, r, p.instansi_id)
    kueri = "|".join([r.atas_nama, r.aktor, r.metode, r.sasaran, str(r.sejak.seconds), str(r.sampai.seconds)])
    if (kunci := paging.decode_kunci(r.page_token, kueri, 2)) is not None:
        try:
            w = dt.datetime.fromisoformat(kunci[0])
        except ValueError:
            raise TidakValid("page_token", "tidak sah atau bukan untuk pencarian ini") from None
        syarat.append(or_(t.c.waktu < w, and_(t.c.waktu == w, t.c.id < kunci[1])))
    async with db.read() as s:
        rows = (
            await s.execute(select(t).where(*syarat).order_by(t.c.waktu.desc(), t.c.id.desc()).limit(size + 1))
        ).all()
    lanjut = ""
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        lanjut = paging.encode_kunci([_utc(last.waktu).isoformat(), last.id], kueri)
    return pb.ListJejakAuditResponse(jejak=[_proto(row, layanan) for row in rows], next_page_token=lanjut)


def _utc(w: dt.datetime) -> dt.datetime:
    # SQLite returns naive datetimes for what was stored as UTC.
    return w if w.tzinfo else w.replace(tzinfo=dt.UTC)


def _proto(row: object, layanan: str) -> pb.JejakAudit:
    r = row._mapping  # type: ignore[attr-defined]
    return pb.JejakAudit(
        id=r["id"],
        waktu=timestamp_to_proto(_utc(r["waktu"])),
        layanan=layanan,
        metode=r["metode"],
        aktor=r["aktor"],
        aktor_nama=r["aktor_nama"],
        aktor_peran=[x for x in r["aktor_peran"].split(",") if x],
        atas_nama=r["atas_nama"],
        sasaran=r["sasaran"],
        sebelum=r["sebelum"],
        sesudah=r["sesudah"],
        alasan=r["alasan"],
        request_id=r["request_id"],
        instansi_id=r["instansi_id"],
    )
