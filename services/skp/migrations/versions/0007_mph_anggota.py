"""mph anggota: pegawai of other units added to a Matriks Peran Hasil (Tambah Pegawai)

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


def upgrade() -> None:
    op.create_table(
        "mph_anggota",
        sa.Column("skp_id", sa.String(length=32), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("unor_nama", sa.String(length=300), nullable=False),
        sa.Column("dibuat", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_mph_anggota_skp_id_skp"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("skp_id", "nip", name=op.f("pk_mph_anggota")),
    )


def downgrade() -> None:
    op.drop_table("mph_anggota")
