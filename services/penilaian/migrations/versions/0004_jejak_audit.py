"""jejak audit

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from services.shared.migrations import buat_jejak_audit_v1, hapus_jejak_audit_v1

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    buat_jejak_audit_v1()


def downgrade() -> None:
    hapus_jejak_audit_v1()
