"""Matriks Peran Hasil (MPH) of one SKP: the pegawai's RHK down the side,
their bawahan across, and who is assigned to which RHK with what peran hasil
and role ([K]oordinator, ketua [T]im, [A]nggota;
docs/domain.md#matriks-peran-hasil). An assigned bawahan finds that RHK
among the choices of RHK atasan yang diintervensi in their own SKP. Space on
a cell assigns (as anggota) or unassigns; Enter or e edits its peran hasil
and role. Tambah Pegawai (t) adds a pegawai of another unit as a column
(marked *), Hapus Pegawai (x) removes one. The RHK columns stay in place
while the bawahan scroll sideways."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.screens.peran_hasil import PERAN, PeranHasilScreen, sel_dari, tanda
from tui.widgets.judul import Judul
from tui.widgets.tabel import TabelTeks

LEBAR_RHK = 26


def sel_teks(sel: pb.SelPeranHasil | None) -> Text:
    # Text, not str: a str cell is read as markup, and "[A]" would vanish.
    return Text(tanda(sel), style="bold" if sel else "")


def singkat(nama: str, lebar: int = 12) -> str:
    return nama if len(nama) <= lebar else nama[: lebar - 1] + "."


class MatriksPeranHasilScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("space", "ubah", "Tugaskan/lepas"),
        Binding("e", "peran", "Peran Hasil"),
        Binding("t", "tambah", "Tambah Pegawai"),
        Binding("x", "hapus", "Hapus Pegawai", show=False),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, skp: pb.Skp) -> None:
        super().__init__()
        self._skp = skp
        self._matriks: pb.MatriksPeranHasil | None = None
        self._permintaan = IdPermintaan()
        self._mengirim = False

    def compose(self) -> ComposeResult:
        s = self._skp
        with Vertical(id="mph"):
            yield Judul("Matriks Peran Hasil")
            yield Static(f"{s.jabatan}, {fmt.periode(s.periode_awal, s.periode_akhir)}", id="judul-mph", markup=False)
            yield TabelTeks(id="tabel-mph", cursor_type="cell", fixed_columns=2)
            yield Static("", id="sel-mph", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.action_muat()

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True, group="mph")
    async def _muat(self) -> None:
        try:
            with memuat(self.query_one(DataTable)):
                matriks = await backend(self).matriks_peran_hasil(self._skp.name)
        except GagalLayanan as e:
            if laporkan(self, e):
                self.query_one("#sel-mph", Static).update(Text(f"Matriks gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self.tampilkan(matriks)

    def tampilkan(self, m: pb.MatriksPeranHasil) -> None:
        self._matriks = m
        table = self.query_one(DataTable)
        posisi = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("No", key="no")
        table.add_column("Rencana Hasil Kerja", key="rhk", width=LEBAR_RHK)
        for b in m.bawahan:
            table.add_column(Text(singkat(b.nama) + ("*" if b.lintas_unit else "")), key=b.nip)
        for n, r in enumerate(m.rhk, start=1):
            table.add_row(
                str(n),
                Text(singkat(r.teks, LEBAR_RHK)),
                *(sel_teks(sel_dari(m, r.name, b.nip)) for b in m.bawahan),
                key=r.name,
            )
        if not m.rhk or not m.bawahan:
            self.query_one("#sel-mph", Static).update(
                "Belum ada RHK pada SKP ini: tambahkan dulu di Detail SKP."
                if not m.rhk
                else "Tidak ada pegawai bawahan untuk ditugaskan (lihat Profil > List Pegawai Bawahan); "
                "Tambah Pegawai (t) menambahkan pegawai unit lain."
            )
            return
        # Start on the first bawahan's cell; afterwards stay where the user was.
        column = posisi.column if posisi.column >= 2 else 2
        table.cursor_coordinate = Coordinate(min(posisi.row, table.row_count - 1), min(column, len(table.columns) - 1))
        self._jelaskan()

    def _sel(self) -> tuple[pb.Rhk, pb.BawahanMatriks] | None:
        table = self.query_one(DataTable)
        m = self._matriks
        if m is None or not m.rhk or not m.bawahan:
            return None
        row, column = table.cursor_coordinate
        if column < 2:
            return None
        return m.rhk[row], m.bawahan[column - 2]

    @on(DataTable.CellHighlighted, "#tabel-mph")
    def _jelaskan(self) -> None:
        """The full RHK and bawahan of the cell: the table shows them shortened."""
        m = self._matriks
        if m is None or not m.rhk:
            return
        row = self.query_one(DataTable).cursor_coordinate.row
        teks = Text.assemble(("RHK: ", "bold"), m.rhk[row].teks)
        if sel := self._sel():
            rhk, b = sel
            sel_ = sel_dari(m, rhk.name, b.nip)
            teks.append_text(
                Text.assemble(
                    ("\nPegawai unit lain: " if b.lintas_unit else "\nBawahan: ", "bold"),
                    f"{b.nama} ({b.jabatan}{', ' + b.unor_nama if b.lintas_unit else ''}): ",
                    (
                        f"ditugaskan, {PERAN.get(sel_.peran, 'Anggota')}" if sel_ else "tidak ditugaskan",
                        "bold" if sel_ else "",
                    ),
                )
            )
            if sel_ is not None:
                teks.append_text(Text.assemble(("\nPeran hasil: ", "bold"), sel_.peran_hasil or "-"))
        else:
            teks.append("\nGeser ke kolom bawahan (kanan) lalu tekan spasi untuk menugaskan, Enter untuk peran hasil.")
        self.query_one("#sel-mph", Static).update(teks)

    def action_ubah(self) -> None:
        sel = self._sel()
        if sel is None or self._matriks is None or self._mengirim:
            return  # one change at a time: each is its own request
        rhk, b = sel
        self._kirim(rhk.name, b.nip, sel_dari(self._matriks, rhk.name, b.nip) is None)

    @on(DataTable.CellSelected, "#tabel-mph")
    def action_peran(self) -> None:
        sel = self._sel()
        if sel is None or self._matriks is None or self._mengirim:
            return
        rhk, b = sel

        def selesai(hasil: object) -> None:
            if hasil == "lepas":
                self._kirim(rhk.name, b.nip, False)
            elif isinstance(hasil, pb.MatriksPeranHasil) and masih_tampil(self):
                self.tampilkan(hasil)

        self.app.push_screen(PeranHasilScreen(rhk, b, sel_dari(self._matriks, rhk.name, b.nip)), selesai)

    @work(group="ubah-mph")
    async def _kirim(self, rhk: str, nip: str, ditugaskan: bool) -> None:
        self._mengirim = True
        try:
            matriks = await backend(self).ubah_peran_hasil(self._permintaan.ambil(), rhk, nip, ditugaskan)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e)
            return
        finally:
            self._mengirim = False
        self._permintaan.selesai()
        if masih_tampil(self):
            self.tampilkan(matriks)

    def action_tambah(self) -> None:
        from tui.screens.tambah_pegawai_mph import TambahPegawaiMphScreen

        m = self._matriks
        if m is None:
            return

        def selesai(hasil: pb.MatriksPeranHasil | None) -> None:
            if hasil is not None and masih_tampil(self):
                self.tampilkan(hasil)
                self.notify("Pegawai ditambahkan ke matriks.", markup=False)

        sudah = {b.nip for b in m.bawahan} | {self._skp.nip}
        self.app.push_screen(TambahPegawaiMphScreen(self._skp.name, sudah), selesai)

    def action_hapus(self) -> None:
        from tui.dialog.konfirmasi import KonfirmasiScreen

        sel = self._sel()
        if sel is None:
            return
        _, b = sel
        if not b.lintas_unit:
            self.notify(
                "Hanya pegawai yang ditambahkan dari unit lain yang dapat dihapus dari matriks.",
                severity="warning",
                markup=False,
            )
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._hapus(b.nip)

        self.app.push_screen(
            KonfirmasiScreen(
                "Hapus Pegawai", f"Hapus {b.nama} ({b.unor_nama}) dari matriks ini beserta peran hasilnya?", "Hapus"
            ),
            jawab,
        )

    @work(group="ubah-mph")
    async def _hapus(self, nip: str) -> None:
        try:
            matriks = await backend(self).hapus_pegawai_mph(self._permintaan.ambil(), self._skp.name, nip)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.tampilkan(matriks)
