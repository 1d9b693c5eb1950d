"""The e-Kinerja terminal app. One factory for the CLI and the tests:
`EkinerjaApp(server_address)`."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import actions, log, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from tui import terminal
from tui.backend import Backend, GagalLayanan, IdPermintaan
from tui.commands import PaletPerintah, Perintah, PerintahEkinerja
from tui.screens.login import LoginScreen
from tui.widgets.buka import Buka

if TYPE_CHECKING:  # only tui/backend.py talks to grpc
    import grpc
    from textual.dom import DOMNode

# Textual's actions that take their arguments from the action string and write a
# file, type keys, show words or change what is on screen. Markup from the server
# once named one ("[@click=app.screenshot('authorized_keys', '~/.ssh')]" in a
# JABATAN wrote that file on the gateway host when the atasan clicked the row).
# Server text is never markup now; these are refused as well, whoever asks: the
# app binds none of them.
AKSI_DITOLAK = frozenset(
    {
        "screenshot",
        "simulate_key",
        "notify",
        "focus",
        "push_screen",
        "switch_screen",
        "switch_mode",
        "add_class",
        "remove_class",
        "toggle_class",
    }
)


SPANDUK = "terputus"
PESAN_TERPUTUS = (
    "Koneksi ke layanan e-Kinerja terputus. Data di layar mungkin usang dan perubahan belum dapat "
    "disimpan. f5: coba lagi (otomatis tiap 5 detik)."
)


class EkinerjaApp(App[None]):
    CSS_PATH = Path(__file__).parent / "ekinerja.tcss"
    TITLE = "e-Kinerja"
    COMMANDS = {PerintahEkinerja}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+p", "command_palette", "Cari", show=False, priority=True, tooltip="Cari menu dan perintah"),
        # On every screen, dialogs too (priority: a dialog's bindings hide the app's otherwise).
        Binding("ctrl+l", "keluar", "Keluar", show=False, priority=True, tooltip="Akhiri sesi dan kembali ke login"),
        Binding("f1", "bantuan", "Bantuan", priority=True, tooltip="Semua tombol dan perintah layar ini"),
        Binding("question_mark", "bantuan", "Bantuan", show=False),
        Binding("f5", "coba_lagi", "Coba Lagi", priority=True, tooltip="Hubungi lagi layanan e-Kinerja"),
    ]

    def __init__(
        self,
        server_address: str,
        akun: str | None = None,
        kredensial: grpc.ChannelCredentials | None = None,
        folder_sesi: Path | None = None,
    ) -> None:
        super().__init__()
        self.backend = Backend(server_address, kredensial=kredensial)
        # `--akun`: the login is locked to one account (the SSH gateway, see LoginScreen).
        self.akun_terkunci = akun
        # `--folder-sesi`: under the SSH gateway, files are saved in this folder only (tui/berkas.py).
        self.folder_sesi = folder_sesi
        # The server gone (stopped, network down): a banner on every screen and a retry (f5, and every 5 s).
        self.backend.saat_koneksi = self._koneksi
        self._coba_berkala: Timer | None = None
        self._mencoba = False
        # The last SK a helpdesk recorded a PLT/PLH from (tui/widgets/profil/tambah_penugasan.py), this session only.
        self.sk_terakhir: object | None = None

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._layar_berganti)
        self.push_screen(LoginScreen(self.akun_terkunci))
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self.set_interval(1, self._cek_terminal)

    def _cek_terminal(self) -> None:
        if sys.__stdin__ is not None and terminal.putus(sys.__stdin__.fileno()):
            self.exit(return_code=1)

    def _layar_berganti(self, screen: Screen[object]) -> None:
        if not self.backend.tersambung:
            self._pasang_spanduk()

    async def on_unmount(self) -> None:
        await self.backend.close()

    @on(Buka)
    def _buka(self, pesan: Buka) -> None:
        """A panel asks for a screen (panels do not import screens, tui/widgets/buka.py)."""
        from tui.navigasi import kembali_ke, layar

        if len(self.screen_stack) > 1 and kembali_ke(pesan, self.screen_stack[-2]):
            self.screen.dismiss(None)
            return
        self.push_screen(layar(pesan), pesan.kembali)

    async def run_action(
        self,
        action: str | actions.ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        _, nama, params = actions.parse(action) if isinstance(action, str) else action
        # `dismiss` with a value would answer a dialog (a "yes" to a deletion); the app never binds one.
        if nama in AKSI_DITOLAK or (nama == "dismiss" and params):
            log.warning(f"aksi ditolak: {nama}")
            return False
        return await super().run_action(action, default_namespace, namespaces)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Refused: a screenshot is a file written where the app runs (the gateway host)."""

    async def action_simulate_key(self, key: str) -> None:
        """Refused: keys come from the user's keyboard only."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "coba_lagi":
            return not self.backend.tersambung
        if action == "keluar":
            # Signed in only; on the login screen there is nothing to leave.
            return self.backend.sesi is not None and not isinstance(self.screen, LoginScreen)
        if action == "bantuan":
            from tui.screens.bantuan import BantuanScreen

            return not isinstance(self.screen, BantuanScreen | CommandPalette)
        return True

    def action_bantuan(self) -> None:
        from tui.screens.bantuan import BantuanScreen

        if not isinstance(self.screen, BantuanScreen | CommandPalette):
            self.push_screen(BantuanScreen(self.screen))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[None]: App is invariant
            self.push_screen(PaletPerintah())

    # --- connection -------------------------------------------------------------
    def _koneksi(self, tersambung: bool) -> None:
        if tersambung:
            for screen in self.screen_stack:
                for spanduk in screen.query(f"#{SPANDUK}"):
                    spanduk.remove()
            if self._coba_berkala is not None:
                self._coba_berkala.stop()
                self._coba_berkala = None
            self.notify("Tersambung kembali ke layanan e-Kinerja.", markup=False)
        else:
            self._pasang_spanduk()
            if self._coba_berkala is None:
                self._coba_berkala = self.set_interval(5, self._coba_otomatis)
        self.refresh_bindings()

    def _pasang_spanduk(self) -> None:
        """The banner on the screen shown now (a screen opened later gets it at the next retry)."""
        if not isinstance(self.screen, CommandPalette) and not self.screen.query(f"#{SPANDUK}"):
            self.screen.mount(Static(PESAN_TERPUTUS, id=SPANDUK, markup=False))

    def _coba_otomatis(self) -> None:
        self._pasang_spanduk()
        if not self._mencoba:
            self._coba(muat=False)

    def action_coba_lagi(self) -> None:
        self._coba(muat=True)

    @work(group="koneksi")
    async def _coba(self, muat: bool) -> None:
        self._mencoba = True
        try:
            ada = await self.backend.cek_koneksi()
        finally:
            self._mencoba = False
        if not ada:
            if muat:
                self.notify("Layanan e-Kinerja masih belum dapat dihubungi.", severity="warning", markup=False)
            return
        if muat:
            # What this screen shows is read again, as its own Muat Ulang (r) does.
            for aktif in self.screen.active_bindings.values():
                if aktif.binding.action.rsplit(".", 1)[-1] == "muat":
                    await self.run_action(aktif.binding.action, aktif.node)
                    break

    # --- session ------------------------------------------------------------
    def masuk(self) -> None:
        """Called by the login screen once the backend holds a session."""
        from tui.screens.utama import UtamaScreen

        assert self.backend.sesi is not None
        self.sk_terakhir = None
        akun = self.backend.sesi.akun
        if not akun.nip and self.backend.admin_instansi:
            # Admin instansi has no Profil or SKP: its page is what it sets, the capaian and the batas.
            from tui.screens.capaian_organisasi import CapaianOrganisasiScreen

            self.push_screen(CapaianOrganisasiScreen(utama=True))
            return
        if not akun.nip and self.backend.helpdesk:
            # Helpdesk has no Profil or SKP either: its page is the console over the instansi's pegawai.
            from tui.screens.konsol_helpdesk import KonsolHelpdeskScreen

            self.push_screen(KonsolHelpdeskScreen())
            return
        if not akun.nip:
            self.notify(
                "Akun ini tidak memiliki menu pada antarmuka ini (akun tanpa profil pegawai).",
                severity="warning",
                timeout=10,
                markup=False,
            )
            self.action_keluar()
            return
        self.push_screen(UtamaScreen(akun.nama))

    def sesi_berakhir(self, pesan: str) -> None:
        """UNAUTHENTICATED after login. Several workers may report it at once:
        the first one takes the user back to login."""
        if self.backend.sesi is None and isinstance(self.screen, LoginScreen):
            return
        self.backend.sesi = None
        self._ke_login()
        self.notify(pesan, severity="warning", title="Sesi berakhir", timeout=10, markup=False)

    def _ke_login(self) -> None:
        while not isinstance(self.screen, LoginScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if self.backend.gerbang is not None:
            self.backend.gerbang.keluar()  # the SSH gateway's login deadline applies again

    def action_keluar(self) -> None:
        self._keluar(IdPermintaan().ambil())

    @work(exclusive=True, group="sesi")
    async def _keluar(self, request_id: str) -> None:
        try:
            await self.backend.logout(request_id)
        except GagalLayanan:
            pass  # the session is forgotten here whatever the server answers
        self._ke_login()
        if isinstance(self.screen, LoginScreen):
            self.screen.kosongkan()
        self.notify("Anda telah keluar.", markup=False)

    def action_keluar_semua(self) -> None:
        self._keluar_semua(IdPermintaan().ambil())

    @work(exclusive=True, group="sesi")
    async def _keluar_semua(self, request_id: str) -> None:
        """Logout everywhere: a laptop left in a warnet, a password seen."""
        try:
            jumlah = await self.backend.logout_semua(request_id)
            pesan = f"Anda telah keluar dari semua perangkat ({jumlah} sesi diakhiri)."
        except GagalLayanan as e:
            pesan = e.pesan
        self._ke_login()
        if isinstance(self.screen, LoginScreen):
            self.screen.kosongkan()
        self.notify(pesan, markup=False)

    def action_ubah_password(self) -> None:
        if self.backend.sesi is None:
            return
        from tui.screens.ubah_password import UbahPasswordScreen

        def selesai(ok: bool | None) -> None:
            if ok:
                self.notify("Password berhasil diubah. Sesi di perangkat lain telah diakhiri.", markup=False)

        self.push_screen(UbahPasswordScreen(), selesai)

    # --- command palette: what Textual offers everywhere, in Indonesian -------
    def perintah(self) -> Iterable[Perintah]:
        yield "Tema", self.action_change_theme, "Ganti warna tampilan"
        yield "Bantuan tombol", self.action_bantuan, "Semua tombol dan perintah layar ini (f1)"
        if self.backend.sesi is not None:
            yield (
                "Keluar dari semua perangkat",
                self.action_keluar_semua,
                "Akhiri setiap sesi akun ini, di perangkat mana pun (misalnya laptop yang tertinggal)",
            )
        yield "Tutup aplikasi", self.action_quit, "Keluar dari e-Kinerja (ctrl+q)"
