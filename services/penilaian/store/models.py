"""penilaian's tables. Only penilaian reads or writes them."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from services.shared.db import new_metadata
from services.shared.idempotency import idempotency_table


class Base(DeclarativeBase):
    metadata = new_metadata()


# Responses of mutating RPCs, kept for retries with the same request_id.
permintaan = idempotency_table(Base.metadata)
