"""perspektif per RHK for the JPT / pimpinan unit kerja mandiri format
(docs/domain.md#format-jpt-dan-unit-kerja-mandiri)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("perspektif", sa.String(length=40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("rhk", schema=None) as batch_op:
        batch_op.drop_column("perspektif")
