"""How cetak is wired into a server."""

from __future__ import annotations

from pathlib import Path

import grpc
from ekinerja.cetak.v1 import cetak_pb2_grpc

from services.cetak.server.cetak import CetakServicer
from services.cetak.store.models import permintaan
from services.shared.db import Database
from services.shared.idempotency import purge
from services.shared.server import Context, ServiceModule

NAME = "ekinerja.cetak.v1.CetakService"


async def register(server: grpc.aio.Server, ctx: Context, db: Database) -> None:
    cetak_pb2_grpc.add_CetakServiceServicer_to_server(CetakServicer(), server)


MODULE = ServiceModule(
    name="cetak",
    service_names=(NAME,),
    public_methods=(),
    migrations_dir=Path(__file__).parent / "migrations",
    register=register,
    housekeeping=lambda db: purge(db, permintaan),
)
