"""Ekspektasi Khusus Pimpinan (docs/domain.md#perilaku-kerja): what the
pejabat penilai expects of the pegawai for one BerAKHLAK value. Empty clears
it. The penilai writes it while the SKP is DRAFT or PENGAJUAN."""

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


class EkspektasiScreen(ModalScreen[HasilSkp]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp, perilaku: pb.PerilakuKerja) -> None:
        super().__init__()
        self._skp = skp
        self._p = perilaku
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Static(f"Ekspektasi Khusus Pimpinan: {self._p.nama}", classes="judul", markup=False)
            yield Static("\n".join(f"{i}. {u}" for i, u in enumerate(self._p.uraian, start=1)), classes="petunjuk",
                         markup=False)
            yield Label("EKSPEKTASI KHUSUS PIMPINAN (kosongkan untuk menghapus)", markup=False)
            yield TextArea(self._p.ekspektasi, compact=True, id="ekspektasi")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        self._simpan(" ".join(self.query_one(TextArea).text.split()))

    @work(exclusive=True)
    async def _simpan(self, ekspektasi: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).ubah_ekspektasi(self._permintaan.ambil(), self._skp, self._p.kode, ekspektasi)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            else:
                laporkan(self, e, pesan, {"ekspektasi": "#ekspektasi"})
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
