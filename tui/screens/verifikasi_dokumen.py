"""Verifikasi Dokumen (docs/cetak.md#verifikasi): a PDF on this machine (under
the SSH gateway: in this session's folder) checked by the server: whether
each digital signature is valid, who signed and when, whether the file was
changed after signing, and which print record of e-Kinerja it is (its
verification code, or its exact bytes)."""

from __future__ import annotations

import asyncio

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.berkas import baca_unggahan
from tui.layanan import backend, folder_sesi, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import TabelTeks

KOLOM = [("Penanda tangan", 30), ("Waktu", 16), ("Status", 24)]


def status(t: pb.TandaTanganPdf) -> str:
    if t.sah:
        return "SAH"
    if not t.utuh:
        return "TIDAK SAH: rusak"
    if t.berubah_setelahnya:
        return "TIDAK SAH: diubah sesudahnya"
    return "utuh, CA tidak dipercaya"


class VerifikasiDokumenScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "tutup", "Tutup"), Binding("ctrl+s", "periksa", "Periksa")]

    def compose(self) -> ComposeResult:
        sesi = folder_sesi(self)
        with VerticalScroll(classes="dialog dialog-besar dialog-lebar", id="dialog-verifikasi"):
            yield Judul("Verifikasi Dokumen")
            yield Petunjuk(
                "Periksa keaslian dokumen PDF e-Kinerja: tanda tangan elektroniknya dan catatan "
                "cetaknya (kode verifikasi di kaki halaman).",
            )
            with Horizontal(classes="baris-isian"):
                yield Label("BERKAS PDF (nama berkas)" if sesi else "BERKAS PDF", classes="label-isian", markup=False)
                yield Input(
                    compact=True,
                    id="berkas-verifikasi",
                    placeholder="nama berkas di folder sesi" if sesi else "~/ekinerja-cetak/dokumen.pdf",
                )
            if sesi:
                yield Petunjuk(f"Lewat SSH, hanya berkas di folder sesi ini ({sesi}).")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            yield Static("", id="kesimpulan-verifikasi", markup=False)
            yield TabelTeks(id="tabel-verifikasi", cursor_type="row")
            yield Static("", id="rincian-verifikasi", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Periksa", compact=True, variant="primary", id="periksa")
                yield Button("Tutup", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(TabelTeks)
        table.tambah_kolom(KOLOM)
        table.display = False
        self.query_one("#berkas-verifikasi", Input).focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#berkas-verifikasi")
    @on(Button.Pressed, "#periksa")
    def action_periksa(self) -> None:
        self._periksa(self.query_one("#berkas-verifikasi", Input).value)

    @on(Input.Changed, "#berkas-verifikasi")
    def _diubah(self) -> None:
        self.query_one("#pesan", Static).update("")

    @work(exclusive=True)
    async def _periksa(self, teks: str) -> None:
        pesan = self.query_one("#pesan", Static)
        try:
            _, isi = await asyncio.to_thread(baca_unggahan, teks, folder_sesi(self), ".pdf")
        except ValueError as e:
            pesan.update(Text(str(e)))
            self.query_one("#berkas-verifikasi", Input).focus()
            return
        try:
            with memuat(self.query_one("#dialog-verifikasi")):
                hasil = await backend(self).verifikasi_dokumen(isi)
        except GagalLayanan as e:
            laporkan(self, e, pesan, {"isi": "#berkas-verifikasi"})
            return
        if masih_tampil(self):
            pesan.update("")
            self._tampilkan(hasil)

    def _tampilkan(self, h: pb.HasilVerifikasi) -> None:
        self.query_one("#kesimpulan-verifikasi", Static).update(Text(h.kesimpulan, style="bold"))
        table = self.query_one(TabelTeks)
        table.clear()
        for t in h.tanda_tangan:
            table.add_row(
                t.penanda_tangan or t.nama_field, fmt.waktu_singkat(t.waktu) if t.HasField("waktu") else "-", status(t)
            )
        table.display = bool(h.tanda_tangan)
        r = h.riwayat
        baris: list[tuple[str, str | Text]] = [("KODE VERIFIKASI", h.kode_verifikasi or "-"), ("SHA-256", h.sha256)]
        if r.name:
            baris += [
                ("DOKUMEN", fmt.dokumen_cetak(r.jenis, r.sumber)),
                ("PEGAWAI", Text(f"{r.pegawai_nama} ({r.pegawai_nip})")),
                ("DICETAK", Text(f"{fmt.waktu(r.waktu)} oleh {r.pencetak_nama or r.pencetak}")),
                ("SAMA PERSIS", "ya" if h.sama_dengan_cetakan else "tidak (diubah sesudah dicetak)"),
            ]
        for t in h.tanda_tangan:
            baris.append((t.nama_field or "TANDA TANGAN", Text(f"{t.keterangan} Penerbit: {t.penerbit or '-'}")))
        self.query_one("#rincian-verifikasi", Static).update(kv(baris))
