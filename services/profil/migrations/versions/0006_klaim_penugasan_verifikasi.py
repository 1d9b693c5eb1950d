"""Klaim Pimpinan and PLT/PLH waiting for admin/helpdesk
(docs/domain.md#klaim-pimpinan, #plt-dan-plh): pegawai.data_sendiri, the
klaim_pimpinan table, and the status of a penugasan with its decision

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
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.add_column(sa.Column("data_sendiri", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("penugasan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=10), server_default="BERLAKU", nullable=False))
        batch_op.add_column(sa.Column("diajukan_oleh", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("diputus_oleh", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("alasan_keputusan", sa.Text(), server_default="", nullable=False))
        batch_op.create_index(batch_op.f("ix_penugasan_status"), ["status"], unique=False)
    op.create_table(
        "klaim_pimpinan",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("unor_id", sa.String(length=32), nullable=False),
        sa.Column("instansi_id", sa.String(length=32), nullable=False),
        sa.Column("jabatan", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("dasar", sa.String(length=300), nullable=False),
        sa.Column("diajukan", sa.DateTime(timezone=True), nullable=False),
        sa.Column("diputus", sa.DateTime(timezone=True), nullable=True),
        sa.Column("diputus_oleh", sa.String(length=64), nullable=False),
        sa.Column("alasan_keputusan", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["instansi_id"], ["instansi.id"], name=op.f("fk_klaim_pimpinan_instansi_id_instansi")),
        sa.ForeignKeyConstraint(["nip"], ["pegawai.nip"], name=op.f("fk_klaim_pimpinan_nip_pegawai")),
        sa.ForeignKeyConstraint(["unor_id"], ["unor.id"], name=op.f("fk_klaim_pimpinan_unor_id_unor")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_klaim_pimpinan")),
    )
    with op.batch_alter_table("klaim_pimpinan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_klaim_pimpinan_nip"), ["nip"], unique=False)
        batch_op.create_index("ix_klaim_pimpinan_instansi_status", ["instansi_id", "status"], unique=False)


def downgrade() -> None:
    op.drop_table("klaim_pimpinan")
    with op.batch_alter_table("penugasan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_penugasan_status"))
        for kolom in ("alasan_keputusan", "diputus_oleh", "diajukan_oleh", "status"):
            batch_op.drop_column(kolom)
    with op.batch_alter_table("pegawai", schema=None) as batch_op:
        batch_op.drop_column("data_sendiri")
