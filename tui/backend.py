"""The TUI's one door to the services: grpc.aio stubs, the session token, and
errors turned into words. No other TUI module imports grpc."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from google.protobuf.field_mask_pb2 import FieldMask
from google.rpc import error_details_pb2, status_pb2
from google.type.date_pb2 import Date

T = TypeVar("T")


class GagalLayanan(Exception):
    """A call failed; `pesan` is for the user, `field` names the bad input."""

    def __init__(self, pesan: str, sesi_berakhir: bool = False, field: str | None = None,
                 versi_usang: bool = False) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.sesi_berakhir = sesi_berakhir
        self.field = field
        self.versi_usang = versi_usang

    @classmethod
    def dari(cls, err: grpc.aio.AioRpcError) -> GagalLayanan:
        code = err.code()
        if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
            return cls("Layanan e-Kinerja tidak dapat dihubungi. Periksa alamat server lalu coba lagi.")
        field = None
        for key, value in err.trailing_metadata() or ():
            if key == "grpc-status-details-bin":
                for detail in status_pb2.Status.FromString(value).details:
                    if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                        br = error_details_pb2.BadRequest()
                        detail.Unpack(br)
                        if br.field_violations:
                            field = br.field_violations[0].field
        return cls(err.details() or code.name, sesi_berakhir=code == grpc.StatusCode.UNAUTHENTICATED,
                   field=field, versi_usang=code == grpc.StatusCode.ABORTED)


def tanggal(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)


@dataclass
class Sesi:
    token: str
    akun: auth_pb2.Akun


class Backend:
    def __init__(self, address: str, timeout: float = 15.0) -> None:
        self.address = address
        self._timeout = timeout
        self._channel: grpc.aio.Channel | None = None
        self.sesi: Sesi | None = None

    def _stubs(self) -> tuple[auth_pb2_grpc.AuthServiceStub, profil_pb2_grpc.ProfilServiceStub]:
        if self._channel is None:
            self._channel = grpc.aio.insecure_channel(self.address)
        return auth_pb2_grpc.AuthServiceStub(self._channel), profil_pb2_grpc.ProfilServiceStub(self._channel)

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    @property
    def nip(self) -> str:
        return self.sesi.akun.nip if self.sesi else ""

    async def _call(self, method: Callable[..., Awaitable[T]], request: Any, auth: bool = True) -> T:
        metadata = (("authorization", f"Bearer {self.sesi.token}"),) if auth and self.sesi else ()
        try:
            return await method(request, metadata=metadata, timeout=self._timeout)
        except grpc.aio.AioRpcError as err:
            raise GagalLayanan.dari(err) from None

    @staticmethod
    def _rid() -> str:
        # One per user action; a retry of the same action would reuse it.
        return uuid.uuid4().hex

    # --- accounts ---------------------------------------------------------
    async def login(self, nip_atau_username: str, password: str) -> auth_pb2.Akun:
        auth, _ = self._stubs()
        value = nip_atau_username.strip()
        req = auth_pb2.LoginRequest(password=password)
        if value.isdigit():
            req.nip = value
        else:
            req.username = value
        resp = await self._call(auth.Login, req, auth=False)
        self.sesi = Sesi(resp.access_token, resp.akun)
        return resp.akun

    async def logout(self) -> None:
        auth, _ = self._stubs()
        try:
            await self._call(auth.Logout, auth_pb2.LogoutRequest(request_id=self._rid()))
        finally:
            self.sesi = None

    async def ubah_password(self, lama: str, baru: str) -> None:
        auth, _ = self._stubs()
        await self._call(auth.UbahPassword, auth_pb2.UbahPasswordRequest(
            request_id=self._rid(), password_lama=lama, password_baru=baru))

    async def lupa_password(self, nip: str, email: str) -> str:
        auth, _ = self._stubs()
        resp = await self._call(auth.LupaPassword, auth_pb2.LupaPasswordRequest(
            request_id=self._rid(), nip=nip.strip(), email=email.strip()), auth=False)
        return resp.pesan

    async def reset_password(self, nip: str, kode: str, baru: str) -> None:
        auth, _ = self._stubs()
        await self._call(auth.ResetPassword, auth_pb2.ResetPasswordRequest(
            request_id=self._rid(), nip=nip.strip(), kode=kode.strip(), password_baru=baru), auth=False)

    # --- profil -----------------------------------------------------------
    async def pegawai(self, nip: str | None = None) -> profil_pb2.Pegawai:
        _, profil = self._stubs()
        return await self._call(profil.GetPegawai, profil_pb2.GetPegawaiRequest(name=f"pegawai/{nip or self.nip}"))

    async def ubah_profil(self, nip: str, etag: str, jabatan: str | None, unor_id: str | None) -> profil_pb2.Pegawai:
        _, profil = self._stubs()
        pegawai = profil_pb2.Pegawai(name=f"pegawai/{nip}", etag=etag)
        paths = []
        if jabatan is not None:
            pegawai.jabatan, _ = jabatan, paths.append("jabatan")
        if unor_id is not None:
            pegawai.unor_id, _ = unor_id, paths.append("unor_id")
        return await self._call(profil.UpdatePegawai, profil_pb2.UpdatePegawaiRequest(
            request_id=self._rid(), pegawai=pegawai, update_mask=FieldMask(paths=paths)))

    async def atasan(self, nip: str | None = None) -> profil_pb2.Atasan:
        _, profil = self._stubs()
        return await self._call(profil.GetAtasan, profil_pb2.GetAtasanRequest(name=f"pegawai/{nip or self.nip}"))

    async def bawahan(self, nip: str | None = None) -> list[profil_pb2.Bawahan]:
        _, profil = self._stubs()
        resp = await self._call(profil.ListBawahan, profil_pb2.ListBawahanRequest(name=f"pegawai/{nip or self.nip}"))
        return list(resp.bawahan)

    async def pegawai_unor(self, unor_id: str, page_token: str = "") -> profil_pb2.ListPegawaiResponse:
        _, profil = self._stubs()
        return await self._call(profil.ListPegawai, profil_pb2.ListPegawaiRequest(
            parent=f"unor/{unor_id}", page_size=100, page_token=page_token))

    async def daftar_unor(self, query: str = "") -> list[profil_pb2.Unor]:
        _, profil = self._stubs()
        resp = await self._call(profil.ListUnor, profil_pb2.ListUnorRequest(query=query, page_size=300))
        return list(resp.unor)

    async def klaim_pimpinan(self) -> profil_pb2.Unor:
        _, profil = self._stubs()
        return await self._call(profil.KlaimPimpinan, profil_pb2.KlaimPimpinanRequest(
            request_id=self._rid(), name=f"pegawai/{self.nip}"))

    async def penugasan(self) -> list[profil_pb2.Penugasan]:
        _, profil = self._stubs()
        resp = await self._call(profil.ListPenugasan, profil_pb2.ListPenugasanRequest(parent=f"pegawai/{self.nip}"))
        return list(resp.penugasan)

    async def tambah_penugasan(self, unor_id: str, plt: bool, mulai: dt.date, selesai: dt.date) -> profil_pb2.Penugasan:
        _, profil = self._stubs()
        jenis = profil_pb2.JENIS_PENUGASAN_PLT if plt else profil_pb2.JENIS_PENUGASAN_PLH
        return await self._call(profil.CreatePenugasan, profil_pb2.CreatePenugasanRequest(
            request_id=self._rid(), penugasan=profil_pb2.Penugasan(
                nip=self.nip, unor_id=unor_id, jenis=jenis, tanggal_mulai=tanggal(mulai),
                tanggal_selesai=tanggal(selesai))))

    async def akhiri_penugasan(self, name: str, selesai: dt.date) -> profil_pb2.Penugasan:
        _, profil = self._stubs()
        return await self._call(profil.AkhiriPenugasan, profil_pb2.AkhiriPenugasanRequest(
            request_id=self._rid(), name=name, tanggal_selesai=tanggal(selesai)))
