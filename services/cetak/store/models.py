"""cetak's tables. Only cetak reads or writes them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.shared.db import new_metadata
from services.shared.idempotency import idempotency_table
from services.shared.jejak_audit import jejak_table


class Base(DeclarativeBase):
    metadata = new_metadata()


# Responses of mutating RPCs, kept for retries with the same request_id.
permintaan = idempotency_table(Base.metadata)
jejak = jejak_table(Base.metadata)


class RiwayatCetakRow(Base):
    """One printed document (or one bulk print's zip): who printed what,
    when, and the sha256 of exactly the bytes they got."""

    __tablename__ = "riwayat_cetak"
    __table_args__ = (
        Index("ix_riwayat_cetak_skp", "skp_id", "waktu"),
        Index("ix_riwayat_cetak_pencetak", "pencetak_akun", "waktu"),
        Index("ix_riwayat_cetak_kode", "kode_verifikasi", unique=True),
        Index("ix_riwayat_cetak_sha256", "sha256"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20))  # RENCANA_SKP | FORM_PENILAIAN | EVALUASI_KINERJA | MASSAL
    skp_id: Mapped[str | None] = mapped_column(String(32))
    periode: Mapped[str] = mapped_column(String(5), default="")  # tw1..tw4, akhir; "" for the plan
    instansi_id: Mapped[str] = mapped_column(String(32))
    pegawai_nip: Mapped[str] = mapped_column(String(18), default="")
    pegawai_nama: Mapped[str] = mapped_column(String(200), default="")
    pencetak_akun: Mapped[str] = mapped_column(String(64))
    pencetak: Mapped[str] = mapped_column(String(64))  # NIP, or the username of an account without one
    pencetak_nama: Mapped[str] = mapped_column(String(200))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    nama_berkas: Mapped[str] = mapped_column(String(200))
    ukuran: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    ditandatangani: Mapped[str] = mapped_column(String(8), default="")  # PEGAWAI | PENILAI | ""
    massal_id: Mapped[str | None] = mapped_column(String(32))  # the bulk print it came in
    jumlah_dokumen: Mapped[int] = mapped_column(Integer, default=1)
    # Printed on the document (text, QR, PDF keywords): VerifikasiDokumen
    # finds the record by it when the file is no longer byte for byte the
    # one delivered. None for a bulk print's zip.
    kode_verifikasi: Mapped[str | None] = mapped_column(String(14))


class BerkasCetakRow(Base):
    """The bytes of a print, kept for a day so that a retry with the same
    request_id gets the very same file (housekeeping deletes older ones)."""

    __tablename__ = "berkas_cetak"

    riwayat_id: Mapped[str] = mapped_column(ForeignKey("riwayat_cetak.id", ondelete="CASCADE"), primary_key=True)
    isi: Mapped[bytes] = mapped_column(LargeBinary)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class JatahCetakRow(Base):
    """How many prints an account made in its current window (an hour from
    `mulai`): each stored print takes disk for a day, so an account's prints
    are limited, counted in one statement before anything is rendered."""

    __tablename__ = "jatah_cetak"

    akun: Mapped[str] = mapped_column(String(64), primary_key=True)
    mulai: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    jumlah: Mapped[int] = mapped_column(Integer)
