"""profil's tables. Only profil reads or writes them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.shared.db import new_metadata
from services.shared.giliran import giliran_table
from services.shared.idempotency import idempotency_table
from services.shared.jejak_audit import jejak_table


class Base(DeclarativeBase):
    metadata = new_metadata()


permintaan = idempotency_table(Base.metadata)
jejak = jejak_table(Base.metadata)
giliran = giliran_table(Base.metadata)


class InstansiRow(Base):
    __tablename__ = "instansi"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    lokasi: Mapped[str] = mapped_column(String(100), default="")
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # `ekinerja seed demo`


class UnorRow(Base):
    __tablename__ = "unor"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"), index=True)
    nama: Mapped[str] = mapped_column(String(300))
    # No foreign key: an import may name a parent that a later row defines.
    parent_id: Mapped[str | None] = mapped_column(String(32), index=True)
    induk: Mapped[bool] = mapped_column(Boolean, default=False)
    jabatan_pimpinan: Mapped[str] = mapped_column(String(300), default="")
    # One definitive pimpinan per unit, and one unit per definitive pimpinan.
    pimpinan_nip: Mapped[str | None] = mapped_column(String(18), unique=True)


class PegawaiRow(Base):
    __tablename__ = "pegawai"
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"), index=True)
    nama: Mapped[str] = mapped_column(String(200))
    nama_cari: Mapped[str] = mapped_column(String(200), index=True)  # casefolded, for search
    jabatan: Mapped[str] = mapped_column(String(300))
    golongan: Mapped[str] = mapped_column(String(8))
    jenis_asn: Mapped[str] = mapped_column(String(4), default="PNS")
    unor_id: Mapped[str] = mapped_column(ForeignKey("unor.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    # When `email` last changed (None: as imported first): reset codes to a
    # new address wait EKINERJA_EMAIL_BARU_TUNGGU_JAM after it.
    email_diubah: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # True when the pegawai set `unor_id` or `jabatan` himself (Edit Profil):
    # a claim resting on them waits for admin/helpdesk (docs/domain.md#klaim-pimpinan).
    # An import or an admin/helpdesk edit sets it back to False.
    data_sendiri: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    versi: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": versi}


class AkunRow(Base):
    __tablename__ = "akun"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nip: Mapped[str | None] = mapped_column(ForeignKey("pegawai.nip"), unique=True)
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    nama: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    peran: Mapped[str] = mapped_column(String(100))  # comma separated
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"))
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    password_diubah: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SesiRow(Base):
    __tablename__ = "sesi"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    akun_id: Mapped[str] = mapped_column(ForeignKey("akun.id"), index=True)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kedaluwarsa: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    dicabut: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class PercobaanRow(Base):
    """Attempts counted for rate limits, shared by every replica through the DB."""

    __tablename__ = "percobaan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kunci: Mapped[str] = mapped_column(String(300))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_percobaan_kunci_waktu", "kunci", "waktu"),)


class KodeResetRow(Base):
    __tablename__ = "kode_reset"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    akun_id: Mapped[str] = mapped_column(ForeignKey("akun.id"), index=True)
    kode_hash: Mapped[str] = mapped_column(String(64))
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kedaluwarsa: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    salah: Mapped[int] = mapped_column(Integer, default=0)
    selesai: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class PenugasanRow(Base):
    __tablename__ = "penugasan"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nip: Mapped[str] = mapped_column(ForeignKey("pegawai.nip"), index=True)
    unor_id: Mapped[str] = mapped_column(ForeignKey("unor.id"), index=True)
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(3))
    mulai: Mapped[dt.date] = mapped_column(Date)
    selesai: Mapped[dt.date] = mapped_column(Date)
    catatan: Mapped[str] = mapped_column(Text, default="")
    # BERLAKU (registered by admin/helpdesk), DIAJUKAN (a pegawai's request,
    # grants nothing) or DITOLAK (docs/domain.md#plt-dan-plh).
    status: Mapped[str] = mapped_column(String(10), default="BERLAKU", server_default="BERLAKU", index=True)
    diajukan_oleh: Mapped[str] = mapped_column(String(64), default="", server_default="")
    diputus_oleh: Mapped[str] = mapped_column(String(64), default="", server_default="")
    alasan_keputusan: Mapped[str] = mapped_column(Text, default="", server_default="")


class KlaimRow(Base):
    """A Klaim Pimpinan that waits for admin/helpdesk, and its decision
    (docs/domain.md#klaim-pimpinan). A claim that took effect at once has no row."""

    __tablename__ = "klaim_pimpinan"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    nip: Mapped[str] = mapped_column(ForeignKey("pegawai.nip"), index=True)
    unor_id: Mapped[str] = mapped_column(ForeignKey("unor.id"))
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"))
    jabatan: Mapped[str] = mapped_column(String(300))  # as claimed
    status: Mapped[str] = mapped_column(String(10))  # MENUNGGU | DISETUJUI | DITOLAK | BATAL
    dasar: Mapped[str] = mapped_column(String(300))  # why it waits
    diajukan: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    diputus: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    diputus_oleh: Mapped[str] = mapped_column(String(64), default="")
    alasan_keputusan: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_klaim_pimpinan_instansi_status", "instansi_id", "status"),)


class KunciSshRow(Base):
    """An OpenSSH public key that opens `ekinerja ssh` for one account."""

    __tablename__ = "kunci_ssh"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    akun_id: Mapped[str] = mapped_column(ForeignKey("akun.id"), index=True)
    # "SHA256:…" of the key blob, as ssh-keygen -l prints it: how it is found.
    sidik_jari: Mapped[str] = mapped_column(String(100), unique=True)
    kunci_publik: Mapped[str] = mapped_column(Text)  # "ssh-ed25519 AAAA…", without the comment
    komentar: Mapped[str] = mapped_column(String(200), default="")
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class TiketGerbangRow(Base):
    """A single-use ticket the SSH gateway got for one Login (BuatTiketGerbang):
    that Login is counted against the SSH client's address."""

    __tablename__ = "tiket_gerbang"
    tiket_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex: the ticket is a secret
    login: Mapped[str] = mapped_column(String(64))
    alamat: Mapped[str] = mapped_column(String(64))
    kedaluwarsa: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class PenilaiEksternalRow(Base):
    """The penilai eksternal (NON ASN) the admin instansi recorded for one
    pegawai (docs/domain.md#penentuan-atasan, step 3)."""

    __tablename__ = "penilai_eksternal"
    nip: Mapped[str] = mapped_column(ForeignKey("pegawai.nip"), primary_key=True)
    instansi_id: Mapped[str] = mapped_column(ForeignKey("instansi.id"), index=True)
    nama: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(300))
    nip_penilai: Mapped[str] = mapped_column(String(18), default="")
    dicatat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
