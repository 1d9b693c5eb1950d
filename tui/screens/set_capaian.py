"""Set Capaian Kinerja Organisasi of one unor induk in one period: one key
picks it (1 Istimewa ... 5 Sangat Kurang), Enter saves. Not once final."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, RadioButton, RadioSet, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilCapaian = pb.CapaianOrganisasi | Literal["usang"] | None


class SetCapaianScreen(ModalScreen[HasilCapaian]):
    BINDINGS = [
        Binding("escape", "batal", "Batal"),
        Binding("ctrl+s", "simpan", "Simpan"),
        *(Binding(str(i), f"pilih({k})", v.title(), show=i == 1, key_display="1-5")
          for i, (k, v) in enumerate(fmt.CAPAIAN.items(), start=1)),
    ]

    def __init__(self, capaian: pb.CapaianOrganisasi) -> None:
        super().__init__()
        self._capaian = capaian
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        c = self._capaian
        with Vertical(classes="dialog dialog-lebar"):
            yield Static("Capaian Kinerja Organisasi", classes="judul", markup=False)
            yield Static(f"{c.unor_induk_nama}\n{fmt.nama_periode(c.periode)} {c.tahun}", classes="petunjuk",
                         markup=False)
            with RadioSet(id="capaian"):
                for i, (k, v) in enumerate(fmt.CAPAIAN.items(), start=1):
                    yield RadioButton(f"{i} {v}", value=c.capaian == k, id=f"capaian-{k}")
            yield Static("Tombol 1-5 memilih; Enter/ctrl+s menyimpan. Setelah difinalisasi, capaian tidak dapat "
                         "diubah dan menjadi rating hasil kerja pimpinan unit ini.", classes="petunjuk", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def action_pilih(self, capaian: int) -> None:
        self.query_one(f"#capaian-{capaian}", RadioButton).value = True
        self.query_one("#simpan").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None:
            self.query_one("#pesan", Static).update("Pilih capaian kinerja organisasi.")
            return
        self._simpan(int(str(pressed.id).rsplit("-", 1)[1]))

    @work(exclusive=True)
    async def _simpan(self, capaian: int) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).ubah_capaian(self._permintaan.ambil(), self._capaian, capaian)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            else:
                laporkan(self, e, pesan)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
