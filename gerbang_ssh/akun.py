"""Whose key is it? profil knows (AuthService/CariKunciSsh); the gateway asks
as its own account (peran gerbang_ssh) and logs in again when its token expires
or is revoked."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import grpc
import structlog
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc

from services.shared.logging import mask
from services.shared.saluran import buka

log = structlog.get_logger("ekinerja.ssh")

TIMEOUT = 10.0  # seconds; the client waits on this during authentication
_LEBIH_AWAL = 60.0  # log in again this long before the token expires


@dataclass(frozen=True)
class AkunSsh:
    """The account a key is registered to."""

    login: str  # NIP, or username for accounts without one: what the TUI's login field gets
    nama: str
    sidik_jari: str
    peran: tuple[str, ...]

    @property
    def untuk_log(self) -> str:
        return mask(self.login)


class GagalAkunLayanan(Exception):
    """The gateway's account is misconfigured (wrong password, not peran
    gerbang_ssh, profil too old): an operator must act, no client can."""


class ProfilTakTerjangkau(Exception):
    """profil did not answer; the client is refused and may retry."""


class PencariAkun:
    def __init__(
        self, server: str, akun: str, password: str, kredensial: grpc.ChannelCredentials | None = None
    ) -> None:
        self._channel = buka(server, kredensial)
        self._stub = auth_pb2_grpc.AuthServiceStub(self._channel)
        self._akun = akun
        self._password = password
        self._token: str | None = None
        self._kedaluwarsa = 0.0
        # Many clients may connect at once when the token has expired: one login.
        self._kunci = asyncio.Lock()

    async def close(self) -> None:
        await self._channel.close()

    async def masuk(self) -> None:
        """Logs the service account in. GagalAkunLayanan when profil refuses it,
        ProfilTakTerjangkau when profil does not answer."""
        async with self._kunci:
            await self._masuk()

    async def _masuk(self) -> None:
        try:
            resp = await self._stub.Login(
                auth_pb2.LoginRequest(username=self._akun, password=self._password), timeout=TIMEOUT
            )
        except grpc.aio.AioRpcError as err:
            if err.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise ProfilTakTerjangkau(err.details() or err.code().name) from None
            raise GagalAkunLayanan(f"Akun layanan {self._akun} ditolak: {err.details()}") from None
        if auth_pb2.PERAN_GERBANG_SSH not in resp.akun.peran:
            raise GagalAkunLayanan(
                f"Akun {self._akun} bukan akun gerbang SSH (peran gerbang_ssh); lihat deploy/ssh.md."
            )
        self._token = resp.access_token
        self._kedaluwarsa = resp.expire_time.seconds
        log.info("ssh.akun_layanan.masuk", akun=self._akun)

    async def _token_berlaku(self) -> str:
        async with self._kunci:
            if self._token is None or time.time() > self._kedaluwarsa - _LEBIH_AWAL:
                await self._masuk()
            assert self._token is not None
            return self._token

    async def cari(self, kunci_publik: str) -> AkunSsh | None:
        """The account `kunci_publik` ("ssh-ed25519 AAAA…") is registered to,
        or None. Raises ProfilTakTerjangkau, GagalAkunLayanan."""
        for percobaan in (1, 2):
            token = await self._token_berlaku()
            try:
                resp = await self._stub.CariKunciSsh(
                    auth_pb2.CariKunciSshRequest(kunci_publik=kunci_publik),
                    metadata=(("authorization", f"Bearer {token}"),),
                    timeout=TIMEOUT,
                )
            except grpc.aio.AioRpcError as err:
                code = err.code()
                if code in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                    return None
                if code == grpc.StatusCode.UNAUTHENTICATED and percobaan == 1:
                    # Revoked or expired early (logout, key rotation): once more with a new token.
                    self._token = None
                    continue
                if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                    raise ProfilTakTerjangkau(err.details() or code.name) from None
                raise GagalAkunLayanan(f"CariKunciSsh gagal ({code.name}): {err.details()}") from None
            return AkunSsh(
                login=resp.nip or resp.username,
                nama=resp.nama,
                sidik_jari=resp.sidik_jari,
                peran=tuple(auth_pb2.Peran.Name(p).removeprefix("PERAN_").lower() for p in resp.peran),
            )
        raise GagalAkunLayanan("Token akun layanan ditolak berulang kali.")

    async def tiket(self, login: str, alamat: str) -> str:
        """A single-use ticket (AuthService/BuatTiketGerbang) for the next
        Login of `login`, naming the SSH client's `alamat`: profil counts that
        Login against it. "" when none could be had: the Login then goes
        without, counted against the gateway's address (stricter, never looser)."""
        for percobaan in (1, 2):
            try:
                token = await self._token_berlaku()
                resp = await self._stub.BuatTiketGerbang(
                    auth_pb2.BuatTiketGerbangRequest(login=login, alamat_klien=alamat),
                    metadata=(("authorization", f"Bearer {token}"),),
                    timeout=TIMEOUT,
                )
            except grpc.aio.AioRpcError as err:
                if err.code() == grpc.StatusCode.UNAUTHENTICATED and percobaan == 1:
                    self._token = None
                    continue
                log.warning("ssh.tiket_gagal", kode=err.code().name)
                return ""
            except (GagalAkunLayanan, ProfilTakTerjangkau) as e:
                log.warning("ssh.tiket_gagal", galat=str(e))
                return ""
            return resp.tiket
        return ""
