"""Resource names ("pegawai/{nip}") and google.type.Date conversion."""

from __future__ import annotations

import datetime as dt

from google.protobuf.timestamp_pb2 import Timestamp
from google.type import date_pb2

from services.shared.errors import TidakValid


def parse(name: str, collection: str, field: str = "name") -> str:
    prefix = f"{collection}/"
    if not name.startswith(prefix) or len(name) == len(prefix) or "/" in name[len(prefix) :]:
        raise TidakValid(field, f"harus berbentuk '{collection}/{{id}}'")
    return name[len(prefix) :]


def date_from_proto(value: date_pb2.Date, field: str, default: dt.date | None = None) -> dt.date:
    if value.year == 0 and value.month == 0 and value.day == 0:
        if default is None:
            raise TidakValid(field, "wajib diisi")
        return default
    try:
        return dt.date(value.year, value.month, value.day)
    except ValueError:
        raise TidakValid(field, "bukan tanggal yang sah") from None


def date_to_proto(value: dt.date | None) -> date_pb2.Date:
    if value is None:
        return date_pb2.Date()
    return date_pb2.Date(year=value.year, month=value.month, day=value.day)


def date_of(value: date_pb2.Date) -> dt.date:
    """A date another service sent (always set): no field to blame."""
    return dt.date(value.year, value.month, value.day)


def timestamp_to_proto(value: dt.datetime | None) -> Timestamp | None:
    if value is None:
        return None
    ts = Timestamp()
    # SQLite hands back naive datetimes for timezone-aware columns: they are UTC.
    ts.FromDatetime(value if value.tzinfo else value.replace(tzinfo=dt.UTC))
    return ts
