"""One SSH session: the TUI on a PTY, bridged to the channel.

Only an interactive terminal is offered: a shell request starts the TUI; exec
(any command) and subsystems (sftp) are refused, so a key never runs anything
but the login screen of its own account.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

import asyncssh
import structlog

from gerbang_ssh.akun import AkunSsh
from gerbang_ssh.anak import AnakTui, lingkungan, perintah_tui
from gerbang_ssh.kendali import ENV_FD, KendaliAnak, awasi_login
from gerbang_ssh.laju import EmberMasukan

if TYPE_CHECKING:
    from gerbang_ssh.server import Gerbang, KoneksiSsh

log = structlog.get_logger("ekinerja.ssh")

TANPA_TERMINAL = (
    "Gerbang SSH e-Kinerja hanya membuka antarmuka terminal; sambung dengan terminal interaktif "
    "(ssh -t), tanpa perintah.\r\n"
)
PENUH = "Layanan SSH e-Kinerja sedang penuh ({n} sesi aktif). Silakan coba lagi beberapa saat lagi.\r\n"
PENUH_AKUN = "Akun ini sudah membuka {n} sesi SSH e-Kinerja. Tutup salah satu sesi itu dahulu, lalu sambung lagi.\r\n"
GAGAL_MULAI = "Antarmuka e-Kinerja gagal dimulai. Silakan hubungi admin.\r\n"


def pesan_batas_login(detik: int) -> str:
    lama = f"{detik // 60} menit" if detik % 60 == 0 else f"{detik} detik"
    return f"Sambungan ditutup: password tidak dimasukkan dalam {lama}."


# What Textual switches on (linux_driver.py) and switches off when it exits
# normally. A TUI that was killed cannot: without this the user's terminal
# stays in the alternate screen, reporting mouse moves.
PULIHKAN_TERMINAL = (
    "\x1b[?2004l\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?2048l\x1b[?7h\x1b[<u"
    "\x1b[?1049l\x1b[?25h\x1b[?1004l\x1b[0m"
)


class SesiTui(asyncssh.SSHServerSession[bytes]):
    def __init__(self, gerbang: Gerbang, koneksi: KoneksiSsh, akun: AkunSsh) -> None:
        self._gerbang = gerbang
        self._koneksi = koneksi
        self._akun = akun
        self._chan: asyncssh.SSHServerChannel[bytes] | None = None
        self._term: str | None = None
        self._ukuran: tuple[int, int, int, int] = (80, 24, 0, 0)
        self._anak: AnakTui | None = None
        self._tugas: asyncio.Task[None] | None = None
        self._berhenti = asyncio.Event()  # the client left, or the gateway ends the session
        self._pesan_akhir = ""
        self._putus = False  # the channel is gone: nothing may be written to it
        self._ember = EmberMasukan(gerbang.masukan_byte_per_detik)

    @property
    def pid(self) -> int | None:
        return self._anak.pid if self._anak is not None else None

    @property
    def akun(self) -> AkunSsh:
        return self._akun

    @property
    def anak(self) -> AnakTui | None:
        return self._anak

    # --- what the client asks -----------------------------------------------
    def connection_made(self, chan: asyncssh.SSHServerChannel[bytes]) -> None:
        self._chan = chan

    def pty_requested(
        self, term_type: str, term_size: tuple[int, int, int, int], term_modes: Mapping[int, int]
    ) -> bool:
        self._term = term_type
        self._ukuran = term_size
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        log.info("ssh.exec_ditolak", akun=self._akun.untuk_log)
        return False

    def subsystem_requested(self, subsystem: str) -> bool:
        log.info("ssh.subsistem_ditolak", akun=self._akun.untuk_log, subsistem=subsystem[:32])
        return False

    def break_received(self, msec: int) -> bool:
        return False

    def session_started(self) -> None:
        self._tugas = asyncio.create_task(self._jalankan())

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        self._koneksi.aktif()
        boleh = self._ember.ambil(len(data))
        if boleh < len(data) and self._ember.dibuang == len(data) - boleh:  # the first drop: once in the log
            log.warning(
                "ssh.masukan_dibatasi", akun=self._akun.untuk_log, byte_per_detik=self._gerbang.masukan_byte_per_detik
            )
        if self._anak is not None and boleh:
            self._anak.tulis(data[:boleh])

    def eof_received(self) -> bool:
        # The client's input ended (`ssh … < /dev/null`): as sshd with a PTY, the
        # TUI keeps running and its output and exit status still reach the
        # client; the idle timeout ends it if nobody closes the connection.
        return True

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        self._ukuran = (width, height, pixwidth, pixheight)
        if self._anak is not None:
            self._anak.ubah_ukuran(width, height, pixwidth, pixheight)

    def pause_writing(self) -> None:
        if self._anak is not None:
            self._anak.jeda_baca()

    def resume_writing(self) -> None:
        if self._anak is not None:
            self._anak.lanjut_baca()

    def connection_lost(self, exc: Exception | None) -> None:
        self._putus = True
        self._berhenti.set()
        self._koneksi.sesi_selesai(self)

    # --- the TUI --------------------------------------------------------------
    async def akhiri(self, pesan: str) -> None:
        """The gateway ends this session (idle, shutting down): the TUI is
        stopped, `pesan` shown, the channel closed."""
        self._pesan_akhir = pesan
        self._berhenti.set()
        if self._tugas is not None:
            await self._tugas
        if self._chan is not None:
            # Until the client confirmed the close: it has read `pesan` before the connection goes.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._chan.wait_closed(), 5)

    def _terbuka(self) -> bool:
        # Closing starts before connection_lost() arrives: ask the channel too.
        return not self._putus and self._chan is not None and not self._chan.is_closing()

    def _tulis(self, data: bytes | str, stderr: bool = False) -> None:
        if self._terbuka():
            assert self._chan is not None
            self._chan.write(
                data.encode() if isinstance(data, str) else data, asyncssh.EXTENDED_DATA_STDERR if stderr else None
            )

    def _keluar(self, status: int) -> None:
        if self._terbuka():
            assert self._chan is not None
            self._chan.exit(status)

    async def _jalankan(self) -> None:
        try:
            if self._term is None:
                self._tulis(TANPA_TERMINAL, stderr=True)
                self._keluar(1)
            elif (penuh := self._gerbang.ambil_tempat(self)) is not None:
                self._tulis(penuh)
                self._keluar(1)
            else:
                try:
                    await self._jalankan_anak()
                finally:
                    self._gerbang.lepas_tempat(self)
        except Exception:
            # The one place a session's failure stops: logged whole, this
            # channel closed, every other session untouched.
            log.exception("ssh.sesi.galat", akun=self._akun.untuk_log)
            self._keluar(1)

    async def _jalankan_anak(self) -> None:
        folder = self._gerbang.buat_folder_sesi()
        alamat = self._koneksi.alamat_ip
        kendali = KendaliAnak(lambda: self._gerbang.pencari.tiket(self._akun.login, alamat))
        env = lingkungan(self._term or "")
        env[ENV_FD] = str(kendali.fd_anak)
        anak = AnakTui(
            perintah_tui(self._gerbang.server, self._akun.login, folder, self._gerbang.batas_anak),
            env,
            self._tulis,
            pass_fds=(kendali.fd_anak,),
            pengguna=self._gerbang.pengguna_tui,
        )
        self._anak = anak
        try:
            await self._jalankan_dengan(anak, kendali)
        finally:
            await kendali.tutup()
            # Nothing in it can leave the machine once the session is over (no sftp, no scp).
            shutil.rmtree(folder, ignore_errors=True)

    async def _jalankan_dengan(self, anak: AnakTui, kendali: KendaliAnak) -> None:
        mulai = time.monotonic()
        try:
            await anak.mulai(*self._ukuran)
        except OSError as e:
            log.error("ssh.sesi.gagal_mulai", akun=self._akun.untuk_log, galat=str(e))
            self._tulis(GAGAL_MULAI)
            self._keluar(1)
            return
        kendali.mulai()
        log.info("ssh.sesi.mulai", akun=self._akun.untuk_log, pid=anak.pid)
        selesai = asyncio.create_task(anak.tunggu())
        berhenti = asyncio.create_task(self._berhenti.wait())
        # The login screen asks for nothing but a password: it may not hold a TUI (and a slot) longer than this.
        masuk = asyncio.create_task(awasi_login(kendali, self._gerbang.login_tui_detik))
        await asyncio.wait({selesai, berhenti, masuk}, return_when=asyncio.FIRST_COMPLETED)
        if masuk.done() and not selesai.done():
            log.info("ssh.batas_login", akun=self._akun.untuk_log, detik=self._gerbang.login_tui_detik)
            self._pesan_akhir = self._pesan_akhir or pesan_batas_login(self._gerbang.login_tui_detik)
        berhenti.cancel()
        masuk.cancel()
        dihentikan = not selesai.done()
        if dihentikan:
            await anak.hentikan()
        status = await selesai
        log.info(
            "ssh.sesi.selesai",
            akun=self._akun.untuk_log,
            pid=anak.pid,
            status=status,
            dihentikan=dihentikan,
            detik=round(time.monotonic() - mulai),
        )
        if status != 0:
            self._tulis(PULIHKAN_TERMINAL)
        if self._pesan_akhir:
            self._tulis(f"\r\n{self._pesan_akhir}\r\n")
        self._keluar(status)
