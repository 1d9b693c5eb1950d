"""Tambah Bukti Dukung and Edit Bukti Dukung (manual chapter 6, steps e-f):
the name of the document and the link to it on Google Drive, Dropbox or the
like. Whether the link is acceptable is the server's rule; its answer lands
on the field."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilBukti = pb.BuktiDukung | Literal["usang"] | None
ISIAN = {"nama": "#nama-bukti", "tautan": "#tautan"}
PETUNJUK = ("Isikan nama dokumen bukti dukung, lalu tempel link ke berkasnya (Google Drive, Dropbox, dll.) yang "
            "dapat dibuka oleh penilai, diawali https://.")


class TambahBuktiDukungScreen(ModalScreen[HasilBukti]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, penilaian: str, rhk_name: str, rhk_teks: str, bukti: pb.BuktiDukung | None = None) -> None:
        """`penilaian`: "penilaian/{skp}/periode/{kode}", the parent."""
        super().__init__()
        self._penilaian = penilaian
        self._rhk = rhk_name
        self._rhk_teks = rhk_teks
        self._bukti = bukti
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        b = self._bukti
        with Vertical(classes="dialog dialog-lebar"):
            yield Static("Edit Bukti Dukung" if b else "Tambah Bukti Dukung", classes="judul")
            yield Static(f"RHK: {self._rhk_teks}", classes="petunjuk", markup=False)
            yield Label("NAMA BUKTI DUKUNG")
            yield Input(b.nama if b else "", compact=True, id="nama-bukti")
            yield Label("BUKTI DUKUNG (LINK KE FILE GOOGLE DRIVE/DROPBOX/ETC)")
            yield Input(b.tautan if b else "", compact=True, placeholder="https://drive.google.com/...", id="tautan")
            yield Static(PETUNJUK, classes="petunjuk")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#nama-bukti").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#nama-bukti")
    def _ke_tautan(self) -> None:
        self.query_one("#tautan").focus()

    @on(Input.Submitted, "#tautan")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        nama = " ".join(self.query_one("#nama-bukti", Input).value.split())
        tautan = self.query_one("#tautan", Input).value.strip()
        for nilai, label, isian in ((nama, "NAMA BUKTI DUKUNG", "#nama-bukti"), (tautan, "BUKTI DUKUNG (LINK)",
                                                                                 "#tautan")):
            if not nilai:
                self.query_one("#pesan", Static).update(f"{label} wajib diisi.")
                self.query_one(isian).focus()
                return
        self._simpan(nama, tautan)

    @work(exclusive=True)
    async def _simpan(self, nama: str, tautan: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        try:
            if self._bukti is None:
                hasil = await backend(self).tambah_bukti_dukung(self._permintaan.ambil(), self._penilaian, self._rhk,
                                                                nama, tautan)
            else:
                hasil = await backend(self).ubah_bukti_dukung(self._permintaan.ambil(), self._bukti, nama, tautan)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, ISIAN):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
