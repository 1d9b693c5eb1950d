"""Core statements on SQLite's inline connections, straight to sqlite3
(issue 18).

On the inline connections (sqlite_baca, sqlite_tulis) a statement runs in
about 10 µs, but SQLAlchemy's `Session.execute` around it costs some 50 µs
more (the session's bookkeeping, the execution context, the cursor result,
a greenlet switch), and a transaction's begin, connection checkout, commit
and checkin some 130 µs. Under SQLite's write turn that was most of a write
(an UpdateRealisasi: three statements and a commit), and the turn is what
bounds the writes of every worker together.

`SesiLangsung.execute` runs a Core statement itself when it can do exactly
what SQLAlchemy would: the SQL, the bind values and the result values come
from SQLAlchemy's own compiled statement and type processors (the DateTime
format SQLite stores, booleans, JSON), with errors wrapped as SQLAlchemy
wraps them (an IntegrityError is still `sqlalchemy.exc.IntegrityError`).
A write's statements run on the write engine's one connection, the very one
SQLAlchemy's pool hands out (sqlite_tulis.SatuKoneksi), so the statements of
both are one transaction, which Database.transaction commits or rolls back;
a read's run on a read-only connection of their own (each SELECT sees the
database as of its start, as through SQLAlchemy).

Everything else goes to SQLAlchemy as before: ORM statements (which may
autoflush or load objects), RETURNING, Python-side column defaults,
expanding IN lists, many parameter sets, execution options, a reader that
is not inline (aiosqlite), and every statement of an engine with an event
listener other than pantau_db's statement timer (tracing's spans, a test
counting statements): those listeners hear of SQLAlchemy's executions only.

Only statements built once and run again are compiled here: a statement
object is compiled the second time it is seen, so one built afresh per call
(with its values inside) never is. Seen statements are held, so an id is
never reused while it is a key.
"""

from __future__ import annotations

import sqlite3
import time
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Dialect
from sqlalchemy.engine.result import IteratorResult, SimpleResultMetaData
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import Select, TextualSelect
from sqlalchemy.util import EMPTY_DICT

MAKS_DILIHAT = 1024  # statements seen once, held until seen again or pushed out
MAKS_RENCANA = 512  # plans kept: a statement run twice in one call and never again is pushed out
Proses = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Rencana:
    """A statement compiled once: its SQL and how values go in and out."""

    pernyataan: object  # held: its id is part of the key
    sql: str
    compiled: Any
    urutan: tuple[str, ...]
    masuk: tuple[tuple[int, Callable[[Any], Any]], ...]  # (position, processor) of the binds that have one
    pilih: bool
    meta: SimpleResultMetaData | None
    keluar: tuple[tuple[int, Callable[[Any], Any]], ...]  # likewise, of the result's columns


@dataclass(frozen=True)
class _Bukan:
    """A statement seen again that goes to SQLAlchemy (held, as a plan is)."""

    pernyataan: object


class HasilUbah:
    """What an INSERT, UPDATE or DELETE answers here: the rows it touched."""

    __slots__ = ("rowcount", "lastrowid")

    def __init__(self, rowcount: int, lastrowid: int | None) -> None:
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def close(self) -> None:
        pass


_BELUM = object()


class _Rencana:
    """Statements seen once, and the plans of those seen again."""

    def __init__(self) -> None:
        self._dilihat: OrderedDict[int, object] = OrderedDict()
        self._rencana: OrderedDict[tuple[int, tuple[str, ...]], Rencana | _Bukan] = OrderedDict()

    def ambil(self, pernyataan: object, kunci_param: tuple[str, ...], dialect: Dialect) -> Rencana | None:
        kunci = (id(pernyataan), kunci_param)
        if (rencana := self._rencana.get(kunci, _BELUM)) is not _BELUM:
            self._rencana.move_to_end(kunci)
            return rencana if isinstance(rencana, Rencana) else None
        if self._dilihat.get(id(pernyataan)) is not pernyataan:
            self._dilihat[id(pernyataan)] = pernyataan
            if len(self._dilihat) > MAKS_DILIHAT:
                self._dilihat.popitem(last=False)
            return None
        # Seen again: built once. Its plan (or None: not ours) is kept; the
        # plan holds the statement, so its id stays its own meanwhile.
        self._dilihat.pop(id(pernyataan), None)
        rencana = _susun(pernyataan, kunci_param, dialect)
        self._rencana[kunci] = rencana if rencana is not None else _Bukan(pernyataan)
        if len(self._rencana) > MAKS_RENCANA:
            self._rencana.popitem(last=False)
        return rencana


RENCANA = _Rencana()


def _susun(pernyataan: Any, kunci_param: tuple[str, ...], dialect: Dialect) -> Rencana | None:
    pilih = isinstance(pernyataan, Select | TextualSelect)
    if not pilih and not isinstance(pernyataan, UpdateBase):
        return None
    if pernyataan._propagate_attrs.get("compile_state_plugin") is not None:
        return None  # ORM: autoflush, loading, events
    c = pernyataan.compile(dialect=dialect, column_keys=list(kunci_param))
    if (
        c.positiontup is None
        or c.insert_prefetch
        or c.update_prefetch
        or c.effective_returning
        or c.post_compile_params
        or c.literal_execute_params
        or c.escaped_bind_names
        or getattr(c, "_insertmanyvalues", None)
    ):
        return None
    urutan = tuple(c.positiontup)
    masuk = _yang_berproses(c._bind_processors.get(n) for n in urutan)
    meta: SimpleResultMetaData | None = None
    keluar: tuple[tuple[int, Callable[[Any], Any]], ...] = ()
    if pilih:
        kolom = c._result_columns
        kunci = [k.keyname for k in kolom]
        if len(set(kunci)) != len(kunci) or not c._ordered_columns or c._textual_ordered_columns:
            return None
        meta = SimpleResultMetaData(kunci)
        keluar = _yang_berproses(k.type._cached_result_processor(dialect, None) for k in kolom)
    return Rencana(pernyataan, c.string, c, urutan, masuk, pilih, meta, keluar)


def _yang_berproses(proses: Iterable[Proses]) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    return tuple((i, p) for i, p in enumerate(proses) if p is not None)


def _proses(b: Sequence[Any], proses: tuple[tuple[int, Callable[[Any], Any]], ...]) -> tuple[Any, ...]:
    r = list(b)
    for i, p in proses:
        r[i] = p(r[i])
    return tuple(r)


def jalankan(
    conn: sqlite3.Connection,
    rencana: Rencana,
    params: dict[str, Any],
    dialect: Dialect,
    catat: Callable[[float], None] | None,
) -> Any:
    nilai = rencana.compiled.construct_params(params)
    ikat = [nilai[n] for n in rencana.urutan]
    for i, p in rencana.masuk:
        ikat[i] = p(ikat[i])
    mulai = time.perf_counter()
    try:
        cur = conn.execute(rencana.sql, ikat)
        baris: Sequence[Any] = cur.fetchall() if rencana.pilih else ()
    except sqlite3.Error as e:
        raise exc.DBAPIError.instance(rencana.sql, ikat, e, sqlite3.Error, dialect=dialect) from e
    finally:
        if catat is not None:
            catat(time.perf_counter() - mulai)
    if not rencana.pilih:
        return HasilUbah(cur.rowcount, cur.lastrowid)
    if rencana.keluar:
        baris = [_proses(b, rencana.keluar) for b in baris]
    return IteratorResult(rencana.meta, iter(baris))  # type: ignore[arg-type]


_PANTAU: weakref.WeakKeyDictionary[Any, tuple[tuple[int, ...], Callable[[float], None] | None]] = (
    weakref.WeakKeyDictionary()
)


_PERISTIWA = ("before_execute", "after_execute", "before_cursor_execute", "after_cursor_execute")
_TANPA = (0,) * len(_PERISTIWA)


def _pendengar(engine: AsyncEngine) -> tuple[int, ...]:
    d = engine.sync_engine.dispatch
    return tuple(len(getattr(d, p)) for p in _PERISTIWA)


def pantau(engine: AsyncEngine, catat: Callable[[float], None], **pendengar: int) -> None:
    """pantau_db has put its own listeners on `engine` (`pendengar`: how
    many of each event); a statement run here gives its time to `catat`
    instead. Any other listener (tracing's spans, a test or bench counting
    statements) sends the engine's statements back through SQLAlchemy,
    whose events it listens to."""
    _PANTAU[engine.sync_engine] = (tuple(pendengar.pop(p, 0) for p in _PERISTIWA), catat)
    if pendengar:
        raise ValueError(f"peristiwa tidak dikenal: {sorted(pendengar)}")


def _boleh(engine: AsyncEngine) -> tuple[bool, Callable[[float], None] | None]:
    dasar, catat = _PANTAU.get(engine.sync_engine, (_TANPA, None))
    return _pendengar(engine) == dasar, catat


def commit(conn: sqlite3.Connection, dialect: Dialect) -> None:
    """Commits what was written straight to sqlite3 (a no-op when SQLAlchemy
    has committed the same connection already)."""
    try:
        conn.commit()
    except sqlite3.Error as e:
        raise exc.DBAPIError.instance("COMMIT", (), e, sqlite3.Error, dialect=dialect) from e


Sumber = Callable[[], Awaitable[sqlite3.Connection | None]]


class SesiLangsung(AsyncSession):
    """An AsyncSession whose Core statements run straight on the sqlite3
    connection `sumber` gives (the module's docstring says which): for a
    write, the write engine's one connection, inside the write turn, and
    committed by Database.transaction; for a read, a read-only one."""

    def __init__(self, *args: Any, sumber: Sumber | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._sumber = sumber

    async def execute(
        self,
        statement: Any,
        params: Any = None,
        *,
        execution_options: Any = EMPTY_DICT,
        bind_arguments: Any = None,
        **kw: Any,
    ) -> Any:
        engine = self.bind
        if (
            self._sumber is not None
            and isinstance(engine, AsyncEngine)
            and not execution_options
            and bind_arguments is None
            and not kw
            and (params is None or (isinstance(params, dict) and all(type(k) is str for k in params)))
        ):
            boleh, catat = _boleh(engine)
            kunci = tuple(sorted(params)) if params else ()
            rencana = RENCANA.ambil(statement, kunci, engine.dialect) if boleh else None
            if rencana is not None and (conn := await self._sumber()) is not None:
                return jalankan(conn, rencana, params or {}, engine.dialect, catat)
        return await super().execute(
            statement, params, execution_options=execution_options, bind_arguments=bind_arguments, **kw
        )
