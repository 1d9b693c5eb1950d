"""How penilaian is wired into a server."""

from __future__ import annotations

from pathlib import Path

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2_grpc

from services.penilaian.server.penilaian import PenilaianServicer
from services.penilaian.store.models import permintaan
from services.profil.client import ProfilClient
from services.shared.db import Database
from services.shared.idempotency import purge
from services.shared.server import Context, ServiceModule
from services.skp.client import SkpClient

NAME = "ekinerja.penilaian.v1.PenilaianService"


async def register(server: grpc.aio.Server, ctx: Context, db: Database) -> None:
    skp = SkpClient(ctx.saluran("skp"))
    profil = ProfilClient(ctx.saluran("profil"))
    ctx.on_stop.extend([skp.close, profil.close])
    penilaian_pb2_grpc.add_PenilaianServiceServicer_to_server(PenilaianServicer(db, skp, profil), server)


MODULE = ServiceModule(
    name="penilaian",
    service_names=(NAME,),
    public_methods=(),
    migrations_dir=Path(__file__).parent / "migrations",
    register=register,
    housekeeping=lambda db: purge(db, permintaan),
)
