"""The e-Kinerja terminal app. One factory for the CLI and the tests:
`EkinerjaApp(server_address)`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.backend import Backend, GagalLayanan
from tui.screens.login import LoginScreen


class EkinerjaApp(App[None]):
    CSS_PATH = Path(__file__).parent / "ekinerja.tcss"
    TITLE = "e-Kinerja"

    def __init__(self, server_address: str) -> None:
        super().__init__()
        self.backend = Backend(server_address)

    def on_mount(self) -> None:
        self.push_screen(LoginScreen())

    def masuk(self) -> None:
        from tui.screens.utama import UtamaScreen

        assert self.backend.sesi is not None
        akun = self.backend.sesi.akun
        if not akun.nip:
            self.notify("Menu helpdesk dan admin belum tersedia pada versi ini; akun ini belum memiliki profil "
                        "pegawai.", severity="warning", timeout=8)
            self._keluar()
            return
        self.push_screen(UtamaScreen(akun.nama))

    def sesi_berakhir(self, pesan: str) -> None:
        self.backend.sesi = None
        self._ke_login()
        self.notify(pesan, severity="warning", title="Sesi berakhir")

    def _ke_login(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_keluar(self) -> None:
        self._keluar()

    @work(exclusive=True, group="sesi")
    async def _keluar(self) -> None:
        try:
            await self.backend.logout()
        except GagalLayanan:
            pass  # the session is forgotten here whatever the server says
        self._ke_login()
        self.notify("Anda telah keluar.")

    def action_ubah_password(self) -> None:
        if self.backend.sesi is None:
            return
        from tui.screens.ubah_password import UbahPasswordScreen

        def selesai(ok: bool | None) -> None:
            if ok:
                self.notify("Password berhasil diubah.")

        self.push_screen(UbahPasswordScreen(), selesai)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.backend.sesi is not None:
            from tui.screens.utama import UtamaScreen

            if isinstance(screen, UtamaScreen):
                yield SystemCommand("Profil", "Data pribadi, atasan, unit kerja, bawahan", lambda: screen.action_buka("profil"))
                yield SystemCommand("Edit Profil", "Ubah jabatan dan unit kerja",
                                    lambda: screen.query_one("#profil").action_edit_profil())
            yield SystemCommand("Ubah Password", "Ganti password akun ini", self.action_ubah_password)
            yield SystemCommand("Keluar", "Akhiri sesi dan kembali ke login", self.action_keluar)

    async def on_unmount(self) -> None:
        await self.backend.close()
