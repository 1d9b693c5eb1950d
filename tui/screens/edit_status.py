"""Edit Status (manual chapter 12, pejabat penilai): set an SKP Bawahan to
Draft, Pengajuan or Persetujuan. Lowering it needs a reason; raising it is
checked by the server as Ajukan SKP is."""

from __future__ import annotations

from typing import Literal

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilSkp = pb.Skp | Literal["usang"] | None
ISIAN = {"status": "#status", "alasan": "#alasan"}


class EditStatusScreen(ModalScreen[HasilSkp]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp) -> None:
        super().__init__()
        self._skp = skp
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        s = self._skp
        with Vertical(classes="dialog"):
            yield Static("Edit Status", classes="judul")
            yield Static(f"SKP {s.pegawai.nama}, {fmt.periode(s.periode_awal, s.periode_akhir)}. Status sekarang: "
                         f"{fmt.status_skp(s.status)}.", classes="petunjuk")
            yield Label("STATUS")
            with RadioSet(id="status", compact=True, classes="mendatar"):
                for k, v in fmt.STATUS_SKP.items():
                    yield RadioButton(v.capitalize(), value=s.status == k, id=f"status-{k}")
            yield Label("ALASAN (wajib bila status diturunkan)")
            yield Input(compact=True, id="alasan")
            yield Static("", id="pesan", classes="pesan-galat")
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#status").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#alasan")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        status = next(k for k in fmt.STATUS_SKP if self.query_one(f"#status-{k}", RadioButton).value)
        alasan = self.query_one("#alasan", Input).value.strip()
        if status == self._skp.status:
            self.notify("Status tidak berubah.")
            self.dismiss(None)
            return
        if status < self._skp.status and not alasan:
            self.query_one("#pesan", Static).update("ALASAN wajib diisi bila status diturunkan.")
            self.query_one("#alasan", Input).focus()
            return
        self._kirim(status, alasan)

    @work(exclusive=True)
    async def _kirim(self, status: int, alasan: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        try:
            hasil = await backend(self).ubah_status_skp(self._permintaan.ambil(), self._skp, status, alasan)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            else:
                laporkan(self, e, pesan, ISIAN)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(hasil)
