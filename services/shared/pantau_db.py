"""What a database is watched by: statement time and pool use (Prometheus,
services/shared/metrik.py) and a span per SQL statement (OpenTelemetry's
SQLAlchemy instrumentation, when tracing is on: services/shared/pelacakan.py)."""

from __future__ import annotations

import time
from typing import Any

from opentelemetry import metrics, trace
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from services.shared import pelacakan, sqlite_langsung
from services.shared.metrik import DB_POOL, DB_STATEMENT


def lacak_sql(engine: AsyncEngine) -> None:
    """A span for each SQL statement of `engine` (the text with placeholders, never the values)."""
    provider = pelacakan.provider()
    if provider is None:
        return
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
    from opentelemetry.instrumentation.sqlalchemy.version import __version__ as versi

    # The instrumentor proper patches create_engine process-wide and only
    # once; the per-engine tracer it builds is what we need, for each engine.
    tracer = trace.get_tracer("opentelemetry.instrumentation.sqlalchemy", versi, provider)
    pemakaian = metrics.get_meter("ekinerja").create_up_down_counter("db.client.connections.usage")
    EngineTracer(tracer, engine.sync_engine, pemakaian)  # type: ignore[no-untyped-call]


def ukur(engines: list[AsyncEngine], layanan: str) -> None:
    """Statement time of one service's engines (the writer's and, on SQLite,
    the inline reader's) and pool use of the first: the reader's pool never
    makes anyone wait (services/shared/sqlite_baca.py)."""
    histogram = DB_STATEMENT.labels(layanan)
    for engine in engines:
        _ukur_statement(engine, histogram)
    pool = engines[0].sync_engine.pool
    # Read when scraped: nothing per checkout.
    DB_POOL.labels(layanan, "dipakai").set_function(lambda: float(getattr(pool, "checkedout", lambda: 0)()))
    DB_POOL.labels(layanan, "ukuran").set_function(lambda: float(getattr(pool, "size", lambda: 0)()))


def _ukur_statement(engine: AsyncEngine, histogram: Any) -> None:
    sync = engine.sync_engine

    @event.listens_for(sync, "before_cursor_execute")
    def _mulai(conn: Any, _cursor: Any, _statement: Any, _params: Any, _context: Any, _many: Any) -> None:
        conn.info.setdefault("ekinerja_t0", []).append(time.perf_counter())

    @event.listens_for(sync, "after_cursor_execute")
    def _selesai(conn: Any, _cursor: Any, _statement: Any, _params: Any, _context: Any, _many: Any) -> None:
        mulai = conn.info.get("ekinerja_t0")
        if mulai:
            histogram.observe(time.perf_counter() - mulai.pop())

    @event.listens_for(sync, "handle_error")
    def _gagal(ctx: Any) -> None:
        conn = ctx.connection
        if conn is not None and conn.info.get("ekinerja_t0"):
            conn.info["ekinerja_t0"].pop()

    # Statements that skip these events give their time straight to the histogram.
    sqlite_langsung.pantau(engine, histogram.observe, before_cursor_execute=1, after_cursor_execute=1)
