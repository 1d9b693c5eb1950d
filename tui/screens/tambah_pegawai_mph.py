"""Tambah Pegawai of the Matriks Peran Hasil: search the instansi's pegawai
by name or NIP and add one from another unit as a column, for a team across
units (docs/domain.md#matriks-peran-hasil). Enter in the search box
searches; Enter on a result adds it. Returns the new matrix, or None."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as ppb
from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.judul import Judul


class TambahPegawaiMphScreen(ModalScreen[pb.MatriksPeranHasil | None]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, skp_name: str, sudah: set[str]) -> None:
        """`sudah`: the NIPs already in the matrix (and the SKP's own)."""
        super().__init__()
        self._skp = skp_name
        self._sudah = sudah
        self._hasil: dict[str, ppb.PegawaiRingkas] = {}
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Judul("Tambah Pegawai")
            yield Label("CARI NAMA ATAU NIP (minimal 2 karakter, Enter)", markup=False)
            yield Input(compact=True, id="cari-pegawai", max_length=200)
            yield OptionList(id="hasil-pegawai", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#cari-pegawai", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#cari-pegawai")
    def _cari(self) -> None:
        query = self.query_one("#cari-pegawai", Input).value.strip()
        if len(query) < 2:
            self.query_one("#pesan", Static).update("Ketik minimal 2 karakter nama atau NIP.")
            return
        self._muat(query)

    @work(exclusive=True, group="cari")
    async def _muat(self, query: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Mencari...")
        try:
            resp = await backend(self).cari_pegawai(query, page_size=50)
        except GagalLayanan as e:
            laporkan(self, e, pesan)
            return
        if not masih_tampil(self):
            return
        daftar = self.query_one(OptionList)
        daftar.clear_options()
        self._hasil = {x.nip: x for x in resp.pegawai if x.nip not in self._sudah}
        for x in self._hasil.values():
            daftar.add_option(Option(fmt.bersih(f"{x.nama} — {x.jabatan}, {x.unor_nama}"), id=x.nip))
        if self._hasil:
            pesan.update("Pilih pegawai lalu Enter untuk menambahkannya.")
            daftar.highlighted = 0
            daftar.focus()
        else:
            pesan.update("Tidak ada pegawai lain yang cocok.")

    @on(OptionList.OptionSelected, "#hasil-pegawai")
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._tambah(event.option.id)

    @work(exclusive=True, group="tambah")
    async def _tambah(self, nip: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menambahkan...")
        try:
            m = await backend(self).tambah_pegawai_mph(self._permintaan.ambil(), self._skp, nip)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, pesan)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(m)
