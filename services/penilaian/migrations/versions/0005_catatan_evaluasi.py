"""catatan evaluasi: CATATAN / REKOMENDASI of the Dokumen Evaluasi Kinerja

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
    op.create_table(
        "catatan_evaluasi",
        sa.Column("skp_id", sa.String(length=32), nullable=False),
        sa.Column("periode", sa.String(length=5), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("penulis_nip", sa.String(length=18), nullable=False),
        sa.Column("penulis_nama", sa.String(length=200), nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("skp_id", "periode", name=op.f("pk_catatan_evaluasi")),
    )


def downgrade() -> None:
    op.drop_table("catatan_evaluasi")
