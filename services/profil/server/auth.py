"""AuthService: proto in, use case, proto out."""

from __future__ import annotations

import grpc
from ekinerja.profil.v1 import auth_pb2 as pb
from ekinerja.profil.v1 import auth_pb2_grpc
from google.protobuf.timestamp_pb2 import Timestamp

from services.profil.store.models import permintaan
from services.profil.usecases.akun import KodeSalah, LayananAkun
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.idempotency import idempotent

PERAN = {
    pr.PEGAWAI: pb.PERAN_PEGAWAI, pr.ADMIN_INSTANSI: pb.PERAN_ADMIN_INSTANSI,
    pr.HELPDESK: pb.PERAN_HELPDESK, pr.LAYANAN: pb.PERAN_LAYANAN,
}
ANONIM = "anonim"  # idempotency key space of calls made before login


class AuthServicer(auth_pb2_grpc.AuthServiceServicer):
    def __init__(self, db: Database, akun: LayananAkun) -> None:
        self._db = db
        self._akun = akun

    async def Login(self, request: pb.LoginRequest, context: grpc.aio.ServicerContext) -> pb.LoginResponse:
        hasil = await self._akun.login(self._db, request.nip.strip(), request.username.strip(), request.password)
        expire = Timestamp()
        expire.FromDatetime(hasil.kedaluwarsa)
        a = hasil.akun
        return pb.LoginResponse(
            access_token=hasil.token, expire_time=expire,
            akun=pb.Akun(nip=a.nip or "", username=a.username or "", nama=a.nama, instansi_id=a.instansi_id,
                         peran=[PERAN[p] for p in a.peran.split(",") if p in PERAN]),
        )

    async def Logout(self, request: pb.LogoutRequest, context: grpc.aio.ServicerContext) -> pb.LogoutResponse:
        p = pr.current()

        async def work(s):  # type: ignore[no-untyped-def]
            await self._akun.logout(s, p)
            return pb.LogoutResponse()

        return await idempotent(self._db, permintaan, akun=p.kunci, metode="Logout", request_id=request.request_id,
                                response_type=pb.LogoutResponse, work=work)

    async def UbahPassword(self, request: pb.UbahPasswordRequest, context: grpc.aio.ServicerContext) -> pb.UbahPasswordResponse:
        p = pr.current()

        async def work(s):  # type: ignore[no-untyped-def]
            await self._akun.ubah_password(s, p, request.password_lama, request.password_baru)
            return pb.UbahPasswordResponse()

        return await idempotent(self._db, permintaan, akun=p.kunci, metode="UbahPassword",
                                request_id=request.request_id, response_type=pb.UbahPasswordResponse, work=work)

    async def LupaPassword(self, request: pb.LupaPasswordRequest, context: grpc.aio.ServicerContext) -> pb.LupaPasswordResponse:
        async def work(s):  # type: ignore[no-untyped-def]
            return pb.LupaPasswordResponse(pesan=await self._akun.lupa_password(s, request.nip.strip(), request.email))

        return await idempotent(self._db, permintaan, akun=f"{ANONIM}:{request.nip.strip()[:18]}",
                                metode="LupaPassword", request_id=request.request_id,
                                response_type=pb.LupaPasswordResponse, work=work)

    async def ResetPassword(self, request: pb.ResetPasswordRequest, context: grpc.aio.ServicerContext) -> pb.ResetPasswordResponse:
        async def work(s):  # type: ignore[no-untyped-def]
            await self._akun.reset_password(s, request.nip.strip(), request.kode.strip(), request.password_baru)
            return pb.ResetPasswordResponse()

        try:
            return await idempotent(self._db, permintaan, akun=f"{ANONIM}:{request.nip.strip()[:18]}",
                                    metode="ResetPassword", request_id=request.request_id,
                                    response_type=pb.ResetPasswordResponse, work=work)
        except KodeSalah as salah:
            async with self._db.transaction() as s:
                await self._akun.catat_kode_salah(s, salah.tiket_id)
            raise
