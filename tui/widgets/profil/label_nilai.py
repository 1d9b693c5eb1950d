"""Label/value rows as the web app shows them (INSTANSI, NIP, NAMA, ...)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from tui.widgets.tabel import sel_literal


def kv(rows: Sequence[tuple[str, str | Text]]) -> Table:
    """Values are data: a str is shown as it is (never markup), without control characters."""
    # Labels wrap at 18 columns so that the values keep room at 80x24.
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(style="bold", width=18)
    table.add_column(ratio=1, overflow="fold")
    for label, value in rows:
        table.add_row(label, sel_literal(value or "-"))
    return table
