"""Creating accounts that have no NIP (admin instansi, helpdesk, service
accounts), their SSH keys, and instansi records: operator tasks run from
`ekinerja akun`."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.domain.akun import validate_password_baru
from services.profil.domain.kunci_ssh import KunciPublik
from services.profil.domain.kunci_ssh import urai as urai_kunci_ssh
from services.profil.passwords import hash_password
from services.profil.store.models import AkunRow, InstansiRow, KunciSshRow, SesiRow, jejak
from services.shared.db import Database
from services.shared.errors import SudahAda, TidakDitemukan, TidakValid
from services.shared.jejak_audit import baris_operator
from services.shared.principal import ADMIN_INSTANSI, GERBANG_SSH, HELPDESK, LAYANAN
from services.shared.teks import teks

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,63}$")
PERAN_NON_PEGAWAI = (ADMIN_INSTANSI, HELPDESK, LAYANAN, GERBANG_SSH)


async def tambah_akun(db: Database, username: str, peran: str, instansi_id: str, nama: str, password: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise TidakValid("username", "3–64 karakter: huruf kecil, angka, '.', '_' atau '-', diawali huruf")
    if peran not in PERAN_NON_PEGAWAI:
        raise TidakValid("peran", f"pilih salah satu: {', '.join(PERAN_NON_PEGAWAI)}")
    # Printable, as the API checks typed text: the nama is shown in the TUI and the jejak audit.
    nama = teks(nama, "nama", 200, wajib=False)
    validate_password_baru(password, field="password", pribadi=(username, nama))
    hashed = await hash_password(password)
    async with db.transaction() as s:
        if await s.get(InstansiRow, instansi_id) is None:
            raise TidakDitemukan(f"Instansi {instansi_id} tidak ditemukan; impor unor terlebih dahulu.")
        if await s.scalar(select(AkunRow.id).where(AkunRow.username == username)):
            raise SudahAda(f"Username {username} sudah dipakai.")
        akun_id = uuid.uuid4().hex
        s.add(
            AkunRow(
                id=akun_id,
                nip=None,
                username=username,
                nama=nama or username.upper(),
                password_hash=hashed,
                peran=peran,
                instansi_id=instansi_id,
                aktif=True,
                password_diubah=dt.datetime.now(dt.UTC),
            )
        )
        await s.execute(
            jejak.insert().values(
                **baris_operator(
                    metode="TambahAkun", instansi_id=instansi_id, sasaran=f"akun/{username}", sesudah=f"peran={peran}"
                )
            )
        )
    return akun_id


async def daftar_instansi(db: Database) -> list[InstansiRow]:
    async with db.read() as s:
        return list((await s.scalars(select(InstansiRow).order_by(InstansiRow.nama))).all())


async def _akun_dari_login(s: AsyncSession, login: str) -> AkunRow:
    kolom = AkunRow.nip if login.isdigit() else AkunRow.username
    akun = await s.scalar(select(AkunRow).where(kolom == login.strip().lower()))
    if akun is None:
        raise TidakDitemukan(f"Akun {login} tidak ditemukan.")
    return akun


async def ubah_status_akun(db: Database, login: str, aktif: bool) -> int:
    """Enables or disables an account (NIP or username). Disabling ends
    every session of it, so that its tokens stop working in every service
    (servers remember a session's answer EKINERJA_SESI_CEK_DETIK; those on
    the same data directory at once when `ekinerja akun` touches the stamp,
    usecases/ingatan_sesi.py) and enabling it again does not bring them back.
    Returns how many sessions were ended."""
    async with db.transaction() as s:
        akun = await _akun_dari_login(s, login)
        sebelum = akun.aktif
        akun.aktif = aktif
        jumlah = 0
        if not aktif:
            hasil = await s.execute(
                update(SesiRow)
                .where(SesiRow.akun_id == akun.id, SesiRow.dicabut.is_(None))
                .values(dicabut=dt.datetime.now(dt.UTC))
            )
            jumlah = int(hasil.rowcount or 0)  # type: ignore[attr-defined]
        await s.execute(
            jejak.insert().values(
                **baris_operator(
                    metode="AktifkanAkun" if aktif else "NonaktifkanAkun",
                    instansi_id=akun.instansi_id,
                    atas_nama=akun.nip or "",
                    sasaran=f"akun/{akun.nip or akun.username}",
                    sebelum=f"aktif={sebelum}",
                    sesudah=f"aktif={aktif}" + ("" if aktif else f"; {jumlah} sesi diakhiri"),
                )
            )
        )
    return jumlah


async def tambah_kunci_ssh(db: Database, login: str, teks: str) -> KunciPublik:
    """Registers a public key for an account (NIP or username)."""
    kunci = urai_kunci_ssh(teks, field="berkas")
    async with db.transaction() as s:
        akun = await _akun_dari_login(s, login)
        if await s.scalar(select(KunciSshRow.id).where(KunciSshRow.sidik_jari == kunci.sidik_jari)):
            raise SudahAda(f"Kunci {kunci.sidik_jari} sudah terdaftar.")
        s.add(
            KunciSshRow(
                id=uuid.uuid4().hex,
                akun_id=akun.id,
                sidik_jari=kunci.sidik_jari,
                kunci_publik=kunci.teks,
                komentar=kunci.komentar,
                dibuat=dt.datetime.now(dt.UTC),
            )
        )
        await s.execute(
            jejak.insert().values(
                **baris_operator(
                    metode="TambahKunciSsh",
                    instansi_id=akun.instansi_id,
                    atas_nama=akun.nip or "",
                    sasaran=f"akun/{akun.nip or akun.username}",
                    sesudah=f"kunci {kunci.sidik_jari} {kunci.komentar}",
                )
            )
        )
    return kunci


async def daftar_kunci_ssh(db: Database, login: str | None) -> list[tuple[KunciSshRow, str]]:
    async with db.read() as s:
        q = select(KunciSshRow, AkunRow).join(AkunRow, AkunRow.id == KunciSshRow.akun_id).order_by(KunciSshRow.dibuat)
        if login:
            q = q.where(AkunRow.id == (await _akun_dari_login(s, login)).id)
        return [(r.KunciSshRow, r.AkunRow.nip or r.AkunRow.username or "") for r in (await s.execute(q)).all()]


async def hapus_kunci_ssh(db: Database, sidik_jari: str) -> None:
    async with db.transaction() as s:
        row = await s.scalar(select(KunciSshRow).where(KunciSshRow.sidik_jari == sidik_jari.strip()))
        if row is None:
            raise TidakDitemukan(f"Kunci {sidik_jari} tidak terdaftar.")
        akun = await s.get(AkunRow, row.akun_id)
        assert akun is not None  # a foreign key
        await s.execute(
            jejak.insert().values(
                **baris_operator(
                    metode="HapusKunciSsh",
                    instansi_id=akun.instansi_id,
                    atas_nama=akun.nip or "",
                    sasaran=f"akun/{akun.nip or akun.username}",
                    sebelum=f"kunci {row.sidik_jari}",
                    sesudah="dicabut",
                )
            )
        )
        await s.delete(row)
