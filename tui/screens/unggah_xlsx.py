"""Isian XLSX and Rating XLSX (docs/isian-xlsx.md): the template of a
period downloaded, filled in a spreadsheet, and uploaded back.

The file is checked first (nothing saved): the refused cells as a table
(sheet, row, column, the field's message) and, for ratings, the curve of the
bawahan as it would be. Then Simpan (only when every row is valid) or
Simpan yang sah (the valid rows; the others stay as they were) sends the
very bytes that were checked. Under the SSH gateway the file is read from,
and the template written to, the session folder only (tui/berkas.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.berkas import baca_unggahan, pesan_baca_sesi
from tui.layanan import backend, folder_sesi, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.tabel import TabelTeks

KOLOM = [("Lembar", 12), ("Baris", 5), ("Kolom", 5), ("Pesan", 50)]


def ringkasan(h: pb.HasilUnggahXlsx) -> str:
    ditolak = h.jumlah_baris - h.baris_sah  # the table lists at most the first 1000
    teks = f"{h.jumlah_baris} baris: {h.baris_sah} sah, {ditolak} ditolak; {h.berubah} akan mengubah data."
    if h.disimpan:
        teks = f"Tersimpan: {h.berubah} baris mengubah data; {ditolak} baris ditolak dan tidak disimpan."
    elif not h.berubah and not h.kesalahan:
        teks = f"{h.jumlah_baris} baris: semuanya sah dan sudah sama dengan yang tercatat; tidak ada yang berubah."
    return teks


class UnggahXlsxScreen(Screen[bool]):
    """Returns whether anything was saved (the caller reloads)."""

    BINDINGS = [
        Binding("escape", "tutup", "Tutup"),
        Binding("ctrl+o", "unduh", "Unduh template"),
        Binding("ctrl+t", "periksa", "Periksa"),
    ]

    def __init__(self, judul: str, *, name: str = "", tahun: int = 0, periode: int = 0) -> None:
        """Isian periode with `name` ("penilaian/{skp}/periode/{kode}"); rating with `tahun` and `periode`."""
        super().__init__()
        self._judul = judul
        self._penilaian = name
        self._tahun, self._periode = tahun, pb.Periode.ValueType(periode)
        self._rating = not name
        self._berkas: tuple[str, bytes] | None = None  # what was checked: saved as it is
        self._permintaan = IdPermintaan()
        self._disimpan = False

    def compose(self) -> ComposeResult:
        sesi = folder_sesi(self)
        with VerticalScroll(id="unggah-xlsx"):
            yield Judul(self._judul)
            yield Petunjuk(
                "1. Unduh template (ctrl+o), isi di spreadsheet.  2. Tulis path berkasnya, Periksa "
                "(ctrl+t): tidak ada yang disimpan.  3. Simpan.",
            )
            yield Label("BERKAS .xlsx (nama berkas di folder sesi)" if sesi else "BERKAS .xlsx (path)", markup=False)
            yield Input(str(sesi or Path.cwd()) + "/", compact=True, id="berkas")
            if sesi:
                yield Petunjuk(pesan_baca_sesi(sesi))
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Unduh template", compact=True, id="unduh")
                yield Button("Periksa", compact=True, variant="primary", id="periksa")
                yield Button("Simpan", compact=True, id="simpan", disabled=True)
                yield Button("Simpan yang sah", compact=True, id="simpan-sah", disabled=True)
            yield Static("", id="ringkasan", markup=False)
            yield TabelTeks(id="tabel-kesalahan", cursor_type="row", zebra_stripes=True)
            yield Static("", id="kurva-unggah", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(TabelTeks)
        table.tambah_kolom(KOLOM)
        table.display = False
        self.query_one("#berkas", Input).focus()

    def action_tutup(self) -> None:
        self.dismiss(self._disimpan)

    # --- the template -------------------------------------------------------------------
    @on(Button.Pressed, "#unduh")
    def action_unduh(self) -> None:
        self._unduh()

    @work(exclusive=True, group="xlsx")
    async def _unduh(self) -> None:
        from tui.screens.ekspor_xlsx import EksporXlsxScreen

        try:
            with memuat(self.query_one("#unggah-xlsx")):
                if self._rating:
                    berkas = await backend(self).unduh_rating(self._tahun, self._periode)
                else:
                    berkas = await backend(self).unduh_isian(self._penilaian)
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if not masih_tampil(self):
            return

        def selesai(path: str | None) -> None:
            if path and masih_tampil(self):
                self.query_one("#berkas", Input).value = path
                self.query_one("#pesan", Static).update(
                    Text(f"Template disimpan ke {path}. Isi di spreadsheet, simpan, lalu Periksa.")
                )

        self.app.push_screen(EksporXlsxScreen(berkas, judul="Unduh template", apa="Template"), selesai)

    # --- check, then save -----------------------------------------------------------------
    @on(Input.Changed, "#berkas")
    def _berkas_berubah(self) -> None:
        """Another file: check it before anything can be saved."""
        self._berkas = None
        self.query_one("#simpan", Button).disabled = True
        self.query_one("#simpan-sah", Button).disabled = True

    @on(Input.Submitted, "#berkas")
    @on(Button.Pressed, "#periksa")
    def action_periksa(self) -> None:
        pesan = self.query_one("#pesan", Static)
        try:
            berkas = baca_unggahan(self.query_one("#berkas", Input).value, folder_sesi(self))
        except ValueError as e:
            pesan.update(Text(str(e)))
            return
        except OSError as e:
            pesan.update(Text(f"Gagal membaca berkas: {e.strerror or e}"))
            return
        pesan.update("")
        self._kirim(berkas, pb.MODE_UNGGAH_UNSPECIFIED)

    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        if self._berkas is not None:
            self._kirim(self._berkas, pb.MODE_UNGGAH_SEMUA)

    @on(Button.Pressed, "#simpan-sah")
    def _simpan_sah(self) -> None:
        if self._berkas is not None:
            self._kirim(self._berkas, pb.MODE_UNGGAH_YANG_SAH)

    @work(exclusive=True, group="xlsx")
    async def _kirim(self, berkas: tuple[str, bytes], mode: pb.ModeUnggah.ValueType) -> None:
        nama, isi = berkas
        periksa = mode == pb.MODE_UNGGAH_UNSPECIFIED
        # A check saves nothing: a fresh id each time; a save keeps its id until answered.
        request_id = uuid.uuid4().hex if periksa else self._permintaan.ambil()
        kepala = pb.UnggahXlsxRequest(
            request_id=request_id,
            mode=mode,
            nama_berkas=nama,
            name=self._penilaian,
            tahun=self._tahun,
            periode=self._periode,
        )
        try:
            with memuat(self.query_one("#unggah-xlsx")):
                hasil = await backend(self).unggah_xlsx(kepala, isi, self._rating)
        except GagalLayanan as e:
            if not periksa:
                self._permintaan.selesai(e)
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if not periksa:
            self._permintaan.selesai()
        if not masih_tampil(self):
            return
        self._disimpan = self._disimpan or hasil.disimpan
        self._tampilkan(hasil, berkas if periksa else None)

    def _tampilkan(self, h: pb.HasilUnggahXlsx, diperiksa: tuple[str, bytes] | None) -> None:
        self._berkas = diperiksa
        ada_perubahan = diperiksa is not None and h.berubah > 0
        self.query_one("#simpan", Button).disabled = not (ada_perubahan and not h.kesalahan)
        self.query_one("#simpan-sah", Button).disabled = not (ada_perubahan and bool(h.kesalahan))
        teks = ringkasan(h)
        if diperiksa is not None and h.berubah:
            teks += (
                " Simpan: semua baris harus sah."
                if not h.kesalahan
                else " Perbaiki lalu Periksa lagi, atau Simpan yang sah (baris yang ditolak tidak disimpan)."
            )
        self.query_one("#ringkasan", Static).update(Text(teks))
        table = self.query_one(TabelTeks)
        table.clear()
        for k in h.kesalahan:
            table.add_row(k.lembar, str(k.baris), k.kolom, f"{k.judul}: {k.pesan}" if k.judul else k.pesan)
        table.display = bool(h.kesalahan)
        kurva = self.query_one("#kurva-unggah", Static)
        if self._rating and h.HasField("kurva"):
            from tui.screens.lihat_kurva import gambar

            judul = "Kurva bawahan bila disimpan:" if diperiksa is not None else "Kurva bawahan:"
            kurva.update(Text(judul) if not h.kurva.distribusi else gambar(h.kurva))
            self.query_one("#ringkasan", Static).update(Text(f"{teks}\n{judul}"))
        else:
            kurva.update("")
        if h.disimpan:
            self.notify(teks, title=self._judul, timeout=10, markup=False)
