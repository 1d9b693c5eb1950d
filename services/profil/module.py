"""How profil is wired into a server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import grpc
from ekinerja.profil.v1 import auth_pb2_grpc, profil_pb2_grpc

from services.profil.server.auth import AuthServicer
from services.profil.server.profil import ProfilServicer
from services.profil.store import repository as repo
from services.profil.store.models import permintaan
from services.profil.usecases import ingatan_sesi
from services.profil.usecases.akun import LayananAkun
from services.profil.usecases.berkas_saya import KirimBerkasSaya
from services.profil.usecases.email_baru import EmailBaru
from services.profil.usecases.ingatan_sesi import IngatanSesi
from services.shared.db import Database
from services.shared.idempotency import purge
from services.shared.principal import Principal
from services.shared.server import PREFIX_SESI, Context, ServiceModule
from services.shared.tokens import TokenSigner

AUTH = "ekinerja.profil.v1.AuthService"
PROFIL = "ekinerja.profil.v1.ProfilService"
# Touched whenever a session ends here (or `ekinerja akun nonaktifkan`): the
# other processes on this data directory (serve's workers) ask again.
TANDA_SESI = ingatan_sesi.TANDA_SESI


async def register(server: grpc.aio.Server, ctx: Context, db: Database) -> None:
    signer = TokenSigner(ctx.settings.private_key_path.read_bytes(), ctx.settings.token_ttl_seconds)

    async def sesi_aktif(p: Principal) -> bool:
        async with db.read() as s:
            return await repo.sesi_aktif(s, p.sesi_id, dt.datetime.now(dt.UTC))

    # profil owns sessions: its answer, remembered for sesi_cek_detik, is the
    # check of every service in this process (services/shared/server.py
    # _periksa_sesi); a session ended here is forgotten at once
    # (usecases/ingatan_sesi.py), the other services' processes ask CekSesi.
    ingatan = IngatanSesi(sesi_aktif, ctx.settings.sesi_cek_detik, ctx.settings.data_dir / TANDA_SESI)
    ctx.boundary.add_revocation_check(PREFIX_SESI, ingatan)
    akun = LayananAkun(ctx.settings, signer, ctx.mailer, ingatan)
    ctx.services["profil.akun"] = akun
    ctx.services["profil.sesi"] = ingatan
    ctx.on_stop.append(akun.tutup)  # queued mails first, then argon2's threads
    berkas = KirimBerkasSaya(ctx.settings, ctx.mailer)
    ctx.services["profil.berkas"] = berkas
    auth_pb2_grpc.add_AuthServiceServicer_to_server(AuthServicer(db, akun, berkas), server)
    email_baru = EmailBaru(ctx.mailer, dt.timedelta(hours=ctx.settings.email_baru_tunggu_jam))
    profil_pb2_grpc.add_ProfilServiceServicer_to_server(ProfilServicer(db, email_baru), server)


async def housekeeping(db: Database) -> None:
    now = dt.datetime.now(dt.UTC)
    await purge(db, permintaan, now)
    async with db.transaction() as s:
        await repo.bersihkan(s, now - dt.timedelta(days=1))


MODULE = ServiceModule(
    name="profil",
    service_names=(AUTH, PROFIL),
    public_methods=(f"/{AUTH}/Login", f"/{AUTH}/LupaPassword", f"/{AUTH}/ResetPassword", f"/{AUTH}/InfoMasuk"),
    migrations_dir=Path(__file__).parent / "migrations",
    register=register,
    needs_signing_key=True,
    housekeeping=housekeeping,
)
