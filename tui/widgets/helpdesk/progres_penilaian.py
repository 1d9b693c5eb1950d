"""How far the penilaian of one approved SKP is, period by period: the
Batas, how many indikator have a realisasi, the two ratings and the
predikat the server gives. An SKP not yet approved has no penilaian; a
period the server refuses to show keeps its reason (in the row's detail)."""

from __future__ import annotations

import asyncio

from ekinerja.penilaian.v1 import penilaian_pb2 as npb
from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.backend_helpdesk import ProgresPeriode
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.helpdesk.skp_pegawai import periode
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel

# Short, so that every column fits 80 columns; the row's detail below says it in full.
KOLOM = ("Periode", "Batas", "Realisasi", "Hasil", "Perilaku", "Predikat/Status")
PERIODE_SINGKAT = {
    npb.PERIODE_TRIWULAN_I: "Triwulan I",
    npb.PERIODE_TRIWULAN_II: "Triwulan II",
    npb.PERIODE_TRIWULAN_III: "Triwulan III",
    npb.PERIODE_TRIWULAN_IV: "Triwulan IV",
    npb.PERIODE_AKHIR_TAHUN: "Akhir Tahun",
}


def predikat_status(p: npb.PeriodePenilaian) -> str:
    """The predikat once rated; otherwise where the period stands."""
    if p.status == npb.STATUS_PENILAIAN_DINILAI:
        return fmt.predikat(p.predikat)
    return fmt.STATUS_PENILAIAN.get(p.status, "-")


class ProgresPenilaian(Vertical):
    def __init__(self) -> None:
        super().__init__()
        self._progres: list[ProgresPeriode] = []
        self._skp: pb.Skp | None = None

    def compose(self) -> ComposeResult:
        yield Static("Pilih SKP pada tab SKP & Riwayat.", id="hd-judul-penilaian", markup=False)
        yield Tabel(id="hd-tabel-penilaian")
        yield Static("", id="hd-rincian-penilaian", markup=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*KOLOM)

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    def kosongkan(self, pesan: str) -> None:
        self.workers.cancel_group(self, "hd-penilaian")  # an SKP chosen before must not fill it after
        self._progres = []
        self.query_one(DataTable).clear()
        self.query_one("#hd-judul-penilaian", Static).update(Text(pesan))
        self.query_one("#hd-rincian-penilaian", Static).update("")

    def muat(self, skp: pb.Skp | None) -> None:
        if skp is None:
            self._skp = None
            self.kosongkan("Pegawai ini belum memiliki SKP.")
            return
        if skp is self._skp:
            return
        self._skp = skp
        judul = f"SKP {periode(skp)} ({fmt.status_skp(skp.status)})"
        if skp.status != pb.STATUS_SKP_PERSETUJUAN:
            self.kosongkan(f"{judul}: belum ada penilaian. Penilaian dimulai setelah SKP disetujui (PERSETUJUAN).")
            return
        self._muat(skp, judul)

    @work(exclusive=True, group="hd-penilaian")
    async def _muat(self, skp: pb.Skp, judul: str) -> None:
        await asyncio.sleep(0.2)  # moving the SKP cursor: ask once it rests (a newer move cancels this one)
        try:
            with memuat(self):
                progres = await backend(self).progres_penilaian(skp.name)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                self.kosongkan(f"{judul}: penilaian tidak dapat dibaca: {e.pesan}")
            return
        if not masih_tampil(self):
            return
        self._progres = progres
        table = self.query_one(DataTable)
        table.clear()
        for x in progres:
            p = x.periode
            table.add_row(
                PERIODE_SINGKAT.get(p.periode, p.nama),
                fmt.tanggal_singkat(p.batas),
                "ditolak" if x.gagal else f"{x.realisasi}/{skp.jumlah_indikator}",
                fmt.rating_singkat(p.rating_hasil_kerja),
                fmt.rating_singkat(p.rating_perilaku_kerja),
                predikat_status(p),
            )
        ditolak = sum(1 for x in progres if x.gagal)
        catatan = f"; {ditolak} periode tidak dapat dibaca (lihat rincian)" if ditolak else ""
        self.query_one("#hd-judul-penilaian", Static).update(
            Text(f"{judul}: {len(progres)} periode. Realisasi = indikator yang sudah diisi{catatan}.")
        )
        self._rincian()

    @on(DataTable.RowHighlighted)
    def _rincian(self) -> None:
        table = self.query_one(DataTable)
        rincian = self.query_one("#hd-rincian-penilaian", Static)
        if table.row_count == 0 or not self._progres:
            rincian.update("")
            return
        x = self._progres[table.cursor_row]
        p = x.periode
        rows: list[tuple[str, str | Text]] = [
            ("PERIODE", Text(f"{p.nama}, {fmt.periode(p.awal, p.akhir)}")),
            ("BATAS", f"{fmt.tanggal(p.batas)} ({'masih dapat diisi' if p.terbuka else 'ditutup'})"),
            (
                "RATING",
                f"Hasil Kerja {fmt.rating(p.rating_hasil_kerja)}, Perilaku {fmt.rating(p.rating_perilaku_kerja)}",
            ),
            ("PREDIKAT", f"{fmt.predikat(p.predikat)} ({fmt.STATUS_PENILAIAN.get(p.status, '-')})"),
        ]
        if x.gagal:
            rows.append(("DITOLAK", Text(x.gagal)))
        rincian.update(kv(rows))
