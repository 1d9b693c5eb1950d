"""AuthService: proto in, use case, proto out."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
from ekinerja.profil.v1 import auth_pb2 as pb
from ekinerja.profil.v1 import auth_pb2_grpc
from google.protobuf.timestamp_pb2 import Timestamp

from services.profil.store.models import jejak, permintaan
from services.profil.usecases import tiket_gerbang
from services.profil.usecases.akun import KodeBenar, LayananAkun, PasswordLamaBenar, cari_kunci_ssh, now
from services.profil.usecases.berkas_saya import KirimBerkasSaya, Penampung
from services.profil.usecases.info_masuk import info_masuk
from services.shared import principal as pr
from services.shared.db import Database
from services.shared.errors import BelumMasuk, TidakValid
from services.shared.mutasi import Mutasi
from services.shared.names import timestamp_to_proto

PERAN = {
    pr.PEGAWAI: pb.PERAN_PEGAWAI,
    pr.ADMIN_INSTANSI: pb.PERAN_ADMIN_INSTANSI,
    pr.HELPDESK: pb.PERAN_HELPDESK,
    pr.LAYANAN: pb.PERAN_LAYANAN,
    pr.GERBANG_SSH: pb.PERAN_GERBANG_SSH,
}
ANONIM = "anonim"  # idempotency key space of calls made before login


def peran_proto(peran: str) -> list[pb.Peran.ValueType]:
    return [PERAN[p] for p in peran.split(",") if p in PERAN]


def bersertifikat(context: grpc.aio.ServicerContext) -> bool:
    """The client presented a certificate the server verified (mutual TLS)."""
    return bool((context.auth_context() or {}).get("x509_pem_cert"))


class AuthServicer(auth_pb2_grpc.AuthServiceServicer):
    def __init__(self, db: Database, akun: LayananAkun, berkas: KirimBerkasSaya) -> None:
        self._db = db
        self._akun = akun
        self._berkas = berkas
        self._mutasi = Mutasi(db, permintaan, jejak)

    async def Login(self, request: pb.LoginRequest, context: grpc.aio.ServicerContext) -> pb.LoginResponse:
        tiket = str(dict(context.invocation_metadata() or ()).get(tiket_gerbang.METADATA, ""))
        if tiket:
            # Through the SSH gateway: count this Login against the SSH client's address, which the
            # gateway named in the ticket (only a valid ticket for this login; otherwise the peer's).
            async with self._db.transaction() as s:
                alamat = await tiket_gerbang.tukar(s, tiket, (request.nip or request.username), now())
            if alamat:
                pr.set_alamat(alamat)
        hasil = await self._akun.login(
            self._db, request.nip.strip(), request.username.strip(), request.password, bersertifikat(context)
        )
        expire = Timestamp()
        expire.FromDatetime(hasil.kedaluwarsa)
        a = hasil.akun
        return pb.LoginResponse(
            access_token=hasil.token,
            expire_time=expire,
            akun=pb.Akun(
                nip=a.nip or "",
                username=a.username or "",
                nama=a.nama,
                instansi_id=a.instansi_id,
                peran=peran_proto(a.peran),
            ),
        )

    async def Logout(self, request: pb.LogoutRequest, context: grpc.aio.ServicerContext) -> pb.LogoutResponse:
        p = pr.current()

        async def work(s):
            await self._akun.logout(s, p)
            return pb.LogoutResponse()

        return await self._mutasi(request, "Logout", pb.LogoutResponse, work)

    async def LogoutSemua(
        self, request: pb.LogoutSemuaRequest, context: grpc.aio.ServicerContext
    ) -> pb.LogoutSemuaResponse:
        p = pr.current()

        async def work(s):
            return pb.LogoutSemuaResponse(sesi_diakhiri=await self._akun.logout_semua(s, p))

        return await self._mutasi(request, "LogoutSemua", pb.LogoutSemuaResponse, work)

    async def CekSesi(self, request: pb.CekSesiRequest, context: grpc.aio.ServicerContext) -> pb.CekSesiResponse:
        # The boundary has checked the token, and the session with the answer
        # this process remembers (usecases/ingatan_sesi.py). Other processes
        # remember this answer for sesi_cek_detik themselves: it is read
        # fresh, or a logout elsewhere could take twice that window.
        if not await self._akun.sesi_aktif_segar(pr.current()):
            raise BelumMasuk("Sesi Anda telah berakhir. Silakan masuk kembali.")
        return pb.CekSesiResponse()

    async def UbahPassword(
        self, request: pb.UbahPasswordRequest, context: grpc.aio.ServicerContext
    ) -> pb.UbahPasswordResponse:
        p = pr.current()
        benar: list[PasswordLamaBenar] = []

        async def periksa() -> None:
            benar.append(
                await self._akun.periksa_password_lama(
                    self._db, p, request.password_lama, request.password_baru, bersertifikat(context)
                )
            )

        async def work(s):
            await self._akun.ubah_password(s, p, request.password_baru, benar[-1])
            return pb.UbahPasswordResponse()

        return await self._mutasi(request, "UbahPassword", pb.UbahPasswordResponse, work, sebelum=periksa)

    async def InfoMasuk(self, request: pb.InfoMasukRequest, context: grpc.aio.ServicerContext) -> pb.InfoMasukResponse:
        info = await info_masuk(self._db)
        return pb.InfoMasukResponse(
            demo=info.demo,
            password_demo=info.password_demo,
            akun_demo=[pb.AkunDemo(login=login, nama=nama, peran=peran) for login, nama, peran in info.akun],
        )

    async def LupaPassword(
        self, request: pb.LupaPasswordRequest, context: grpc.aio.ServicerContext
    ) -> pb.LupaPasswordResponse:
        async def work(s):
            return pb.LupaPasswordResponse(
                pesan=await self._akun.lupa_password(self._db, s, request.nip.strip(), request.email)
            )

        return await self._mutasi(
            request, "LupaPassword", pb.LupaPasswordResponse, work, akun=f"{ANONIM}:{request.nip.strip()[:18]}"
        )

    async def ResetPassword(
        self, request: pb.ResetPasswordRequest, context: grpc.aio.ServicerContext
    ) -> pb.ResetPasswordResponse:
        benar: list[KodeBenar] = []

        async def periksa() -> None:
            benar.append(
                await self._akun.periksa_kode_reset(
                    self._db, request.nip.strip(), request.kode.strip(), request.password_baru
                )
            )

        async def work(s):
            await self._akun.reset_password(s, request.password_baru, benar[-1])
            return pb.ResetPasswordResponse()

        return await self._mutasi(
            request,
            "ResetPassword",
            pb.ResetPasswordResponse,
            work,
            akun=f"{ANONIM}:{request.nip.strip()[:18]}",
            sebelum=periksa,
        )

    async def KirimKodeReset(
        self, request: pb.KirimKodeResetRequest, context: grpc.aio.ServicerContext
    ) -> pb.KirimKodeResetResponse:
        p = pr.current()

        async def work(s):
            tersamar, kedaluwarsa = await self._akun.kirim_kode_reset(s, p, request.nip.strip())
            return pb.KirimKodeResetResponse(email_tersamar=tersamar, kedaluwarsa=timestamp_to_proto(kedaluwarsa))

        return await self._mutasi(request, "KirimKodeReset", pb.KirimKodeResetResponse, work)

    async def BuatTiketGerbang(
        self, request: pb.BuatTiketGerbangRequest, context: grpc.aio.ServicerContext
    ) -> pb.TiketGerbang:
        async with self._db.transaction() as s:
            tiket, kedaluwarsa = await tiket_gerbang.buat(s, pr.current(), request.login, request.alamat_klien, now())
        return pb.TiketGerbang(tiket=tiket, expire_time=timestamp_to_proto(kedaluwarsa))

    async def KirimBerkasSaya(
        self, requests: AsyncIterator[pb.KirimBerkasSayaRequest], context: grpc.aio.ServicerContext
    ) -> pb.KirimBerkasSayaResponse:
        p = pr.current()
        kepala, penampung = None, None
        async for m in requests:
            if kepala is None:  # the first message names the file
                if m.isi:
                    raise TidakValid(
                        "isi",
                        "pesan pertama hanya berisi request_id dan nama_berkas; "
                        "isi berkas dikirim pada pesan berikutnya",
                    )
                kepala, penampung = m, Penampung(m.nama_berkas.strip())
                continue
            if m.request_id or m.nama_berkas:
                raise TidakValid("nama_berkas", "hanya dikirim pada pesan pertama")
            penampung.tambah(m.isi)  # type: ignore[union-attr]
        if kepala is None or penampung is None:
            raise TidakValid("nama_berkas", "wajib diisi pada pesan pertama")
        isi = penampung.isi

        async def work(s):
            tersamar = await self._berkas.kirim(s, p, penampung.nama, isi, now())
            return pb.KirimBerkasSayaResponse(email_tersamar=tersamar)

        # The first message (its request_id, the name; no content) is the request on record.
        return await self._mutasi(kepala, "KirimBerkasSaya", pb.KirimBerkasSayaResponse, work)

    async def CariKunciSsh(self, request: pb.CariKunciSshRequest, context: grpc.aio.ServicerContext) -> pb.KunciSsh:
        async with self._db.read() as s:
            sidik_jari, a = await cari_kunci_ssh(s, pr.current(), request.kunci_publik)
        return pb.KunciSsh(
            sidik_jari=sidik_jari,
            nip=a.nip or "",
            username=a.username or "",
            nama=a.nama,
            peran=peran_proto(a.peran),
            instansi_id=a.instansi_id,
        )
