"""riwayat cetak

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "riwayat_cetak",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("jenis", sa.String(length=20), nullable=False),
        sa.Column("skp_id", sa.String(length=32), nullable=True),
        sa.Column("periode", sa.String(length=5), nullable=False),
        sa.Column("instansi_id", sa.String(length=32), nullable=False),
        sa.Column("pegawai_nip", sa.String(length=18), nullable=False),
        sa.Column("pegawai_nama", sa.String(length=200), nullable=False),
        sa.Column("pencetak_akun", sa.String(length=64), nullable=False),
        sa.Column("pencetak", sa.String(length=64), nullable=False),
        sa.Column("pencetak_nama", sa.String(length=200), nullable=False),
        sa.Column("waktu", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nama_berkas", sa.String(length=200), nullable=False),
        sa.Column("ukuran", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ditandatangani", sa.String(length=8), nullable=False),
        sa.Column("massal_id", sa.String(length=32), nullable=True),
        sa.Column("jumlah_dokumen", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_cetak")),
    )
    with op.batch_alter_table("riwayat_cetak", schema=None) as batch_op:
        batch_op.create_index("ix_riwayat_cetak_pencetak", ["pencetak_akun", "waktu"], unique=False)
        batch_op.create_index("ix_riwayat_cetak_skp", ["skp_id", "waktu"], unique=False)

    op.create_table(
        "berkas_cetak",
        sa.Column("riwayat_id", sa.String(length=32), nullable=False),
        sa.Column("isi", sa.LargeBinary(), nullable=False),
        sa.Column("dibuat", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["riwayat_id"],
            ["riwayat_cetak.id"],
            name=op.f("fk_berkas_cetak_riwayat_id_riwayat_cetak"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("riwayat_id", name=op.f("pk_berkas_cetak")),
    )


def downgrade() -> None:
    op.drop_table("berkas_cetak")
    with op.batch_alter_table("riwayat_cetak", schema=None) as batch_op:
        batch_op.drop_index("ix_riwayat_cetak_skp")
        batch_op.drop_index("ix_riwayat_cetak_pencetak")
    op.drop_table("riwayat_cetak")
