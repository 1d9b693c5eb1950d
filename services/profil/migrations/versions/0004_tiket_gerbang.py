"""tiket gerbang SSH

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tiket_gerbang",
        sa.Column("tiket_hash", sa.String(64), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("alamat", sa.String(64), nullable=False),
        sa.Column("kedaluwarsa", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_tiket_gerbang_kedaluwarsa", "tiket_gerbang", ["kedaluwarsa"])


def downgrade() -> None:
    op.drop_index("ix_tiket_gerbang_kedaluwarsa", table_name="tiket_gerbang")
    op.drop_table("tiket_gerbang")
