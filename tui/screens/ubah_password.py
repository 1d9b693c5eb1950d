"""Ubah Password for the signed-in account: old, new, and the new one again.
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend

ISIAN = {"password_lama": "#lama", "password_baru": "#baru"}


class UbahPasswordScreen(FormAksiScreen):
    JUDUL = "Ubah Password"
    FOKUS = "#lama"
    ISIAN = ISIAN

    def isian(self) -> ComposeResult:
        yield Label("Password lama", markup=False)
        yield Input(compact=True, password=True, id="lama")
        yield Label("Password baru (minimal 8 karakter)", markup=False)
        yield Input(compact=True, password=True, id="baru")
        yield Label("Ulangi password baru", markup=False)
        yield Input(compact=True, password=True, id="ulang")

    @on(Input.Submitted, "#lama")
    @on(Input.Submitted, "#baru")
    def _berikutnya(self, event: Input.Submitted) -> None:
        self.query_one("#baru" if event.input.id == "lama" else "#ulang", Input).focus()

    @on(Input.Submitted, "#ulang")
    def _dari_ulang(self) -> None:
        self.action_simpan()

    def baca(self) -> tuple[str, str]:
        lama = self.query_one("#lama", Input).value
        baru = self.query_one("#baru", Input).value
        if not lama or not baru:
            raise Salah("Password lama dan password baru wajib diisi.", "#baru" if lama else "#lama")
        if baru != self.query_one("#ulang", Input).value:
            raise Salah("Ulangan password baru tidak sama.", "#ulang")
        return lama, baru

    async def kirim(self, request_id: str, nilai: tuple[str, str], alasan: str) -> bool:
        await backend(self).ubah_password(request_id, *nilai)
        return True
