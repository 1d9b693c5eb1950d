"""A cheap fingerprint of every table of every service (row count and a hash
of the rows), to show that a rejected call left the data as it was.

One query per database, built once from the reflected tables: a fingerprint
is taken after every fuzzed call, and a query per table made it the larger
part of the fuzzer's time."""

from __future__ import annotations

import hashlib

from sqlalchemy import LargeBinary, inspect, text
from sqlalchemy.engine import Connection

from services.shared.db import Database

# What a rejected call changes on purpose, so it is left out of the comparison:
EXCLUDED_COLUMNS: dict[str, set[str] | None] = {
    # Failed logins and reset requests are counted although the call fails:
    # that is the rate limit (services/profil/usecases/batas_login.py), counted
    # in the key's turn (giliran). None: the whole table.
    "profil.percobaan": None,
    "profil.giliran": None,
    # A reset code guess counts against its code (`salah`) before it is
    # compared, in a transaction of its own (repository.pesan_tebakan_kode).
    "profil.kode_reset": {"salah"},
    # A print takes one of the account's hourly allowance before anything is
    # checked or rendered (services/cetak/usecases/jatah.py).
    "cetak.jatah_cetak": None,
}


def _query(service: str, conn: Connection) -> tuple[list[str], str]:
    """The tables of one database, and a query answering "count:digest" per table."""
    postgres = conn.dialect.name == "postgresql"
    insp = inspect(conn)
    tables, parts = [], []
    for table in sorted(insp.get_table_names()):
        skip = EXCLUDED_COLUMNS.get(f"{service}.{table}", set())
        if skip is None:
            continue
        cols = [c for c in insp.get_columns(table) if c["name"] not in skip]
        if postgres:
            # bytea (the stored PDFs) by its md5: the row text stays small.
            row = (
                "ROW("
                + ", ".join(
                    f'md5("{c["name"]}")' if isinstance(c["type"], LargeBinary) else f'"{c["name"]}"' for c in cols
                )
                + ")::text"
            )
            agg = "count(*) || ':' || coalesce(md5(string_agg(r, E'\\n' ORDER BY r)), '')"
        else:
            row = " || ',' || ".join(
                f'length("{c["name"]}")' if isinstance(c["type"], LargeBinary) else f'quote("{c["name"]}")'
                for c in cols
            )
            agg = "count(*) || ':' || coalesce(group_concat(r, char(10)), '')"
        order = "" if postgres else " ORDER BY r"
        parts.append(f'(SELECT {agg} FROM (SELECT {row} AS r FROM "{table}"{order}) AS x) AS "{table}"')
        tables.append(table)
    return tables, "SELECT " + ", ".join(parts)


class Fingerprint:
    def __init__(self, databases: dict[str, Database]) -> None:
        self._databases = databases
        self._queries: dict[str, tuple[list[str], str]] = {}

    async def take(self) -> dict[str, tuple[int, str]]:
        """{"service.table": (rows, digest of the rows)}."""
        out: dict[str, tuple[int, str]] = {}
        for service, db in self._databases.items():
            async with db.engine.connect() as conn:
                if service not in self._queries:
                    self._queries[service] = await conn.run_sync(lambda c, s=service: _query(s, c))
                tables, sql = self._queries[service]
                row = (await conn.execute(text(sql))).one()
            for table, value in zip(tables, row, strict=True):
                count, _, rows = str(value).partition(":")
                out[f"{service}.{table}"] = (int(count), hashlib.sha256(rows.encode()).hexdigest())
        return out


def changed(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    return [
        f"{t}: {before.get(t, (0,))[0]} -> {after.get(t, (0,))[0]} rows"
        for t in sorted(set(before) | set(after))
        if before.get(t) != after.get(t)
    ]
