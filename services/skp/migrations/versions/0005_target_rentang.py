"""target rentang: the upper bound of a target range ("80-100 %")

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("indikator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_sampai", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("indikator", schema=None) as batch_op:
        batch_op.drop_column("target_sampai")
