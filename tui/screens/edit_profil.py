"""Edit Profil (manual chapter 4): JABATAN and UNIT KERJA, the two things that
decide who the atasan is. Only what changed is sent, with the etag read
before, so a change made elsewhere in the meantime is not overwritten."""

from __future__ import annotations

from typing import Literal

from ekinerja.profil.v1 import profil_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.pilih_unor import PilihUnor

HasilEdit = Literal["disimpan", "usang"]
ISIAN = {"jabatan": "#jabatan", "unor_id": ".cari-unor"}


class EditProfilScreen(ModalScreen[HasilEdit | None]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, pegawai: profil_pb2.Pegawai) -> None:
        super().__init__()
        self._p = pegawai
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-besar"):
            yield Static("Edit Profil", classes="judul")
            yield Static("Cek terlebih dahulu data Unit Kerja dan Atasan sebelum membuat SKP. Jika terdapat "
                         "kesalahan, perbaiki di sini.", classes="petunjuk")
            yield Label("JABATAN")
            yield Input(compact=True, value=self._p.jabatan, id="jabatan")
            yield Label("UNIT KERJA")
            yield PilihUnor(terpilih=self._p.unor_id, nama=self._p.unor.nama, id="unor")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#jabatan", Input).focus()

    @on(Input.Submitted, "#jabatan")
    def _ke_unor(self) -> None:
        self.query_one(".cari-unor", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        jabatan = self.query_one("#jabatan", Input).value.strip()
        unor_id = self.query_one(PilihUnor).terpilih
        if not jabatan:
            self.query_one("#pesan", Static).update("JABATAN wajib diisi.")
            self.query_one("#jabatan", Input).focus()
            return
        ubah_jabatan = jabatan if jabatan != self._p.jabatan else None
        ubah_unor = unor_id if unor_id and unor_id != self._p.unor_id else None
        if ubah_jabatan is None and ubah_unor is None:
            self.notify("Tidak ada perubahan.")
            self.dismiss(None)
            return
        self._simpan(ubah_jabatan, ubah_unor)

    @work(exclusive=True)
    async def _simpan(self, jabatan: str | None, unor_id: str | None) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        try:
            await backend(self).ubah_profil(self._permintaan.ambil(), self._p, jabatan, unor_id)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, ISIAN):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss("disimpan")
