"""jatah cetak: prints per account per hour

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
        "jatah_cetak",
        sa.Column("akun", sa.String(length=64), nullable=False),
        sa.Column("mulai", sa.DateTime(timezone=True), nullable=False),
        sa.Column("jumlah", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("akun", name=op.f("pk_jatah_cetak")),
    )


def downgrade() -> None:
    op.drop_table("jatah_cetak")
