"""pegawai.email_diubah: when the email address last changed, so that reset
codes to a new address wait (EKINERJA_EMAIL_BARU_TUNGGU_JAM)

Revision ID: 0005
Revises: 0003
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
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_diubah", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.drop_column("email_diubah")
