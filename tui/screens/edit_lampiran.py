"""Edit one part of the LAMPIRAN (docs/domain.md#lampiran-skp): Dukungan
Sumber Daya, Skema Pertanggungjawaban or Konsekuensi, one item per line."""

from __future__ import annotations

from typing import Literal

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static, TextArea

from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilSkp = pb.Skp | Literal["usang"] | None


class EditLampiranScreen(ModalScreen[HasilSkp]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp, bagian: str, judul: str, petunjuk: str) -> None:
        """`bagian`: the Lampiran field (dukungan_sumber_daya, ...)."""
        super().__init__()
        self._skp = skp
        self._bagian = bagian
        self._judul = judul
        self._petunjuk = petunjuk
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        isi = list(getattr(self._skp.lampiran, self._bagian))
        with Vertical(classes="dialog dialog-besar dialog-lebar"):
            yield Static(f"Lampiran: {self._judul}", classes="judul", markup=False)
            yield Static(f"Meliputi {self._petunjuk}.", classes="petunjuk", markup=False)
            yield Label("Satu butir per baris (Enter untuk butir baru, ctrl+s untuk menyimpan)", markup=False)
            yield TextArea("\n".join(isi), compact=True, id="isi-lampiran")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        butir = [" ".join(baris.split()) for baris in self.query_one(TextArea).text.splitlines()]
        butir = [b for b in butir if b]
        if butir == list(getattr(self._skp.lampiran, self._bagian)):
            self.notify("Tidak ada perubahan.", markup=False)
            self.dismiss(None)
            return
        self._simpan(butir)

    @work(exclusive=True)
    async def _simpan(self, butir: list[str]) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).ubah_lampiran(self._permintaan.ambil(), self._skp, self._bagian, butir)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            else:
                laporkan(self, e, pesan, {self._bagian: "#isi-lampiran"})
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
