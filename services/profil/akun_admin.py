"""Creating accounts that have no NIP (admin instansi, helpdesk, service
accounts) and instansi records: operator tasks run from `ekinerja akun`."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sqlalchemy import select

from services.profil.domain.akun import validate_password_baru
from services.profil.passwords import hash_password
from services.profil.store.models import AkunRow, InstansiRow
from services.shared.db import Database
from services.shared.errors import SudahAda, TidakDitemukan, TidakValid
from services.shared.principal import ADMIN_INSTANSI, HELPDESK, LAYANAN

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,63}$")
PERAN_NON_PEGAWAI = (ADMIN_INSTANSI, HELPDESK, LAYANAN)


async def tambah_akun(db: Database, username: str, peran: str, instansi_id: str, nama: str, password: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise TidakValid("username", "3–64 karakter: huruf kecil, angka, '.', '_' atau '-', diawali huruf")
    if peran not in PERAN_NON_PEGAWAI:
        raise TidakValid("peran", f"pilih salah satu: {', '.join(PERAN_NON_PEGAWAI)}")
    validate_password_baru(password, field="password")
    hashed = await hash_password(password)
    async with db.transaction() as s:
        if await s.get(InstansiRow, instansi_id) is None:
            raise TidakDitemukan(f"Instansi {instansi_id} tidak ditemukan; impor unor terlebih dahulu.")
        if await s.scalar(select(AkunRow.id).where(AkunRow.username == username)):
            raise SudahAda(f"Username {username} sudah dipakai.")
        akun_id = uuid.uuid4().hex
        s.add(AkunRow(id=akun_id, nip=None, username=username, nama=nama or username.upper(), password_hash=hashed,
                      peran=peran, instansi_id=instansi_id, aktif=True, password_diubah=dt.datetime.now(dt.UTC)))
    return akun_id


async def daftar_instansi(db: Database) -> list[InstansiRow]:
    async with db.read() as s:
        return list((await s.scalars(select(InstansiRow).order_by(InstansiRow.nama))).all())
