"""The fuzz counts at the end of the session: how many cases each service
ran on each backend, and the total. Read from the reports' user properties
(record_property), which pytest-xdist brings back from its workers, where
the tests' own output is not shown. Imported by tests/conftest.py, which the
controller of a parallel run loads."""

from __future__ import annotations

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    rows = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            props = dict(getattr(report, "user_properties", None) or [])
            if "fuzz_cases" in props and getattr(report, "when", "") == "call":
                rows.append(props)
    if not rows:
        return
    terminalreporter.write_sep("-", "fuzz (tests/fuzz)")
    for p in sorted(rows, key=lambda p: (p["fuzz_backend"], p["fuzz_service"])):
        short = f", {p['fuzz_shortened']} RPCs cut short by the time budget" if p.get("fuzz_shortened") else ""
        terminalreporter.write_line(
            f"{p['fuzz_backend']:<10} {p['fuzz_service']:<40} {p['fuzz_cases']:>5} cases "
            f"{p['fuzz_ok']:>4} OK {p['fuzz_seconds']:>6.1f} s{short}"
        )
    total = sum(p["fuzz_cases"] for p in rows)
    seconds = sum(p["fuzz_seconds"] for p in rows)
    terminalreporter.write_line(f"total: {total} cases in {seconds:.1f} s")
