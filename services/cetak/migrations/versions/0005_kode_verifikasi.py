"""kode verifikasi: the code each printed document carries, and lookups by
code and by sha256 (VerifikasiDokumen)

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
    with op.batch_alter_table("riwayat_cetak") as batch:
        batch.add_column(sa.Column("kode_verifikasi", sa.String(length=14), nullable=True))
    op.create_index("ix_riwayat_cetak_kode", "riwayat_cetak", ["kode_verifikasi"], unique=True)
    op.create_index("ix_riwayat_cetak_sha256", "riwayat_cetak", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_riwayat_cetak_sha256", table_name="riwayat_cetak")
    op.drop_index("ix_riwayat_cetak_kode", table_name="riwayat_cetak")
    with op.batch_alter_table("riwayat_cetak") as batch:
        batch.drop_column("kode_verifikasi")
