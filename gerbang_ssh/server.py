"""The SSH gateway: listens, authenticates by public key against profil, and
gives each session the TUI (sesi.py). Nothing else is offered: no password
authentication, no port, agent or X11 forwarding, no exec, no sftp.

The SSH user name the client sends is ignored: the key names the account
(profil keeps every key for one account only), and the TUI shows which. So
`ssh -p 2222 host` works whatever the local user is called, and nobody has
to type an 18-digit NIP as a user name.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import tempfile
from pathlib import Path
from typing import Any

import asyncssh
import structlog

from gerbang_ssh.akun import AkunSsh, GagalAkunLayanan, PencariAkun, ProfilTakTerjangkau
from gerbang_ssh.anak import BatasAnak
from gerbang_ssh.sesi import PENUH, PENUH_AKUN, SesiTui
from services.shared.config import Settings

log = structlog.get_logger("ekinerja.ssh")

# As sshd's MaxSessions: one connection cannot take every TUI slot alone.
MAKS_SESI_PER_KONEKSI = 10
# As sshd's MaxAuthTries: keys profil is asked about per connection, so that
# an unauthenticated client cannot make it look up keys without end.
MAKS_KUNCI_PER_KONEKSI = 6
PROFIL_TAK_TERJANGKAU = "Layanan e-Kinerja sedang tidak dapat dihubungi. Silakan coba lagi beberapa saat lagi.\n"
SALAH_KONFIGURASI = "Gerbang SSH e-Kinerja belum dikonfigurasi dengan benar. Silakan hubungi admin.\n"
DIHENTIKAN = "Gerbang SSH e-Kinerja dihentikan oleh admin. Silakan sambung lagi beberapa saat lagi."


def pesan_diam(detik: int) -> str:
    lama = f"{detik // 60} menit" if detik % 60 == 0 else f"{detik} detik"
    return f"Sambungan ditutup: tidak ada masukan selama {lama}."


class KoneksiSsh(asyncssh.SSHServer):
    """One client connection: its authentication, its sessions, its idle clock."""

    def __init__(self, gerbang: Gerbang) -> None:
        self._gerbang = gerbang
        self._conn: asyncssh.SSHServerConnection | None = None
        self._alamat = "?"
        self.alamat_ip = ""  # the client's, for profil's login limiter (a ticket names it)
        # asyncssh asks twice per key (offer, then signature): profil once.
        self._kunci: dict[bytes, AkunSsh | None] = {}
        self._akun: AkunSsh | None = None
        self.sesi: set[SesiTui] = set()
        self._terakhir = 0.0
        self._pengawas: asyncio.Task[None] | None = None

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self._conn = conn
        peer = conn.get_extra_info("peername") or ("?", 0)
        self._alamat = f"{peer[0]}:{peer[1]}"
        self.alamat_ip = str(peer[0])
        self._gerbang.koneksi.add(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self._gerbang.koneksi.discard(self)
        if self._pengawas is not None:
            self._pengawas.cancel()
        if self._akun is not None:
            log.info("ssh.putus", alamat=self._alamat, akun=self._akun.untuk_log)

    # --- authentication: public key only ----------------------------------------
    def begin_auth(self, username: str) -> bool:
        return True

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def host_based_auth_supported(self) -> bool:
        return False

    def public_key_auth_supported(self) -> bool:
        return True

    async def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        data = key.public_data
        if data not in self._kunci:
            if len(self._kunci) >= MAKS_KUNCI_PER_KONEKSI:
                return False
            self._kunci[data] = await self._cari(key)
        akun = self._kunci[data]
        if akun is None:
            return False
        # Requests are handled one at a time and the signature is checked right
        # after this returns, so the last key accepted here is the one that
        # authenticated the connection when auth_completed() follows.
        self._akun = akun
        return True

    async def _cari(self, key: asyncssh.SSHKey) -> AkunSsh | None:
        assert self._conn is not None
        try:
            akun = await self._gerbang.pencari.cari(key.export_public_key("openssh").decode().strip())
        except ProfilTakTerjangkau as e:
            log.warning("ssh.profil_tak_terjangkau", alamat=self._alamat, galat=str(e))
            self._conn.send_auth_banner(PROFIL_TAK_TERJANGKAU)
            return None
        except GagalAkunLayanan as e:
            log.error("ssh.akun_layanan_gagal", galat=str(e))
            self._conn.send_auth_banner(SALAH_KONFIGURASI)
            return None
        log.info(
            "ssh.kunci", alamat=self._alamat, sidik_jari=key.get_fingerprint(), akun=akun.untuk_log if akun else None
        )
        return akun

    def auth_completed(self) -> None:
        assert self._akun is not None
        log.info("ssh.masuk", alamat=self._alamat, akun=self._akun.untuk_log, sidik_jari=self._akun.sidik_jari)
        self.aktif()
        self._pengawas = asyncio.create_task(self._awasi_diam())

    # --- sessions: the TUI only ---------------------------------------------------
    def session_requested(self) -> SesiTui:
        assert self._akun is not None
        if len(self.sesi) >= MAKS_SESI_PER_KONEKSI:
            raise asyncssh.ChannelOpenError(
                asyncssh.OPEN_RESOURCE_SHORTAGE, f"Paling banyak {MAKS_SESI_PER_KONEKSI} sesi per sambungan."
            )
        sesi = SesiTui(self._gerbang, self, self._akun)
        self.sesi.add(sesi)
        return sesi

    def connection_requested(self, dest_host: str, dest_port: int, orig_host: str, orig_port: int) -> bool:
        log.info("ssh.forward_ditolak", alamat=self._alamat, jenis="direct-tcpip")
        return False

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        log.info("ssh.forward_ditolak", alamat=self._alamat, jenis="tcpip-forward")
        return False

    def unix_connection_requested(self, dest_path: str) -> bool:
        return False

    def unix_server_requested(self, listen_path: str) -> bool:
        return False

    def tun_requested(self, unit: int | None) -> bool:
        return False

    # --- idle: any keystroke of any session counts ------------------------------------
    def aktif(self) -> None:
        self._terakhir = asyncio.get_running_loop().time()

    async def _awasi_diam(self) -> None:
        loop = asyncio.get_running_loop()
        batas = self._gerbang.idle_detik
        while (sisa := self._terakhir + batas - loop.time()) > 0:
            await asyncio.sleep(sisa)
        log.info("ssh.diam", alamat=self._alamat, detik=batas)
        self._pengawas = None  # so that connection_lost() does not cancel this task in mid-close
        await self.tutup(pesan_diam(batas))

    async def tutup(self, pesan: str) -> None:
        """Ends every session with `pesan` on its screen, then the connection."""
        await asyncio.gather(*(s.akhiri(pesan) for s in list(self.sesi)))
        if self._conn is not None:
            self._conn.close()
            await self._conn.wait_closed()

    def sesi_selesai(self, sesi: SesiTui) -> None:
        self.sesi.discard(sesi)


class Gerbang:
    """The listener and what all connections share: the account lookup and
    the count of running TUIs."""

    def __init__(self, settings: Settings, server: str, pencari: PencariAkun, kunci_host: asyncssh.SSHKey) -> None:
        self.server = server  # gRPC address, for the TUIs
        self.pencari = pencari
        self.idle_detik = settings.ssh_idle_detik
        self.maks_sesi = settings.ssh_maks_sesi
        self.maks_sesi_per_akun = settings.ssh_maks_sesi_per_akun
        self.login_tui_detik = settings.ssh_login_tui_detik
        self.masukan_byte_per_detik = settings.ssh_masukan_byte_per_detik
        self.batas_anak = BatasAnak(settings.ssh_tui_memori_mb << 20, settings.ssh_tui_cpu_detik)
        # Apart from the host key (DATA_DIR/ssh): a TUI writes into its own folder below this only.
        self.folder_berkas = settings.ssh_folder_berkas or settings.data_dir / "ssh-berkas"
        # (uid, gid) the TUIs run as, when not the gateway's own user.
        self.pengguna_tui: tuple[int, int] | None = None
        if settings.ssh_tui_pengguna:
            pw = pwd.getpwnam(settings.ssh_tui_pengguna)  # KeyError: refuse to start with a wrong name
            self.pengguna_tui = (pw.pw_uid, pw.pw_gid)
        self._settings = settings
        self._kunci_host = kunci_host
        self._acceptor: asyncssh.SSHAcceptor | None = None
        self.koneksi: set[KoneksiSsh] = set()
        self._berjalan: set[SesiTui] = set()

    async def mulai(self) -> int:
        """Listens; returns the port (useful with ssh_port=0)."""
        opsi: dict[str, Any] = {
            "server_host_keys": [self._kunci_host],
            "login_timeout": self._settings.ssh_login_detik,
            "password_auth": False,
            "kbdint_auth": False,
            "host_based_auth": False,
            "gss_host": None,
            "gss_kex": False,
            "gss_auth": False,  # and no DNS lookup of our name at start
            "agent_forwarding": False,
            "x11_forwarding": False,
            "allow_scp": False,
            "sftp_factory": None,
            "line_editor": False,  # the TUI reads raw keys; asyncssh's editor would cook them
            "encoding": None,  # bytes both ways: the PTY speaks bytes
            # A client whose network vanished stops holding a TUI within ~2 minutes.
            "keepalive_interval": 30,
            "keepalive_count_max": 4,
        }
        self._acceptor = await asyncssh.create_server(
            lambda: KoneksiSsh(self), self._settings.ssh_host, self._settings.ssh_port, **opsi
        )
        return self._acceptor.get_port()

    async def berhenti(self, pesan: str = DIHENTIKAN) -> None:
        """Stops listening, ends every session (its TUI stopped and reaped)."""
        if self._acceptor is not None:
            self._acceptor.close()
            await self._acceptor.wait_closed()
        await asyncio.gather(*(k.tutup(pesan) for k in list(self.koneksi)))
        # Sessions whose client already left may still be stopping their TUI: reap those too.
        await asyncio.gather(*(s.akhiri(pesan) for s in list(self._berjalan)))

    # --- the TUI slots ----------------------------------------------------------------
    def ambil_tempat(self, sesi: SesiTui) -> str | None:
        """None when `sesi` may start its TUI, else what to tell the client.
        Checked and taken in one step (no await between): the event loop
        runs one session's request at a time."""
        if len(self._berjalan) >= self.maks_sesi:
            log.warning("ssh.penuh", maks=self.maks_sesi)
            return PENUH.format(n=self.maks_sesi)
        # Else one registered key holds every slot at the login screen, before any password.
        milik_akun = sum(1 for s in self._berjalan if s.akun.login == sesi.akun.login)
        if milik_akun >= self.maks_sesi_per_akun:
            log.warning("ssh.penuh_akun", akun=sesi.akun.untuk_log, maks=self.maks_sesi_per_akun)
            return PENUH_AKUN.format(n=milik_akun)
        self._berjalan.add(sesi)
        return None

    def buat_folder_sesi(self) -> Path:
        """A fresh folder (mode 700, a random name) for one session's files."""
        # The root: the gateway's, 711 so that a TUI of another user reaches its own folder by name only.
        self.folder_berkas.mkdir(parents=True, exist_ok=True, mode=0o711 if self.pengguna_tui else 0o700)
        folder = Path(tempfile.mkdtemp(prefix="sesi-", dir=self.folder_berkas))
        if self.pengguna_tui is not None:
            os.chown(folder, *self.pengguna_tui)
        return folder

    def lepas_tempat(self, sesi: SesiTui) -> None:
        self._berjalan.discard(sesi)

    @property
    def jumlah_sesi(self) -> int:
        return len(self._berjalan)

    def sesi_berjalan(self) -> list[SesiTui]:
        return list(self._berjalan)

    def pid_sesi(self) -> list[int]:
        """The running TUIs' process ids (for operators and tests)."""
        return [pid for s in self._berjalan if (pid := s.pid) is not None]
