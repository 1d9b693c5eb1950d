"""skp's tables. Only skp reads or writes them.

The two identity columns of an SKP are snapshots (docs/domain.md#snapshot-dan-muat-ulang): they
keep what profil said when they were last refreshed, so a printed SKP does
not change when someone moves unit later.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.shared.db import new_metadata
from services.shared.giliran import giliran_table
from services.shared.idempotency import idempotency_table
from services.shared.jejak_audit import jejak_table


class Base(DeclarativeBase):
    metadata = new_metadata()


# Responses of mutating RPCs, kept for retries with the same request_id.
permintaan = idempotency_table(Base.metadata)
jejak = jejak_table(Base.metadata)
giliran = giliran_table(Base.metadata)


class SkpRow(Base):
    __tablename__ = "skp"
    __table_args__ = (
        Index("ix_skp_nip_tahun", "nip", "tahun"),
        Index("ix_skp_penilai_tahun", "penilai_nip", "tahun"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nip: Mapped[str] = mapped_column(String(18))
    instansi_id: Mapped[str] = mapped_column(String(32))
    instansi_nama: Mapped[str] = mapped_column(String(200))
    tahun: Mapped[int] = mapped_column(Integer)
    awal: Mapped[dt.date] = mapped_column(Date)
    akhir: Mapped[dt.date] = mapped_column(Date)
    pendekatan: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    peran: Mapped[str] = mapped_column(String(10))  # DEFINITIF | PLT | PLH
    unor_plt_id: Mapped[str | None] = mapped_column(String(32))
    pimpinan: Mapped[bool]
    jabatan: Mapped[str] = mapped_column(String(300))
    unor_id: Mapped[str] = mapped_column(String(32))
    unor_nama: Mapped[str] = mapped_column(String(300))
    keterangan: Mapped[str] = mapped_column(String(500), default="")

    pegawai_nama: Mapped[str] = mapped_column(String(200))
    pegawai_golongan: Mapped[str] = mapped_column(String(10))
    pegawai_pangkat: Mapped[str] = mapped_column(String(100))
    pegawai_jabatan: Mapped[str] = mapped_column(String(300))
    pegawai_unor_id: Mapped[str] = mapped_column(String(32))
    pegawai_unor_nama: Mapped[str] = mapped_column(String(300))
    pegawai_dimuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    penilai_nip: Mapped[str | None] = mapped_column(String(18))
    penilai_nama: Mapped[str] = mapped_column(String(200), default="")
    penilai_golongan: Mapped[str] = mapped_column(String(10), default="")
    penilai_pangkat: Mapped[str] = mapped_column(String(100), default="")
    penilai_jabatan: Mapped[str] = mapped_column(String(300), default="")
    penilai_unor_id: Mapped[str] = mapped_column(String(32), default="")
    penilai_unor_nama: Mapped[str] = mapped_column(String(300), default="")
    penilai_dimuat: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # A penilai eksternal (NON ASN, docs/domain.md#penentuan-atasan): penilai_nip
    # stays empty (his NIP, if any, names no account here); the admin instansi
    # acts for him.
    penilai_eksternal: Mapped[bool] = mapped_column(Boolean, default=False)
    penilai_nip_eksternal: Mapped[str] = mapped_column(String(18), default="")

    # {"BERORIENTASI_PELAYANAN": "…"}: the penilai's Ekspektasi Khusus Pimpinan.
    ekspektasi: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # {"dukungan_sumber_daya": [...], "skema_pertanggungjawaban": [...], "konsekuensi": [...]}
    lampiran: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    versi: Mapped[int] = mapped_column(Integer, default=1)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    diubah: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    # Optimistic locking: every UPDATE says "WHERE versi = <what I read>" and
    # bumps it, so a concurrent writer who read the same version fails
    # (StaleDataError → ABORTED) on SQLite as on PostgreSQL.
    __mapper_args__ = {"version_id_col": versi}


class RhkRow(Base):
    __tablename__ = "rhk"
    __table_args__ = (Index("ix_rhk_skp", "skp_id"), Index("ix_rhk_organisasi", "unor_id", "klasifikasi"))

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"))
    jenis: Mapped[str] = mapped_column(String(10))  # UTAMA | TAMBAHAN
    klasifikasi: Mapped[str] = mapped_column(String(12))  # ORGANISASI | INDIVIDU
    unor_id: Mapped[str | None] = mapped_column(String(32))
    unor_nama: Mapped[str] = mapped_column(String(300), default="")
    # No foreign key: the atasan's RHK may be deleted later; the text stays.
    rhk_atasan_id: Mapped[str | None] = mapped_column(String(32))
    rhk_atasan_skp_id: Mapped[str | None] = mapped_column(String(32))
    rhk_atasan_teks: Mapped[str] = mapped_column(Text, default="")
    perjanjian_kinerja: Mapped[str] = mapped_column(Text, default="")
    teks: Mapped[str] = mapped_column(Text)
    perspektif: Mapped[str] = mapped_column(String(40), default="", server_default="")
    urutan: Mapped[int] = mapped_column(Integer)
    diwarisi_dari: Mapped[str | None] = mapped_column(String(32))
    versi: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": versi}


class IndikatorRow(Base):
    __tablename__ = "indikator"
    __table_args__ = (Index("ix_indikator_rhk", "rhk_id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id", ondelete="CASCADE"))
    aspek: Mapped[str] = mapped_column(String(10))
    teks: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(String(100), default="")
    target_angka: Mapped[float | None] = mapped_column(Float)
    target_satuan: Mapped[str] = mapped_column(String(100), default="")
    # The upper bound of a range ("80-100 %": 80 to 100), else None.
    target_sampai: Mapped[float | None] = mapped_column(Float)
    urutan: Mapped[int] = mapped_column(Integer)
    versi: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": versi}


class RiwayatRow(Base):
    """Every status change and change of penilai, with who and why."""

    __tablename__ = "riwayat_skp"
    __table_args__ = (Index("ix_riwayat_skp", "skp_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    aktor_akun: Mapped[str] = mapped_column(String(64))
    aktor_nip: Mapped[str] = mapped_column(String(18), default="")
    aktor_nama: Mapped[str] = mapped_column(String(200), default="")
    dari: Mapped[str] = mapped_column(String(12))
    ke: Mapped[str] = mapped_column(String(12))
    alasan: Mapped[str] = mapped_column(Text, default="")


class MphAnggotaRow(Base):
    """A pegawai of another unit added to an SKP's Matriks Peran Hasil
    (Tambah Pegawai): a column besides the pegawai's own bawahan, with the
    profil snapshot taken when added."""

    __tablename__ = "mph_anggota"

    skp_id: Mapped[str] = mapped_column(ForeignKey("skp.id", ondelete="CASCADE"), primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(300))
    unor_nama: Mapped[str] = mapped_column(String(300))
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class PeranHasilRow(Base):
    """A cell of the Matriks Peran Hasil: bawahan `nip` is assigned to the
    atasan's RHK `rhk_id`, with the peran hasil (the text that becomes the
    bawahan's RHK) and a role: KOORDINATOR, KETUA_TIM or ANGGOTA."""

    __tablename__ = "peran_hasil"
    __table_args__ = (Index("ix_peran_hasil_nip", "nip"),)

    rhk_id: Mapped[str] = mapped_column(ForeignKey("rhk.id", ondelete="CASCADE"), primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    peran_hasil: Mapped[str] = mapped_column(Text, default="", server_default="")
    peran: Mapped[str] = mapped_column(String(16), default="ANGGOTA", server_default="ANGGOTA")
