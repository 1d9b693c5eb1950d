"""Penilaian SKP (docs/domain.md#penilaian), opened from Daftar SKP on an
approved SKP: its year, unit kerja and unit kerja induk, and two tabs as on
the web page: Pelaksanaan Kinerja (the pegawai's own periods: Rencana Aksi,
Bukti Dukung dan Realisasi, Feedback Perilaku) and Pemantauan dan Evaluasi
(the penilai's: Penilaian Bawahan, Rekap, Kurva)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ekinerja.skp.v1 import skp_pb2
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.penilaian.pelaksanaan_kinerja import TOMBOL as TOMBOL_PELAKSANAAN
from tui.widgets.penilaian.pelaksanaan_kinerja import PelaksanaanKinerja
from tui.widgets.penilaian.pemantauan_evaluasi import TOMBOL as TOMBOL_PEMANTAUAN
from tui.widgets.penilaian.pemantauan_evaluasi import PemantauanEvaluasi
from tui.widgets.profil.label_nilai import kv

TAB = [("tab-pelaksanaan", "Pelaksanaan Kinerja"), ("tab-pemantauan", "Pemantauan dan Evaluasi")]


class PenilaianSkpScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("1", "tab(1)", "Tab", key_display="1-2", show=False),  # the tabs show their names
        Binding("2", "tab(2)", "Pemantauan dan Evaluasi", show=False),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, skp: skp_pb2.Skp) -> None:
        super().__init__()
        self._skp = skp

    def compose(self) -> ComposeResult:
        with Vertical(id="penilaian-skp"):
            yield Judul("Penilaian SKP")
            yield Static(self._kepala(), id="kepala-penilaian", markup=False)
            with TabbedContent(id="tab-penilaian"):
                with TabPane(TAB[0][1], id=TAB[0][0]):
                    yield PelaksanaanKinerja()
                with TabPane(TAB[1][1], id=TAB[1][0]):
                    yield PemantauanEvaluasi()
        yield Footer(compact=True)

    def _kepala(self, induk: str = "Memuat...") -> Table:
        s = self._skp
        return kv(
            [
                ("SKP", f"Tahun {s.periode_akhir.year}"),
                ("Unit Kerja", Text(s.unor_nama or "-")),
                ("Unit Kerja Induk", Text(induk)),
            ]
        )

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#tabel-periode"))  # before the loading cover, which would pass it on
        self.action_muat()
        self._muat_induk()
        self.query_one(PemantauanEvaluasi).muat(self._skp.periode_akhir.year)

    def perintah(self) -> Iterable[Perintah]:
        pelaksanaan, pemantauan = self.query_one(PelaksanaanKinerja), self.query_one(PemantauanEvaluasi)
        for _, label, aksi in TOMBOL_PELAKSANAAN:
            yield label, partial(self._jalankan, 1, pelaksanaan, aksi), f"Pelaksanaan Kinerja > {label}"
        for _, label, aksi in TOMBOL_PEMANTAUAN:
            yield label, partial(self._jalankan, 2, pemantauan, aksi), f"Pemantauan dan Evaluasi > {label}"
        yield "Riwayat Cetak", self._riwayat_cetak, "Siapa mencetak dokumen SKP ini dan kapan"
        yield "Muat Ulang", self.action_muat, "Baca ulang periode penilaian (r)"
        yield "Kembali", self.action_kembali, "Kembali ke Daftar SKP (esc)"

    def _jalankan(self, tab: int, widget: PelaksanaanKinerja | PemantauanEvaluasi, aksi: str) -> None:
        self.action_tab(tab)
        getattr(widget, f"action_{aksi}")()

    def action_kembali(self) -> None:
        self.dismiss(None)

    def _riwayat_cetak(self) -> None:
        from tui.screens.riwayat_cetak import RiwayatCetakScreen

        s = self._skp
        self.app.push_screen(RiwayatCetakScreen(s.name, f"SKP {fmt.periode(s.periode_awal, s.periode_akhir)}"))

    def action_tab(self, nomor: int) -> None:
        self.query_one(TabbedContent).active = TAB[nomor - 1][0]
        (self.query_one(PelaksanaanKinerja) if nomor == 1 else self.query_one(PemantauanEvaluasi)).fokus()

    # --- loading ----------------------------------------------------------------------
    def action_muat(self) -> None:
        self._muat()

    @on(PelaksanaanKinerja.Kembali)
    def _setelah_periode(self) -> None:
        self.action_muat()

    @work(exclusive=True, group="periode")
    async def _muat(self) -> None:
        pelaksanaan = self.query_one(PelaksanaanKinerja)
        try:
            with memuat(pelaksanaan):
                daftar = await backend(self).periode_penilaian(self._skp.name)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                self.query_one("#rincian-periode", Static).update(Text(f"Periode penilaian gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            pelaksanaan.tampilkan(self._skp.name, daftar)

    @work(exclusive=True, group="induk")
    async def _muat_induk(self) -> None:
        try:
            induk = await backend(self).unor_induk(self._skp.unor_id)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                self.query_one("#kepala-penilaian", Static).update(self._kepala("-"))
            return
        if masih_tampil(self):
            self.query_one("#kepala-penilaian", Static).update(self._kepala(induk.nama))
