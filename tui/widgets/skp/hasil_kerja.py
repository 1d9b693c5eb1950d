"""HASIL KERJA of Detail SKP (docs/domain.md#rhk): the RHK grouped
Utama / Tambahan, each with the RHK atasan it intervenes and its indikator
(aspek, indikator, target). The row under the cursor says what Edit, Hapus
and Tambah Indikator act on; they exist only for the SKP's pegawai while it
is DRAFT."""

from __future__ import annotations

from dataclasses import dataclass

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.skp.skp_berubah import SkpBerubah, setelah_form
from tui.widgets.skp.tambah_indikator import TambahIndikatorScreen
from tui.widgets.skp.tambah_rhk import TambahRhkScreen, dengan_klasifikasi
from tui.widgets.tabel import TabelTeks

# Widths of the narrow columns; the text column takes the rest and wraps.
NO, ASPEK, TARGET = 3, 9, 10


@dataclass
class Baris:
    jenis: int
    rhk: pb.Rhk | None = None
    indikator: pb.Indikator | None = None


def uraian_rhk(r: pb.Rhk, klasifikasi: bool) -> Text:
    teks = Text(r.teks)
    if r.rhk_atasan_teks:
        teks.append(f"\nRHK atasan: {r.rhk_atasan_teks}", style="italic")
    if r.perjanjian_kinerja:
        teks.append(f"\nPerjanjian Kinerja: {r.perjanjian_kinerja}", style="italic")
    if not klasifikasi:
        return teks
    if r.klasifikasi == pb.KLASIFIKASI_RHK_ORGANISASI:
        teks.append(f"\nOrganisasi: {r.unor_nama or '-'}" + (" (diwarisi)" if r.diwarisi_dari else ""), style="italic")
    elif r.klasifikasi == pb.KLASIFIKASI_RHK_INDIVIDU:
        teks.append("\nIndividu", style="italic")
    return teks


class HasilKerja(Vertical):
    BINDINGS = [
        Binding("i", "tambah_indikator", "Indikator", tooltip="Tambah Indikator"),
        Binding("e", "edit", "Edit"),
        Binding("x", "hapus", "Hapus", show=False),  # in f1 and the palette: 80 columns
        Binding("[", "pindah(-1)", "Naik/Turun", key_display="[ ]", show=False),
        Binding("]", "pindah(1)", "Turunkan", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._skp: pb.Skp | None = None
        self.ubah = False
        self._baris: dict[str, Baris] = {}
        self._lebar = 0
        self._hapus = IdPermintaan()
        self._pindah = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield TabelTeks(id="tabel-rhk", cursor_type="row", zebra_stripes=True)
        yield Petunjuk("", id="ket-rhk")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("tambah_indikator", "edit", "hapus", "pindah"):
            return self.ubah
        return True

    def tampilkan(self, skp: pb.Skp, ubah: bool) -> None:
        self._skp = skp
        self.ubah = ubah
        self.refresh_bindings()
        self._gambar()
        if ubah:
            ket = "t Tambah RHK; baris terpilih: i Tambah Indikator, e/Enter Edit, x Hapus, [ ] naik/turun."
        elif skp.status != pb.STATUS_SKP_DRAFT:
            ket = f"SKP berstatus {fmt.status_skp(skp.status)}: RHK dan indikator tidak dapat diubah."
        else:
            ket = ""
        self.query_one("#ket-rhk", Static).update(ket)

    def on_resize(self) -> None:
        if self.size.width != self._lebar:
            self._gambar()

    def _gambar(self) -> None:
        """(Re)builds the table: the text column's width follows the screen, so
        that long RHK wrap instead of running off the edge."""
        self._lebar = self.size.width
        if self._skp is None or not self._lebar:
            return  # hidden (another tab, or loading): drawn on the next resize
        table = self.query_one(TabelTeks)
        lama = self._kunci_terpilih()
        table.clear(columns=True)
        lebar = max(16, self.size.width - NO - ASPEK - TARGET - 2 * 4 * table.cell_padding - 2)
        table.add_column("No", width=NO)
        table.add_column("Rencana Hasil Kerja / Indikator", width=lebar)
        table.add_column("Aspek", width=ASPEK)
        table.add_column("Target", width=TARGET)
        self._baris = {}
        klasifikasi = dengan_klasifikasi(self._skp)
        for jenis in (pb.JENIS_RHK_UTAMA, pb.JENIS_RHK_TAMBAHAN):
            self._tambah(table, f"jenis:{jenis}", Baris(jenis), "", Text(fmt.JENIS_RHK[jenis], style="bold"))
            daftar = sorted((r for r in self._skp.rhk if r.jenis == jenis), key=lambda r: r.urutan)
            if not daftar:
                self._tambah(table, f"kosong:{jenis}", Baris(jenis), "", Text("belum ada RHK", style="dim"))
            for n, r in enumerate(daftar, start=1):
                self._tambah(table, r.name, Baris(jenis, r), str(n), uraian_rhk(r, klasifikasi))
                for ind in sorted(r.indikator, key=lambda i: i.urutan):
                    self._tambah(
                        table,
                        ind.name,
                        Baris(jenis, r, ind),
                        "",
                        Text(f"- {ind.teks}"),
                        fmt.ASPEK.get(ind.aspek, "-"),
                        Text(ind.target or "-"),
                    )
                if not r.indikator:
                    self._tambah(
                        table, f"tanpa:{r.name}", Baris(jenis, r), "", Text("- belum ada indikator", style="dim")
                    )
        if lama in self._baris:
            table.move_cursor(row=table.get_row_index(lama), scroll=True)
        else:
            table.ke_baris_pertama()

    def _tambah(self, table: DataTable[object], key: str, baris: Baris, *sel: str | Text) -> None:
        """A row; typed text comes as Text (a str cell would be read as markup)."""
        cells = list(sel) + [""] * (4 - len(sel))
        table.add_row(*cells, key=key, height=None)
        self._baris[key] = baris

    def _kunci_terpilih(self) -> str:
        return self.query_one(TabelTeks).kunci()

    def terpilih(self) -> Baris | None:
        return self._baris.get(self._kunci_terpilih())

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    # --- forms ------------------------------------------------------------------
    def tambah_rhk(self) -> None:
        if self._skp is None:
            return
        baris = self.terpilih()
        self.app.push_screen(
            TambahRhkScreen(self._skp, jenis=baris.jenis if baris else 0), setelah_form(self, "RHK disimpan.")
        )

    def action_tambah_indikator(self) -> None:
        baris = self.terpilih()
        if self._skp is None or baris is None or baris.rhk is None:
            self.notify("Pilih dulu baris RHK yang akan diberi indikator.", markup=False)
            return
        self.app.push_screen(TambahIndikatorScreen(self._skp, baris.rhk), setelah_form(self, "Indikator disimpan."))

    @on(DataTable.RowSelected, "#tabel-rhk")
    def _enter(self) -> None:
        if self.ubah:
            self.action_edit()

    def action_edit(self) -> None:
        baris = self.terpilih()
        if self._skp is None or baris is None or baris.rhk is None:
            self.notify("Pilih baris RHK atau indikator yang akan diubah.", markup=False)
        elif baris.indikator is not None:
            self.app.push_screen(
                TambahIndikatorScreen(self._skp, baris.rhk, baris.indikator), setelah_form(self, "Indikator disimpan.")
            )
        else:
            self.app.push_screen(TambahRhkScreen(self._skp, baris.rhk), setelah_form(self, "RHK disimpan."))

    def action_hapus(self) -> None:
        baris = self.terpilih()
        if baris is None or baris.rhk is None:
            self.notify("Pilih baris RHK atau indikator yang akan dihapus.", markup=False)
            return
        if baris.indikator is not None:
            judul, tanya = "Hapus Indikator", f'Indikator "{baris.indikator.teks}" akan dihapus. Lanjutkan?'
        else:
            n = len(baris.rhk.indikator)
            judul = "Hapus RHK"
            tanya = (
                f'RHK "{baris.rhk.teks}"' + (f" beserta {n} indikatornya" if n else "") + " akan dihapus. Lanjutkan?"
            )

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_hapus(baris)

        self.app.push_screen(KonfirmasiScreen(judul, tanya, "Hapus"), jawab)

    @work(exclusive=True, group="hapus-rhk")
    async def _kirim_hapus(self, baris: Baris) -> None:
        try:
            if baris.indikator is not None:
                await backend(self).hapus_indikator(self._hapus.ambil(), baris.indikator)
            elif baris.rhk is not None:
                await backend(self).hapus_rhk(self._hapus.ambil(), baris.rhk)
        except GagalLayanan as e:
            self._hapus.selesai(e)
            if e.versi_usang:
                self.post_message(SkpBerubah(usang=True))
            elif laporkan(self, e):
                self.post_message(SkpBerubah())
            return
        self._hapus.selesai()
        if masih_tampil(self):
            self.notify("Indikator dihapus." if baris.indikator is not None else "RHK dihapus.", markup=False)
            self.post_message(SkpBerubah())

    # --- order --------------------------------------------------------------------
    def action_pindah(self, arah: int) -> None:
        """Moves the selected RHK (inside its jenis) or indikator (inside its
        RHK) one place up or down; the cursor stays on it."""
        baris = self.terpilih()
        if self._skp is None or baris is None or baris.rhk is None:
            self.notify("Pilih baris RHK atau indikator yang akan dipindah.", markup=False)
            return
        if baris.indikator is not None:
            jumlah, sekarang = len(baris.rhk.indikator), baris.indikator.urutan
        else:
            jumlah = sum(1 for r in self._skp.rhk if r.jenis == baris.rhk.jenis)
            sekarang = baris.rhk.urutan
        tujuan = sekarang + arah
        if not 1 <= tujuan <= jumlah:
            self.notify("Sudah paling atas." if arah < 0 else "Sudah paling bawah.", markup=False)
            return
        self._kirim_pindah(baris, tujuan)

    @work(exclusive=True, group="pindah-rhk")
    async def _kirim_pindah(self, baris: Baris, tujuan: int) -> None:
        try:
            if baris.indikator is not None:
                await backend(self).ubah_indikator(self._pindah.ambil(), baris.indikator, {"urutan": tujuan})
            elif baris.rhk is not None:
                await backend(self).ubah_rhk(self._pindah.ambil(), baris.rhk, {"urutan": tujuan})
        except GagalLayanan as e:
            self._pindah.selesai(e)
            if e.versi_usang:
                self.post_message(SkpBerubah(usang=True))
            elif laporkan(self, e):
                self.post_message(SkpBerubah())
            return
        self._pindah.selesai()
        self.post_message(SkpBerubah())
