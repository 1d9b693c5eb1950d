"""Ekspor XLSX of the Rekap Penilaian Bawahan: the workbook the server made,
written where the user says: by default into the folder every print goes
to (tui/berkas.py: `~/ekinerja-cetak/` or EKINERJA_SIMPAN_KE) under the
file name the server gave; under the SSH gateway, the session folder only.
Saved with ctrl+s or Enter, like every other dialog. Returns the full path
written, or None."""

from __future__ import annotations

import asyncio

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import kirim_email
from tui.berkas import Tujuan, baca_tujuan, pesan_folder_sesi, simpan, simpan_ke_bawaan
from tui.layanan import folder_sesi, masih_tampil
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk


class EksporXlsxScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, berkas: pb.BerkasXlsx, judul: str = "Ekspor XLSX", apa: str = "Rekap") -> None:
        super().__init__()
        self._berkas = berkas
        self._judul, self._apa = judul, apa
        self._timpa = ""  # the path the user already agreed to overwrite

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Judul(self._judul)
            yield Petunjuk(
                f"{self._apa} siap disimpan ({len(self._berkas.isi):,} byte).".replace(",", "."),
            )
            sesi = folder_sesi(self)
            yield Label("SIMPAN KE (nama berkas)" if sesi else "SIMPAN KE (folder atau berkas)", markup=False)
            yield Input(str(sesi / self._berkas.nama_berkas) if sesi else simpan_ke_bawaan(), compact=True, id="tujuan")
            if sesi:
                yield Petunjuk(pesan_folder_sesi(sesi), id="folder-sesi")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Simpan", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#tujuan").focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Changed, "#tujuan")
    def _tujuan_berubah(self) -> None:
        self.query_one("#pesan", Static).update("")

    @on(Input.Submitted, "#tujuan")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        pesan = self.query_one("#pesan", Static)
        try:
            tujuan = baca_tujuan(self.query_one("#tujuan", Input).value, folder_sesi(self))
        except ValueError as e:
            pesan.update(str(e))
            return
        path = tujuan.berkas(self._berkas.nama_berkas)
        if not tujuan.folder and tujuan.sesi is None and path.exists() and self._timpa != str(path):
            self._timpa = str(path)
            pesan.update(f"{path} sudah ada. Tekan Simpan sekali lagi untuk menimpanya.")
            return
        self._tulis(tujuan)

    @work(exclusive=True)
    async def _tulis(self, tujuan: Tujuan) -> None:
        try:
            path = await asyncio.to_thread(simpan, tujuan, self._berkas.nama_berkas, self._berkas.isi)
        except OSError as e:
            if masih_tampil(self):
                self.query_one("#pesan", Static).update(
                    f"Gagal menyimpan ke {tujuan.berkas(self._berkas.nama_berkas)}: {e.strerror or e}"
                )
            return
        if masih_tampil(self):
            self.dismiss(str(path))
            if tujuan.sesi is not None:
                kirim_email.tawarkan(self.app, path)
