"""instansi.demo: made by `ekinerja seed demo`, so that the login screen may
show the demo accounts (AuthService/InfoMasuk) on a demo server only

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain ALTER TABLE, not batch mode: SQLite's batch copy of `instansi` would drop the table
# every unor, pegawai and akun row refers to (FOREIGN KEY constraint failed on any real data).
def upgrade() -> None:
    op.add_column("instansi", sa.Column("demo", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("instansi", "demo")
