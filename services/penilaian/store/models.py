"""penilaian's tables. Only penilaian reads or writes them. SKP content (RHK,
indikator) lives in skp; rows here name it by id."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.shared.db import new_metadata
from services.shared.idempotency import idempotency_table
from services.shared.jejak_audit import jejak_table


class Base(DeclarativeBase):
    metadata = new_metadata()


# Responses of mutating RPCs, kept for retries with the same request_id.
permintaan = idempotency_table(Base.metadata)
jejak = jejak_table(Base.metadata)


class RencanaAksiRow(Base):
    __tablename__ = "rencana_aksi"
    __table_args__ = (Index("ix_rencana_aksi_skp", "skp_id", "periode"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    skp_id: Mapped[str] = mapped_column(String(32))
    periode: Mapped[str] = mapped_column(String(5))
    rhk_id: Mapped[str] = mapped_column(String(32))
    teks: Mapped[str] = mapped_column(Text)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class BuktiDukungRow(Base):
    __tablename__ = "bukti_dukung"
    __table_args__ = (Index("ix_bukti_dukung_skp", "skp_id", "periode"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    skp_id: Mapped[str] = mapped_column(String(32))
    periode: Mapped[str] = mapped_column(String(5))
    rhk_id: Mapped[str] = mapped_column(String(32))
    nama: Mapped[str] = mapped_column(String(300))
    tautan: Mapped[str] = mapped_column(Text)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class RealisasiRow(Base):
    __tablename__ = "realisasi"

    skp_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    periode: Mapped[str] = mapped_column(String(5), primary_key=True)
    indikator_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rhk_id: Mapped[str] = mapped_column(String(32))
    realisasi: Mapped[str] = mapped_column(Text)
    sumber_data: Mapped[str] = mapped_column(Text)
    diubah: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_skp", "skp_id", "periode"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    skp_id: Mapped[str] = mapped_column(String(32))
    periode: Mapped[str] = mapped_column(String(5))
    tentang: Mapped[str] = mapped_column(String(60))  # "rhk:<id>" or "perilaku:<KODE>"
    teks: Mapped[str] = mapped_column(Text)
    penulis_akun: Mapped[str] = mapped_column(String(64))
    penulis_nip: Mapped[str] = mapped_column(String(18))
    penulis_nama: Mapped[str] = mapped_column(String(200))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class CatatanEvaluasiRow(Base):
    """CATATAN / REKOMENDASI of the Dokumen Evaluasi Kinerja: one text the
    penilai writes per SKP and period (docs/domain.md#dokumen-evaluasi-kinerja-pegawai); its own row, so
    writing it does not touch the ratings' etag."""

    __tablename__ = "catatan_evaluasi"

    skp_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    periode: Mapped[str] = mapped_column(String(5), primary_key=True)
    teks: Mapped[str] = mapped_column(Text)
    penulis_nip: Mapped[str] = mapped_column(String(18))
    penulis_nama: Mapped[str] = mapped_column(String(200))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class PenilaianRow(Base):
    """The ratings of one SKP in one period, with what the Rekap and the
    curve of a unor induk need without asking skp or profil again."""

    __tablename__ = "penilaian"
    __table_args__ = (
        Index("ix_penilaian_induk", "unor_induk_id", "tahun", "periode"),
        # The curve a penilai's bawahan see on the Dokumen Evaluasi Kinerja.
        Index("ix_penilaian_penilai", "penilai_nip", "tahun", "periode"),
    )

    skp_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    periode: Mapped[str] = mapped_column(String(5), primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer)
    instansi_id: Mapped[str] = mapped_column(String(32))
    unor_induk_id: Mapped[str] = mapped_column(String(32))
    nip: Mapped[str] = mapped_column(String(18))
    penilai_nip: Mapped[str] = mapped_column(String(18))
    rating_hasil: Mapped[str] = mapped_column(String(8), default="")  # DIBAWAH|SESUAI|DIATAS or ""
    rating_perilaku: Mapped[str] = mapped_column(String(8), default="")
    predikat: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(16))  # BELUM_DINILAI | DINILAI | PERLU_PERBAIKAN
    dari_capaian: Mapped[bool] = mapped_column(default=False)
    dinilai_oleh: Mapped[str] = mapped_column(String(200), default="")
    waktu: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class CapaianRow(Base):
    __tablename__ = "capaian_organisasi"

    unor_induk_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, primary_key=True)
    periode: Mapped[str] = mapped_column(String(5), primary_key=True)
    instansi_id: Mapped[str] = mapped_column(String(32))
    unor_induk_nama: Mapped[str] = mapped_column(String(300))
    capaian: Mapped[str] = mapped_column(String(16))
    final: Mapped[bool] = mapped_column(default=False)
    diubah_oleh: Mapped[str] = mapped_column(String(200))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": versi}


class BatasRow(Base):
    __tablename__ = "batas"

    instansi_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, primary_key=True)
    periode: Mapped[str] = mapped_column(String(5), primary_key=True)
    tanggal: Mapped[dt.date] = mapped_column(Date)
    diubah_oleh: Mapped[str] = mapped_column(String(200))
