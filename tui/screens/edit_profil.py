"""Edit Profil (manual chapter 4): jabatan and unit kerja."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.backend import GagalLayanan
from tui.widgets.pilih_unor import PilihUnor


class EditProfilScreen(ModalScreen[profil_pb2.Pegawai | None]):
    BINDINGS = [("escape", "batal", "Batal"), ("ctrl+s", "simpan", "Simpan")]

    def __init__(self, pegawai: profil_pb2.Pegawai) -> None:
        super().__init__()
        self._p = pegawai

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar"):
            yield Static("Edit Profil", classes="judul")
            yield Static("Cek terlebih dahulu data Unit Kerja dan Atasan sebelum membuat SKP. Jika terdapat "
                         "kesalahan, perbaiki di sini.", classes="petunjuk")
            yield Label("JABATAN")
            yield Input(compact=True, value=self._p.jabatan, id="jabatan")
            yield Label(f"UNIT KERJA (sekarang: {self._p.unor.nama})")
            yield PilihUnor(terpilih=self._p.unor_id, id="unor")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")

    def on_mount(self) -> None:
        self.query_one("#jabatan", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        jabatan = self.query_one("#jabatan", Input).value.strip()
        unor_id = self.query_one(PilihUnor).terpilih
        ubah_jabatan = jabatan if jabatan != self._p.jabatan else None
        ubah_unor = unor_id if unor_id and unor_id != self._p.unor_id else None
        if ubah_jabatan is None and ubah_unor is None:
            self.dismiss(None)
            return
        self._simpan(ubah_jabatan, ubah_unor)

    @work(exclusive=True)
    async def _simpan(self, jabatan: str | None, unor_id: str | None) -> None:
        try:
            baru = await self.app.backend.ubah_profil(  # type: ignore[attr-defined]
                self._p.nip, self._p.etag, jabatan, unor_id)
        except GagalLayanan as e:
            if e.versi_usang:
                self.notify("Profil telah diubah di tempat lain. Data dimuat ulang; silakan ulangi.",
                            severity="warning")
                self.dismiss(None)
                return
            self.query_one("#pesan", Static).update(e.pesan)
            return
        self.dismiss(baru)
