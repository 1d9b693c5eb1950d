"""What the login screen may know before anyone logs in (AuthService/InfoMasuk).

A demo server (every instansi on it made by `ekinerja seed demo`, its
`demo` column set) names its demo accounts and their documented password,
which `make run` prints and data/demo-login.txt holds; any other server
says nothing (an instansi added to a demo server makes it a real one)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select

from services.profil.store.models import AkunRow, InstansiRow
from services.shared.db import Database

PERAN_TAMPIL = {"pegawai": "pegawai", "admin_instansi": "admin instansi", "helpdesk": "helpdesk"}


@dataclass
class InfoMasuk:
    demo: bool = False
    password_demo: str = ""
    akun: list[tuple[str, str, str]] = field(default_factory=list)  # login, nama, peran


async def info_masuk(db: Database) -> InfoMasuk:
    async with db.transaction() as s:
        instansi = (await s.scalars(select(InstansiRow.demo))).all()
        if not instansi or not all(instansi):
            return InfoMasuk()
        # Only on a demo server: the demo's module (and its faker) is not loaded otherwise.
        from services.profil.demo import AKUN_KHUSUS, DEMO_PASSWORD, ORANG_PANDUAN

        nips = [o[0] for o in ORANG_PANDUAN]
        usernames = [u for u, peran, _, _ in AKUN_KHUSUS if peran in PERAN_TAMPIL]
        rows = (
            await s.scalars(
                select(AkunRow).where(AkunRow.aktif, or_(AkunRow.nip.in_(nips), AkunRow.username.in_(usernames)))
            )
        ).all()
    urutan = {login: i for i, login in enumerate([*nips, *usernames])}
    akun = sorted(
        ((r.nip or r.username or "", r.nama, PERAN_TAMPIL.get(r.peran.split(",")[0], r.peran)) for r in rows),
        key=lambda a: urutan.get(a[0], len(urutan)),
    )
    return InfoMasuk(True, DEMO_PASSWORD, akun)
