"""penilai_eksternal: the NON ASN penilai the admin instansi records for a
pegawai with no atasan inside the system (docs/domain.md#penentuan-atasan)

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
    op.create_table(
        "penilai_eksternal",
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("instansi_id", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("nip_penilai", sa.String(length=18), nullable=False),
        sa.Column("dicatat", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["instansi_id"], ["instansi.id"], name=op.f("fk_penilai_eksternal_instansi_id_instansi")
        ),
        sa.ForeignKeyConstraint(["nip"], ["pegawai.nip"], name=op.f("fk_penilai_eksternal_nip_pegawai")),
        sa.PrimaryKeyConstraint("nip", name=op.f("pk_penilai_eksternal")),
    )
    with op.batch_alter_table("penilai_eksternal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_penilai_eksternal_instansi_id"), ["instansi_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("penilai_eksternal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_penilai_eksternal_instansi_id"))
    op.drop_table("penilai_eksternal")
