"""penilai eksternal: an SKP's penilai may be a NON ASN penilai recorded by
the admin instansi, with no account (docs/domain.md#penentuan-atasan)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("skp", schema=None) as batch_op:
        batch_op.add_column(sa.Column("penilai_eksternal", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("penilai_nip_eksternal", sa.String(length=18), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("skp", schema=None) as batch_op:
        batch_op.drop_column("penilai_nip_eksternal")
        batch_op.drop_column("penilai_eksternal")
