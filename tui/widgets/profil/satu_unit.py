"""List Pegawai Satu Unit Kerja: everyone in the pegawai's unor, a page at a time."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, DataTable, Static

from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.tabel import Tabel


class PegawaiSatuUnit(Vertical):
    UKURAN_HALAMAN = 50

    def __init__(self) -> None:
        super().__init__()
        self._unor_id = ""
        self._nama_unor = ""
        self._token = ""

    def compose(self) -> ComposeResult:
        yield Static("List Pegawai Satu Unit Kerja", classes="subjudul", markup=False)
        yield Static("Memuat...", id="judul-unit", markup=False)
        yield Tabel(id="tabel-unit", lentur=("Nama", "Jabatan"))
        yield Button("Muat berikutnya", compact=True, id="berikutnya", classes="tersembunyi")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("No", "NIP", "Nama", "Jabatan", "Gol")

    def muat(self, unor_id: str, nama_unor: str) -> None:
        self._unor_id, self._nama_unor, self._token = unor_id, nama_unor, ""
        self._muat(baru=True)

    @on(Button.Pressed, "#berikutnya")
    def berikutnya(self) -> None:
        if self._token:
            self._muat(baru=False)

    @work(exclusive=True, group="unit")
    async def _muat(self, baru: bool) -> None:
        try:
            with memuat(self):
                resp = await backend(self).pegawai_unor(self._unor_id, "" if baru else self._token, self.UKURAN_HALAMAN)
        except GagalLayanan as e:
            # In place, in this tab: the page's own load already raised one toast.
            if laporkan(self, e, diam=True):
                self.query_one("#judul-unit", Static).update(f"Daftar pegawai gagal dimuat: {e.pesan}")
            return
        if masih_tampil(self):
            self._isi(resp, baru)

    def _isi(self, resp: pb.ListPegawaiResponse, baru: bool) -> None:
        table = self.query_one(DataTable)
        if baru:
            table.clear()
        for i, x in enumerate(resp.pegawai, start=table.row_count + 1):
            table.add_row(str(i), x.nip, x.nama, x.jabatan, x.golongan_ruang)
        self._token = resp.next_page_token
        tampil = f" (tampil {table.row_count})" if resp.next_page_token else ""
        self.query_one("#judul-unit", Static).update(f"{self._nama_unor}: {resp.total_size} pegawai{tampil}")
        self.query_one("#berikutnya", Button).set_class(not resp.next_page_token, "tersembunyi")
