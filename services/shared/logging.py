"""structlog set-up: one line per RPC with its request id. NIPs and emails are
never logged; the account id stands for the caller."""

from __future__ import annotations

import ipaddress
import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from opentelemetry import trace

_NIP = re.compile(r"\b(\d{4})\d{10}(\d{4})\b")
_EMAIL = re.compile(r"\b[^@\s]+@([^@\s]+)\b")


def mask(text: str) -> str:
    """NIPs and email addresses never reach the logs whole (UU PDP No. 27/2022)."""
    return _EMAIL.sub(r"***@\1", _NIP.sub(r"\1**********\2", text))


def mask_alamat(alamat: str) -> str:
    """A client address only as far as its network ("10.1.2.*", "2001:db8:1::/48"):
    enough to see that failures come from one place, not whose device it is."""
    try:
        ip = ipaddress.ip_address(alamat)
    except ValueError:
        return "***" if alamat else ""
    if ip.version == 4:
        return str(ip).rsplit(".", 1)[0] + ".*"
    return str(ipaddress.ip_network(f"{ip}/48", strict=False))


def _jejak(_logger: Any, _name: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """trace_id/span_id of the current span beside the request id (rid), when tracing is on."""
    ctx = trace.get_current_span().get_span_context()
    if ctx.is_valid:
        event["trace_id"] = format(ctx.trace_id, "032x")
        event["span_id"] = format(ctx.span_id, "016x")
    return event


def configure(level: str = "INFO", fmt: str = "console") -> None:
    logging.basicConfig(format="%(message)s", stream=sys.stderr, level=level.upper())
    # Libraries that log statements with their parameters at DEBUG (a NIP in a
    # WHERE, a rate-limit key) stay at WARNING even when we debug ourselves.
    for nama in ("alembic", "aiosqlite", "sqlalchemy", "asyncpg", "asyncssh", "aiosmtplib"):
        logging.getLogger(nama).setLevel(max(logging.WARNING, logging.getLevelName(level.upper())))
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            _jejak,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=False,
    )
