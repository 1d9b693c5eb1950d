"""List Pegawai Bawahan: whoever's atasan resolves to this pegawai today,
with the ones counted through a Plt./Plh. role marked."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.tabel import Tabel


class PegawaiBawahan(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("List Pegawai Bawahan", classes="subjudul", markup=False)
        yield Static("Memuat...", id="judul-bawahan", markup=False)
        yield Tabel(id="tabel-bawahan", lentur=("Nama", "Jabatan"))

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("No", "NIP", "Nama", "Status", "Jabatan", "Gol")

    @work(exclusive=True, group="bawahan")
    async def muat(self) -> None:
        try:
            with memuat(self):
                daftar = await backend(self).bawahan()
        except GagalLayanan as e:
            # In place, in this tab: the page's own load already raised one toast.
            if laporkan(self, e, diam=True):
                self.query_one("#judul-bawahan", Static).update(f"Daftar bawahan gagal dimuat: {e.pesan}")
            return
        if masih_tampil(self):
            self.tampilkan(daftar)

    def tampilkan(self, daftar: list[pb.Bawahan]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for i, b in enumerate(daftar, start=1):
            # "Plt. SEKSI PELAYANAN": this bawahan is counted through an acting role.
            sebagai = f"{fmt.peran(b.sebagai)} {b.unor_peran.nama}" if b.sebagai else "Definitif"
            p = b.pegawai
            table.add_row(str(i), p.nip, p.nama, sebagai, p.jabatan, p.golongan_ruang)
        table.set_class(not daftar, "tersembunyi")
        plt = sum(1 for b in daftar if b.sebagai)
        keterangan = f", {plt} melalui peran Plt./Plh." if plt else ""
        self.query_one("#judul-bawahan", Static).update(
            f"{len(daftar)} pegawai bawahan{keterangan}" if daftar else "Tidak ada pegawai bawahan."
        )
