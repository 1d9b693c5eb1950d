"""Edit Realisasi (manual chapter 6, steps g-h): what was achieved on one
indikator in the chosen period, and where the number comes from. Both empty
clear it."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilRealisasi = pb.Realisasi | Literal["usang"] | None
ISIAN = {"realisasi": "#realisasi", "sumber_data": "#sumber-data"}
PETUNJUK = ("Isikan realisasi sesuai periode penilaian yang dipilih (Triwulan atau Akhir Tahun) serta sumber datanya. "
            "Realisasi triwulan adalah realisasi yang diperoleh pada triwulan yang bersangkutan saja. Kosongkan "
            "keduanya untuk menghapus.")


class EditRealisasiScreen(ModalScreen[HasilRealisasi]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, penilaian: str, periode: str, indikator: skp_pb2.Indikator,
                 realisasi: pb.Realisasi | None = None) -> None:
        super().__init__()
        self._penilaian = penilaian
        self._periode = periode
        self._indikator = indikator
        self._realisasi = realisasi
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        ind, r = self._indikator, self._realisasi
        with Vertical(classes="dialog dialog-lebar"):
            yield Static(f"Edit Realisasi - {self._periode}", classes="judul")
            yield Static(f"Indikator: {ind.teks}\nAspek: {fmt.ASPEK.get(ind.aspek, '-')}   Target tahunan: "
                         f"{ind.target or '-'}", classes="petunjuk", markup=False)
            yield Label("REALISASI")
            yield Input(r.realisasi if r else "", compact=True, placeholder="3 bulan", id="realisasi")
            yield Label("SUMBER DATA")
            yield Input(r.sumber_data if r else "", compact=True, id="sumber-data")
            yield Static(PETUNJUK, classes="petunjuk")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#realisasi").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#realisasi")
    def _ke_sumber(self) -> None:
        self.query_one("#sumber-data").focus()

    @on(Input.Submitted, "#sumber-data")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        realisasi = " ".join(self.query_one("#realisasi", Input).value.split())
        sumber = " ".join(self.query_one("#sumber-data", Input).value.split())
        self._simpan(realisasi, sumber)

    @work(exclusive=True)
    async def _simpan(self, realisasi: str, sumber: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        try:
            hasil = await backend(self).ubah_realisasi(
                self._permintaan.ambil(), self._penilaian, self._indikator.name, realisasi, sumber,
                self._realisasi.etag if self._realisasi else "")
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
