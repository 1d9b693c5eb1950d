"""`ekinerja migrate`: every service's Alembic migrations, to head."""

from __future__ import annotations

from services.registry import MODULES
from services.shared.config import Settings
from services.shared.db import url_for
from services.shared.migrations import upgrade


def migrate(settings: Settings, names: list[str]) -> None:
    for name in names:
        upgrade(name, MODULES[name].migrations_dir, url_for(settings, name))


def run_migrate(settings: Settings, names: list[str]) -> int:
    migrate(settings, names)
    print(f"Skema diperbarui: {', '.join(names)}")
    return 0
