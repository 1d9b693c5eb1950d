"""Ekspor XLSX of the Rekap Penilaian Bawahan: the workbook the server made,
written where the user says (by default the file name the server gave, in
the current directory). Returns the full path written, or None."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import kirim_email
from tui.berkas import Tujuan, baca_tujuan, pesan_folder_sesi, simpan
from tui.layanan import folder_sesi, masih_tampil


class EksporXlsxScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "batal", "Batal")]

    def __init__(self, berkas: pb.BerkasXlsx, judul: str = "Ekspor XLSX", apa: str = "Rekap") -> None:
        super().__init__()
        self._berkas = berkas
        self._judul, self._apa = judul, apa
        self._timpa = ""  # the path the user already agreed to overwrite

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Static(self._judul, classes="judul", markup=False)
            yield Static(f"{self._apa} siap disimpan ({len(self._berkas.isi):,} byte).".replace(",", "."),
                         classes="petunjuk", markup=False)
            sesi = folder_sesi(self)
            yield Label("SIMPAN KE (nama berkas)" if sesi else "SIMPAN KE (berkas atau folder)", markup=False)
            yield Input(str((sesi or Path.cwd()) / self._berkas.nama_berkas), compact=True, id="tujuan")
            if sesi:
                yield Static(pesan_folder_sesi(sesi), classes="petunjuk", id="folder-sesi", markup=False)
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

    @on(Input.Submitted, "#tujuan")
    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        teks = self.query_one("#tujuan", Input).value.strip()
        pesan = self.query_one("#pesan", Static)
        if (sesi := folder_sesi(self)) is not None:
            try:
                self._tulis_di_sesi(baca_tujuan(teks, sesi))
            except ValueError as e:
                pesan.update(str(e))
            return
        if not teks:
            pesan.update("Isi nama berkas atau folder tujuan.")
            return
        tujuan = Path(teks).expanduser()
        if tujuan.is_dir():
            tujuan = tujuan / self._berkas.nama_berkas
        if tujuan.exists() and self._timpa != str(tujuan):
            self._timpa = str(tujuan)
            pesan.update(f"{tujuan} sudah ada. Tekan Simpan sekali lagi untuk menimpanya.")
            return
        self._tulis(tujuan)

    @work(exclusive=True)
    async def _tulis_di_sesi(self, tujuan: Tujuan) -> None:
        try:
            path = await asyncio.to_thread(simpan, tujuan, self._berkas.nama_berkas, self._berkas.isi)
        except OSError as e:
            if masih_tampil(self):
                self.query_one("#pesan", Static).update(f"Gagal menyimpan ke {tujuan.path}: {e.strerror or e}")
            return
        if masih_tampil(self):
            self.dismiss(str(path))
            kirim_email.tawarkan(self.app, path)

    @work(exclusive=True)
    async def _tulis(self, tujuan: Path) -> None:
        try:
            await asyncio.to_thread(tujuan.write_bytes, self._berkas.isi)
        except OSError as e:
            if masih_tampil(self):
                self.query_one("#pesan", Static).update(f"Gagal menyimpan ke {tujuan}: {e.strerror or e}")
            return
        if masih_tampil(self):
            self.dismiss(str(tujuan.resolve()))
