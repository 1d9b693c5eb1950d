"""Tambah Indikator and Edit Indikator (docs/domain.md#indikator-dan-target): the
aspek, the indikator kinerja individu and its target tahunan. A Kuantitatif
SKP needs a numeric target with a unit ("12 bulan", a range "80-100 %",
"Rp 50.000.000"); the server checks it and its answer lands on the field."""

from __future__ import annotations

from typing import Any, Literal

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static, TextArea

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilIndikator = pb.Indikator | Literal["usang"] | None
ISIAN = {"aspek": "#aspek", "teks": "#indikator", "target": "#target"}
PETUNJUK = ("Silahkan isi keterangan terkait indikator dari RHK yang anda buat. Untuk SKP Kuantitatif, Anda juga "
            "diharuskan mengisi target dari indikator tersebut.")


class TambahIndikatorScreen(ModalScreen[HasilIndikator]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp, rhk: pb.Rhk, indikator: pb.Indikator | None = None) -> None:
        super().__init__()
        self._skp = skp
        self._rhk = rhk
        self._indikator = indikator
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        ind = self._indikator
        kuantitatif = self._skp.pendekatan == pb.PENDEKATAN_KUANTITATIF
        with VerticalScroll(classes="dialog dialog-lebar"):
            yield Static("Edit Indikator" if ind else "Tambah Indikator", classes="judul", markup=False)
            yield Static(f"RHK: {self._rhk.teks}", classes="petunjuk", markup=False)
            yield Label("ASPEK", markup=False)
            with RadioSet(id="aspek", compact=True, classes="mendatar"):
                for k, v in fmt.ASPEK.items():
                    yield RadioButton(v, value=ind is not None and ind.aspek == k, id=f"aspek-{k}")
            yield Label("INDIKATOR", markup=False)
            yield TextArea(ind.teks if ind else "", compact=True, id="indikator")
            yield Label("TARGET" + (" (angka di atas 0 dan satuan: 12 bulan, 80-100 %, Rp 50.000.000)"
                                    if kuantitatif else ""), markup=False)
            yield Input(compact=True, value=ind.target if ind else "", placeholder="12 bulan", id="target")
            yield Static(PETUNJUK, classes="petunjuk", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#aspek").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#target")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        aspek = next((k for k in fmt.ASPEK if self.query_one(f"#aspek-{k}", RadioButton).value), 0)
        teks = " ".join(self.query_one("#indikator", TextArea).text.split())
        if not aspek:
            self._gagal("ASPEK wajib dipilih (Kuantitas, Kualitas, Waktu atau Biaya).", "#aspek")
            return
        if not teks:
            self._gagal("INDIKATOR wajib diisi.", "#indikator")
            return
        self._simpan({"aspek": aspek, "teks": teks, "target": self.query_one("#target", Input).value.strip()})

    def _gagal(self, pesan: str, isian: str) -> None:
        self.query_one("#pesan", Static).update(pesan)
        self.query_one(isian).focus()

    @work(exclusive=True)
    async def _simpan(self, nilai: dict[str, Any]) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        hasil: pb.Indikator | None  # None: nothing changed
        try:
            if self._indikator is None:
                hasil = await backend(self).tambah_indikator(self._permintaan.ambil(), self._rhk.name, pb.Indikator(**nilai))
            else:
                hasil = await backend(self).ubah_indikator(self._permintaan.ambil(), self._indikator, nilai)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, ISIAN):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if not masih_tampil(self):
            return
        if hasil is None:
            self.notify("Tidak ada perubahan.", markup=False)
        self.dismiss(hasil)
