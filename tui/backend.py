"""The TUI's one door to the services: grpc.aio stubs, the session token, and
errors turned into words. No other TUI module imports grpc.

Every method raises `GagalLayanan` and nothing else from gRPC:
- `sesi_berakhir`: the token is no longer valid (UNAUTHENTICATED without a
  field); the app goes back to the login screen.
- `versi_usang`: ABORTED, the resource changed since it was read (etag).
- `tidak_pasti`: UNAVAILABLE / DEADLINE_EXCEEDED, the outcome of a mutating
  call is unknown; retrying with the same request_id is safe.
- otherwise `pesan` (and `field`) say what the user should fix.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import grpc
from ekinerja.profil.v1 import auth_pb2, auth_pb2_grpc, profil_pb2, profil_pb2_grpc
from google.protobuf.field_mask_pb2 import FieldMask
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from tui.backend_cetak import LayananCetak
from tui.backend_helpdesk import LayananHelpdesk
from tui.backend_penilaian import LayananPenilaian
from tui.backend_skp import LayananSkp
from tui.format import bersih, bersihkan, dari_date, label_field
from tui.gerbang import SaluranGerbang

if TYPE_CHECKING:
    # Imported when their first call is made (tui/nanti.py says why).
    from ekinerja.cetak.v1 import cetak_pb2_grpc
    from ekinerja.penilaian.v1 import penilaian_pb2_grpc
    from ekinerja.skp.v1 import skp_pb2_grpc

T = TypeVar("T")
# KirimBerkasSaya takes a file in pieces of at most 32 KiB (services/profil/usecases/berkas_saya.py).
POTONGAN_BERKAS = 32 * 1024

_TIDAK_PASTI = {
    # grpc's own texts for these are English transport details: say it in words.
    grpc.StatusCode.UNAVAILABLE: "Layanan e-Kinerja tidak dapat dihubungi. Periksa jaringan atau alamat server "
    "lalu coba lagi.",
    grpc.StatusCode.DEADLINE_EXCEEDED: "Layanan e-Kinerja tidak menjawab tepat waktu. Silakan coba lagi.",
}


class GagalLayanan(Exception):
    """A call failed. `pesan` is for the user (Indonesian, from the server),
    `field` names the bad input when the server said which."""

    def __init__(
        self,
        pesan: str,
        kode: grpc.StatusCode,
        field: str | None = None,
        pelanggaran: list[tuple[str, str]] | None = None,
    ) -> None:
        # The server's words may quote what someone typed: no control characters reach a widget.
        pesan = bersih(pesan)
        pelanggaran = [(f, bersih(d)) for f, d in pelanggaran or []]
        super().__init__(pesan)
        self.pesan = pesan
        self.kode = kode
        self.field = field
        # Every (field, description) the server named: a form whose labels come
        # from the server (Cetak) shows each on its own field.
        self.pelanggaran = pelanggaran or []

    @property
    def sesi_berakhir(self) -> bool:
        # UNAUTHENTICATED naming a field is a wrong credential (old password),
        # not an expired session.
        return self.kode == grpc.StatusCode.UNAUTHENTICATED and self.field is None

    @property
    def terputus(self) -> bool:
        """The server could not be reached at all."""
        return self.kode == grpc.StatusCode.UNAVAILABLE

    @property
    def versi_usang(self) -> bool:
        return self.kode == grpc.StatusCode.ABORTED

    @property
    def tidak_pasti(self) -> bool:
        return self.kode in _TIDAK_PASTI

    @classmethod
    def tidak_utuh(cls) -> GagalLayanan:
        """A streamed file that does not match the size and sha256 it was announced with."""
        return cls(
            "Berkas yang diterima tidak utuh (ukuran atau sha256 tidak cocok). Silakan cetak ulang.",
            grpc.StatusCode.DATA_LOSS,
        )

    @classmethod
    def dari(cls, err: grpc.aio.AioRpcError) -> GagalLayanan:
        code = err.code()
        if code in _TIDAK_PASTI:
            return cls(_TIDAK_PASTI[code], code)
        pesan = err.details() or f"Permintaan gagal ({code.name})."
        field = None
        pelanggaran: list[tuple[str, str]] = []
        try:
            status = rpc_status.from_call(err)  # type: ignore[arg-type]  # has the grpc.Call methods it reads
        except ValueError:  # details that disagree with the status: keep the plain message
            status = None
        for detail in status.details if status else ():
            if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                br = error_details_pb2.BadRequest()
                detail.Unpack(br)
                pelanggaran += [(v.field, v.description) for v in br.field_violations]
                if br.field_violations and field is None:
                    v = br.field_violations[0]
                    field = v.field
                    pesan = f"{label_field(v.field)}: {v.description}" if v.description else pesan
        return cls(pesan, code, field, pelanggaran)


class IdPermintaan:
    """One request_id per user action. It is kept after a failure whose outcome
    is unknown (the reply was lost), so pressing the button again retries the
    same action instead of doing it twice; any other answer starts a new one."""

    def __init__(self) -> None:
        self._id: str | None = None

    def ambil(self) -> str:
        if self._id is None:
            self._id = uuid.uuid4().hex
        return self._id

    def selesai(self, gagal: GagalLayanan | None = None) -> None:
        if gagal is None or not gagal.tidak_pasti:
            self._id = None


@dataclass
class Sesi:
    token: str
    akun: auth_pb2.Akun


class Backend(LayananSkp, LayananPenilaian, LayananCetak, LayananHelpdesk):
    """Plumbing and the profil calls here; the SKP calls in `LayananSkp`, the
    penilaian calls in `LayananPenilaian`, the cetak calls in `LayananCetak`,
    the helpdesk's (search, Kirim Kode Reset, Jejak Audit) in `LayananHelpdesk`."""

    def __init__(
        self,
        address: str,
        timeout: float = 15.0,
        timeout_berkas: float = 300.0,
        kredensial: grpc.ChannelCredentials | None = None,
    ) -> None:
        """`timeout_berkas`: for a streamed file as a whole (a bulk print renders
        every bawahan's document before the zip comes). `kredensial`: TLS, as
        the CLI reads it from EKINERJA_TLS_*; None for plaintext."""
        self.address = address
        self._kredensial = kredensial
        self.timeout = timeout
        self.timeout_berkas = timeout_berkas
        self._channel: grpc.aio.Channel | None = None
        self._auth: auth_pb2_grpc.AuthServiceAsyncStub | None = None
        self._profil: profil_pb2_grpc.ProfilServiceAsyncStub | None = None
        self._skp: skp_pb2_grpc.SkpServiceAsyncStub | None = None
        self._penilaian: penilaian_pb2_grpc.PenilaianServiceAsyncStub | None = None
        self._cetak: cetak_pb2_grpc.CetakServiceAsyncStub | None = None
        self.sesi: Sesi | None = None
        # Under the SSH gateway: each Login carries its ticket (the SSH client's address for the limiter).
        self.gerbang: SaluranGerbang | None = None
        # Whether the last call reached the server; the app is told when that changes (a banner, a retry).
        self.tersambung = True
        self.saat_koneksi: Callable[[bool], None] | None = None

    def _koneksi(self, tersambung: bool) -> None:
        if tersambung != self.tersambung:
            self.tersambung = tersambung
            if self.saat_koneksi is not None:
                self.saat_koneksi(tersambung)

    async def cek_koneksi(self) -> bool:
        """Whether the server answers now (gRPC health, no session needed)."""
        from grpc_health.v1 import health_pb2, health_pb2_grpc

        self._buka()
        # The health stubs carry no async typing (types-grpcio-health-checking describes the sync stub).
        stub: Any = health_pb2_grpc.HealthStub(self._channel)  # type: ignore[arg-type]
        try:
            # Waiting for the channel to connect again (its backoff is at most 3 s), not failing at once.
            await stub.Check(health_pb2.HealthCheckRequest(), timeout=4, wait_for_ready=True)
        except grpc.aio.AioRpcError as err:
            if err.code() in _TIDAK_PASTI:
                self._koneksi(False)
                return False
        self._koneksi(True)  # any other answer came from the server
        return True

    def _buka(self) -> None:
        # Opened lazily, on the app's event loop (grpc.aio binds a channel to the loop).
        if self._channel is None:
            # A server back after an outage is found within seconds, not after gRPC's 2-minute backoff.
            opsi = [("grpc.max_reconnect_backoff_ms", 3000)]
            self._channel = (
                grpc.aio.secure_channel(self.address, self._kredensial, options=opsi)
                if self._kredensial
                else grpc.aio.insecure_channel(self.address, options=opsi)
            )
            self._auth = auth_pb2_grpc.AuthServiceStub(self._channel)
            self._profil = profil_pb2_grpc.ProfilServiceStub(self._channel)
            # The SKP, penilaian and cetak stubs (and their messages) are made on first use: a
            # session that only looks at its profile never loads them.
            self._skp = self._penilaian = self._cetak = None

    def _saluran(self) -> grpc.aio.Channel:
        self._buka()
        assert self._channel is not None
        return self._channel

    @property
    def auth(self) -> auth_pb2_grpc.AuthServiceAsyncStub:
        self._buka()
        assert self._auth is not None
        return self._auth

    @property
    def profil(self) -> profil_pb2_grpc.ProfilServiceAsyncStub:
        self._buka()
        assert self._profil is not None
        return self._profil

    @property
    def skp(self) -> skp_pb2_grpc.SkpServiceAsyncStub:
        self._buka()
        if self._skp is None:
            from ekinerja.skp.v1 import skp_pb2_grpc

            self._skp = skp_pb2_grpc.SkpServiceStub(self._saluran())
        return self._skp

    @property
    def penilaian(self) -> penilaian_pb2_grpc.PenilaianServiceAsyncStub:
        self._buka()
        if self._penilaian is None:
            from ekinerja.penilaian.v1 import penilaian_pb2_grpc

            self._penilaian = penilaian_pb2_grpc.PenilaianServiceStub(self._saluran())
        return self._penilaian

    @property
    def cetak(self) -> cetak_pb2_grpc.CetakServiceAsyncStub:
        self._buka()
        if self._cetak is None:
            from ekinerja.cetak.v1 import cetak_pb2_grpc

            self._cetak = cetak_pb2_grpc.CetakServiceStub(self._saluran())
        return self._cetak

    @property
    def terbuka(self) -> bool:
        """A channel is open (it is closed when the app exits)."""
        return self._channel is not None

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    @property
    def nip(self) -> str:
        return self.sesi.akun.nip if self.sesi else ""

    def _metadata(
        self, request: Any, auth: bool, tambahan: tuple[tuple[str, str], ...] = ()
    ) -> tuple[tuple[str, str], ...]:
        metadata: list[tuple[str, str]] = list(tambahan)
        if auth and self.sesi:
            metadata.append(("authorization", f"Bearer {self.sesi.token}"))
        if rid := getattr(request, "request_id", ""):
            metadata.append(("x-request-id", rid))  # the same id in the server's log lines
        return tuple(metadata)

    async def _call(
        self,
        method: Callable[..., Awaitable[T]],
        request: Any,
        auth: bool = True,
        tambahan: tuple[tuple[str, str], ...] = (),
        aliran: Callable[[], AsyncIterator[Any]] | None = None,
    ) -> T:
        """`aliran`: for a client-streaming call, makes the messages to send
        (afresh for the retry; `request`, the first of them, names the call)."""
        metadata = self._metadata(request, auth, tambahan)
        for percobaan in (1, 2):
            try:
                kirim = aliran() if aliran else request
                # Where server text enters the TUI: without control characters from here on.
                hasil = bersihkan(
                    await method(kirim, metadata=metadata, timeout=self.timeout_berkas if aliran else self.timeout)
                )
            except grpc.aio.AioRpcError as err:
                # One quiet retry when the server could not be reached; the request
                # (and its request_id) is the same, so the server acts at most once.
                if percobaan == 1 and err.code() == grpc.StatusCode.UNAVAILABLE:
                    await asyncio.sleep(0.3)
                    continue
                self._koneksi(err.code() != grpc.StatusCode.UNAVAILABLE)
                raise GagalLayanan.dari(err) from None
            self._koneksi(True)
            return hasil
        raise AssertionError("unreachable")

    async def _aliran(self, method: Callable[..., Any], request: Any, auth: bool = True) -> AsyncGenerator[Any, None]:
        """A server-streaming call, message by message, with `_call`'s rules:
        errors as `GagalLayanan`, one quiet retry when the server could not
        be reached, but only before anything arrived (what was passed on
        cannot be taken back). Use it under `contextlib.aclosing`: the call is
        cancelled when the reader stops early (a closed screen), so the
        server stops too."""
        metadata = self._metadata(request, auth)
        for percobaan in (1, 2):
            call = method(request, metadata=metadata, timeout=self.timeout_berkas)
            diterima = False
            try:
                async for pesan in call:
                    if not diterima:
                        self._koneksi(True)
                    diterima = True
                    yield bersihkan(pesan)
                return
            except grpc.aio.AioRpcError as err:
                if percobaan == 1 and not diterima and err.code() == grpc.StatusCode.UNAVAILABLE:
                    await asyncio.sleep(0.3)
                    continue
                self._koneksi(err.code() != grpc.StatusCode.UNAVAILABLE)
                raise GagalLayanan.dari(err) from None
            finally:
                call.cancel()  # nothing when it is done already

    # --- accounts ---------------------------------------------------------
    async def login(self, nip_atau_username: str, password: str) -> auth_pb2.Akun:
        """18 digits are a NIP; anything else is a username (admin, helpdesk)."""
        value = nip_atau_username.strip()
        req = auth_pb2.LoginRequest(password=password)
        if value.isdigit() and len(value) == 18:
            req.nip = value
        else:
            req.username = value
        tambahan: tuple[tuple[str, str], ...] = ()
        if self.gerbang is not None and (tiket := await self.gerbang.tiket()):
            tambahan = (("x-tiket-gerbang", tiket),)
        resp = await self._call(self.auth.Login, req, auth=False, tambahan=tambahan)
        self.sesi = Sesi(resp.access_token, resp.akun)
        if self.gerbang is not None:
            self.gerbang.sudah_masuk()
        return resp.akun

    async def info_masuk(self) -> auth_pb2.InfoMasukResponse:
        """Before login: whether this is a demo server, and then its demo accounts."""
        return await self._call(self.auth.InfoMasuk, auth_pb2.InfoMasukRequest(), auth=False)

    async def logout(self, request_id: str) -> None:
        try:
            await self._call(self.auth.Logout, auth_pb2.LogoutRequest(request_id=request_id))
        finally:
            self.sesi = None

    async def logout_semua(self, request_id: str) -> int:
        """Ends every session of this account, on every device; returns how many."""
        try:
            r = await self._call(self.auth.LogoutSemua, auth_pb2.LogoutSemuaRequest(request_id=request_id))
            return r.sesi_diakhiri
        finally:
            self.sesi = None

    async def ubah_password(self, request_id: str, lama: str, baru: str) -> None:
        try:
            await self._call(
                self.auth.UbahPassword,
                auth_pb2.UbahPasswordRequest(request_id=request_id, password_lama=lama, password_baru=baru),
            )
        except GagalLayanan as e:
            if not e.sesi_berakhir:
                raise
            # The server answers a wrong old password with UNAUTHENTICATED too;
            # an authenticated read tells the two apart.
            await self.pegawai()
            raise GagalLayanan(e.pesan, e.kode, field="password_lama") from None

    async def lupa_password(self, request_id: str, nip: str, email: str) -> str:
        resp = await self._call(
            self.auth.LupaPassword,
            auth_pb2.LupaPasswordRequest(request_id=request_id, nip=nip.strip(), email=email.strip()),
            auth=False,
        )
        return resp.pesan

    async def reset_password(self, request_id: str, nip: str, kode: str, baru: str) -> None:
        await self._call(
            self.auth.ResetPassword,
            auth_pb2.ResetPasswordRequest(
                request_id=request_id, nip=nip.strip(), kode=kode.strip(), password_baru=baru
            ),
            auth=False,
        )

    async def kirim_berkas_saya(self, request_id: str, nama_berkas: str, isi: bytes) -> str:
        """Mails a saved file to this account's registered address; returns it masked.
        Sent as the server takes it: the name first, then pieces of 32 KiB."""
        kepala = auth_pb2.KirimBerkasSayaRequest(request_id=request_id, nama_berkas=nama_berkas)

        async def pesan() -> AsyncIterator[auth_pb2.KirimBerkasSayaRequest]:
            yield kepala
            for i in range(0, len(isi), POTONGAN_BERKAS):
                yield auth_pb2.KirimBerkasSayaRequest(isi=isi[i : i + POTONGAN_BERKAS])

        r = await self._call(self.auth.KirimBerkasSaya, kepala, aliran=pesan)
        return r.email_tersamar

    # --- profil -----------------------------------------------------------
    async def pegawai(self, nip: str | None = None) -> profil_pb2.Pegawai:
        return await self._call(self.profil.GetPegawai, profil_pb2.GetPegawaiRequest(name=f"pegawai/{nip or self.nip}"))

    async def ubah_profil(
        self, request_id: str, lama: profil_pb2.Pegawai, jabatan: str | None, unor_id: str | None, alasan: str = ""
    ) -> profil_pb2.Pegawai:
        """Sends only what changed (None = unchanged), with the etag read before.
        `alasan`: why, when admin or helpdesk change someone's profile."""
        pegawai = profil_pb2.Pegawai(name=lama.name or f"pegawai/{lama.nip}", etag=lama.etag)
        paths = []
        if jabatan is not None:
            pegawai.jabatan = jabatan
            paths.append("jabatan")
        if unor_id is not None:
            pegawai.unor_id = unor_id
            paths.append("unor_id")
        return await self._call(
            self.profil.UpdatePegawai,
            profil_pb2.UpdatePegawaiRequest(
                request_id=request_id, pegawai=pegawai, update_mask=FieldMask(paths=paths), alasan=alasan
            ),
        )

    async def atasan(
        self, nip: str | None = None, unor_plt: str = "", tanggal: dt.date | None = None
    ) -> profil_pb2.Atasan:
        """The atasan on `tanggal` (default today); with `unor_plt` (an id), the
        atasan of the PLT/PLH role on that unit, on a day of the assignment."""
        req = profil_pb2.GetAtasanRequest(
            name=f"pegawai/{nip or self.nip}", unor_plt=f"unor/{unor_plt}" if unor_plt else ""
        )
        if tanggal is not None:
            req.tanggal.CopyFrom(dari_date(tanggal))
        return await self._call(self.profil.GetAtasan, req)

    async def bawahan(self, nip: str | None = None) -> list[profil_pb2.Bawahan]:
        resp = await self._call(
            self.profil.ListBawahan, profil_pb2.ListBawahanRequest(name=f"pegawai/{nip or self.nip}")
        )
        return list(resp.bawahan)

    async def pegawai_unor(
        self, unor_id: str, page_token: str = "", page_size: int = 50
    ) -> profil_pb2.ListPegawaiResponse:
        return await self._call(
            self.profil.ListPegawai,
            profil_pb2.ListPegawaiRequest(parent=f"unor/{unor_id}", page_size=page_size, page_token=page_token),
        )

    async def unor(self, unor_id: str) -> profil_pb2.Unor:
        return await self._call(self.profil.GetUnor, profil_pb2.GetUnorRequest(name=f"unor/{unor_id}"))

    async def unor_induk(self, unor_id: str) -> profil_pb2.Unor:
        """The unor induk (unit JPT / mandiri) a unit belongs to: itself when it is one."""
        unor = await self.unor(unor_id)
        return unor if unor.induk or not unor.induk_id else await self.unor(unor.induk_id)

    @property
    def admin_instansi(self) -> bool:
        return self.sesi is not None and auth_pb2.PERAN_ADMIN_INSTANSI in self.sesi.akun.peran

    @property
    def helpdesk(self) -> bool:
        return self.sesi is not None and auth_pb2.PERAN_HELPDESK in self.sesi.akun.peran

    async def daftar_unor(self, query: str = "", page_size: int = 500) -> tuple[list[profil_pb2.Unor], bool]:
        """The instansi's units in tree order; True when more than one page matched."""
        resp = await self._call(self.profil.ListUnor, profil_pb2.ListUnorRequest(query=query, page_size=page_size))
        return list(resp.unor), bool(resp.next_page_token)

    # The calls below act on the signed-in pegawai; admin and helpdesk pass the
    # `nip` they act for and an `alasan`, which the server records in the jejak audit.
    async def klaim_pimpinan(
        self, request_id: str, nip: str | None = None, ganti: bool = False, alasan: str = ""
    ) -> profil_pb2.Unor:
        """`ganti`: replace the unit's current pimpinan (admin and helpdesk only)."""
        return await self._call(
            self.profil.KlaimPimpinan,
            profil_pb2.KlaimPimpinanRequest(
                request_id=request_id, name=f"pegawai/{nip or self.nip}", ganti_pimpinan=ganti, alasan=alasan
            ),
        )

    async def catat_penilai_eksternal(
        self, request_id: str, nip: str, nama: str, jabatan: str, nip_penilai: str, alasan: str
    ) -> profil_pb2.Atasan:
        """Admin instansi: the penilai eksternal (NON ASN) of a pegawai with no atasan in the system."""
        return await self._call(
            self.profil.SetPenilaiEksternal,
            profil_pb2.SetPenilaiEksternalRequest(
                request_id=request_id,
                name=f"pegawai/{nip}",
                alasan=alasan,
                penilai=profil_pb2.PenilaiEksternal(nama=nama, jabatan=jabatan, nip=nip_penilai),
            ),
        )

    async def hapus_penilai_eksternal(self, request_id: str, nip: str, alasan: str) -> profil_pb2.Atasan:
        return await self._call(
            self.profil.HapusPenilaiEksternal,
            profil_pb2.HapusPenilaiEksternalRequest(request_id=request_id, name=f"pegawai/{nip}", alasan=alasan),
        )

    async def penugasan(self, nip: str | None = None) -> list[profil_pb2.Penugasan]:
        resp = await self._call(
            self.profil.ListPenugasan, profil_pb2.ListPenugasanRequest(parent=f"pegawai/{nip or self.nip}")
        )
        return list(resp.penugasan)

    async def tambah_penugasan(
        self,
        request_id: str,
        unor_id: str,
        plt: bool,
        mulai: dt.date,
        selesai: dt.date,
        nip: str | None = None,
        alasan: str = "",
    ) -> profil_pb2.Penugasan:
        jenis = profil_pb2.JENIS_PENUGASAN_PLT if plt else profil_pb2.JENIS_PENUGASAN_PLH
        return await self._call(
            self.profil.CreatePenugasan,
            profil_pb2.CreatePenugasanRequest(
                request_id=request_id,
                alasan=alasan,
                penugasan=profil_pb2.Penugasan(
                    nip=nip or self.nip,
                    unor_id=unor_id,
                    jenis=jenis,
                    tanggal_mulai=dari_date(mulai),
                    tanggal_selesai=dari_date(selesai),
                ),
            ),
        )

    async def klaim_saya(self) -> profil_pb2.Klaim | None:
        """The signed-in pegawai's latest Klaim Pimpinan that waited for verification."""
        resp = await self._call(
            self.profil.ListKlaimPimpinan,
            profil_pb2.ListKlaimPimpinanRequest(parent=f"pegawai/{self.nip}", page_size=1),
        )
        return resp.klaim[0] if resp.klaim else None

    async def klaim_menunggu(self, page_size: int = 50) -> profil_pb2.ListKlaimPimpinanResponse:
        """The instansi's claims waiting for admin/helpdesk, newest first (and how many)."""
        return await self._call(
            self.profil.ListKlaimPimpinan,
            profil_pb2.ListKlaimPimpinanRequest(status=profil_pb2.STATUS_KLAIM_MENUNGGU, page_size=page_size),
        )

    async def putuskan_klaim(
        self, request_id: str, name: str, setujui: bool, alasan: str, ganti: bool = False
    ) -> profil_pb2.Klaim:
        return await self._call(
            self.profil.PutuskanKlaimPimpinan,
            profil_pb2.PutuskanKlaimPimpinanRequest(
                request_id=request_id, name=name, setujui=setujui, alasan=alasan, ganti_pimpinan=ganti
            ),
        )

    async def permintaan_penugasan(self) -> list[profil_pb2.Penugasan]:
        """The instansi's PLT/PLH requests waiting for admin/helpdesk."""
        resp = await self._call(
            self.profil.ListPenugasan, profil_pb2.ListPenugasanRequest(status=profil_pb2.STATUS_PENUGASAN_DIAJUKAN)
        )
        return list(resp.penugasan)

    async def putuskan_penugasan(self, request_id: str, name: str, setujui: bool, alasan: str) -> profil_pb2.Penugasan:
        return await self._call(
            self.profil.PutuskanPenugasan,
            profil_pb2.PutuskanPenugasanRequest(request_id=request_id, name=name, setujui=setujui, alasan=alasan),
        )

    async def akhiri_penugasan(
        self, request_id: str, name: str, selesai: dt.date, alasan: str = ""
    ) -> profil_pb2.Penugasan:
        return await self._call(
            self.profil.AkhiriPenugasan,
            profil_pb2.AkhiriPenugasanRequest(
                request_id=request_id, name=name, tanggal_selesai=dari_date(selesai), alasan=alasan
            ),
        )
