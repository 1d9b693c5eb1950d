"""mph peran: the peran hasil text and role (koordinator / ketua tim / anggota) of a cell

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("peran_hasil", schema=None) as batch_op:
        batch_op.add_column(sa.Column("peran_hasil", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("peran", sa.String(length=16), nullable=False, server_default="ANGGOTA"))


def downgrade() -> None:
    with op.batch_alter_table("peran_hasil", schema=None) as batch_op:
        batch_op.drop_column("peran")
        batch_op.drop_column("peran_hasil")
