"""How cetak is wired into a server."""

from __future__ import annotations

from pathlib import Path

import grpc
from ekinerja.cetak.v1 import cetak_pb2_grpc

from services.cetak.pdf.pencetak import Pencetak
from services.cetak.pengaturan import PengaturanCetak
from services.cetak.server.cetak import CetakServicer
from services.cetak.usecases.riwayat import purge
from services.penilaian.client import PenilaianClient
from services.profil.client import ProfilClient
from services.shared.db import Database
from services.shared.server import Context, ServiceModule
from services.skp.client import SkpClient

NAME = "ekinerja.cetak.v1.CetakService"


async def register(server: grpc.aio.Server, ctx: Context, db: Database) -> None:
    skp = SkpClient(ctx.saluran("skp"))
    profil = ProfilClient(ctx.saluran("profil"))
    penilaian = PenilaianClient(ctx.saluran("penilaian"))
    pengaturan = PengaturanCetak.dari(ctx.settings)
    pencetak = Pencetak(
        pengaturan.berkas_kunci, tte=pengaturan.tte, tsa_url=pengaturan.tsa_url, akar=lambda: pengaturan.akar
    )
    ctx.on_stop.extend([skp.close, profil.close, penilaian.close, pencetak.tutup])
    cetak_pb2_grpc.add_CetakServiceServicer_to_server(
        CetakServicer(
            db, skp, profil, penilaian, pencetak, maks_per_jam=ctx.settings.cetak_maks_per_jam, pengaturan=pengaturan
        ),
        server,
    )


MODULE = ServiceModule(
    name="cetak",
    service_names=(NAME,),
    public_methods=(),
    migrations_dir=Path(__file__).parent / "migrations",
    register=register,
    housekeeping=purge,
)
