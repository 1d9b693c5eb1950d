"""How skp is wired into a server."""

from __future__ import annotations

from pathlib import Path

import grpc
from ekinerja.skp.v1 import skp_pb2_grpc

from services.penilaian.client import PenilaianClient
from services.profil.client import ProfilClient
from services.shared.db import Database
from services.shared.idempotency import purge
from services.shared.server import Context, ServiceModule
from services.skp.server.skp import SkpServicer
from services.skp.store.models import permintaan

NAME = "ekinerja.skp.v1.SkpService"


async def register(server: grpc.aio.Server, ctx: Context, db: Database) -> None:
    profil = ProfilClient(ctx.saluran("profil"))
    # Edit SKP asks penilaian which periods hold entries (docs/domain.md#edit-skp).
    penilaian = PenilaianClient(ctx.saluran("penilaian"))
    ctx.on_stop.extend([profil.close, penilaian.close])
    skp_pb2_grpc.add_SkpServiceServicer_to_server(SkpServicer(db, profil, penilaian), server)


MODULE = ServiceModule(
    name="skp",
    service_names=(NAME,),
    public_methods=(),
    migrations_dir=Path(__file__).parent / "migrations",
    register=register,
    housekeeping=lambda db: purge(db, permintaan),
)
