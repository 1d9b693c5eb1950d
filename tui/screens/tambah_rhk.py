"""Tambah RHK and Edit RHK (docs/domain.md#rhk): the RHK atasan
it intervenes (from the atasan's Matriks Peran Hasil), its klasifikasi for a
pimpinan or Plt./Plh. SKP, its jenis and its text. An SKP without a penilai
in the system (top of the instansi) names its Perjanjian Kinerja instead."""

from __future__ import annotations

from typing import Any, Literal

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Select, Static, TextArea

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.skp.hasil_kerja import dengan_klasifikasi

HasilRhk = pb.Rhk | Literal["usang"] | None
ISIAN = {"rhk_atasan": "#rhk-atasan", "klasifikasi": "#klasifikasi", "jenis": "#jenis", "teks": "#teks",
         "perjanjian_kinerja": "#perjanjian"}
PETUNJUK = ("Silahkan tentukan Rencana Hasil Kerja (RHK) yang akan dibuat/disunting. Untuk tiap RHK, tentukan juga "
            "RHK atasan yang diintervensi: setiap RHK Utama wajib mengintervensi salah satu RHK Organisasi atasan "
            "sebelum SKP diajukan. Jika pilihan kosong, pastikan Anda mengikuti proses diskusi kinerja "
            "melalui Matriks Peran Hasil (MPH) dari atasan terlebih dahulu.")
PETUNJUK_KLASIFIKASI = ("RHK Organisasi tertaut dengan organisasi / unit kerja / tim kerja: bila terjadi pergantian "
                        "pimpinan, RHK ini diwariskan ke pejabat selanjutnya di tahun yang sama. RHK Individu tertaut "
                        "secara individu dan tidak diwariskan.")


class TambahRhkScreen(ModalScreen[HasilRhk]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp, rhk: pb.Rhk | None = None, jenis: int = 0) -> None:
        super().__init__()
        self._skp = skp
        self._rhk = rhk
        self._jenis = rhk.jenis if rhk else jenis
        self._penilai = skp.HasField("penilai") and bool(skp.penilai.nip)
        self._klasifikasi = dengan_klasifikasi(skp)
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        r = self._rhk
        with VerticalScroll(classes="dialog dialog-besar dialog-lebar"):
            yield Static("Edit RHK" if r else "Tambah RHK", classes="judul", markup=False)
            if self._penilai:
                yield Label("RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI", markup=False)
                yield Select[str]([], compact=True, prompt="-- Pilih --", id="rhk-atasan")
                yield Static("", id="petunjuk-intervensi", classes="pesan-galat tersembunyi", markup=False)
            else:
                yield Label("PERJANJIAN KINERJA", markup=False)
                yield Static("SKP ini tidak memiliki pejabat penilai di dalam sistem: sebutkan Rencana Kinerja / "
                             "Sasaran Strategis pada Perjanjian Kinerja (PK) yang didukung RHK ini.",
                             classes="petunjuk", markup=False)
                yield Input(compact=True, value=r.perjanjian_kinerja if r else "", id="perjanjian")
            if self._klasifikasi:
                yield Label("KLASIFIKASI RHK", markup=False)
                yield Select[int]([(v, k) for k, v in fmt.KLASIFIKASI_RHK.items()], compact=True,
                                  prompt="-- Pilih --", id="klasifikasi",
                                  value=r.klasifikasi if r and r.klasifikasi else Select.NULL)
            yield Label("JENIS RHK", markup=False)
            with RadioSet(id="jenis", compact=True, classes="mendatar"):
                for k, v in fmt.JENIS_RHK.items():
                    yield RadioButton(v, value=self._jenis == k, id=f"jenis-{k}")
            yield Label("RENCANA HASIL KERJA", markup=False)
            yield TextArea(r.teks if r else "", compact=True, id="teks")
            yield Static(PETUNJUK + (" " + PETUNJUK_KLASIFIKASI if self._klasifikasi else ""), classes="petunjuk",
                         markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self._penilai:
            self.query_one("#rhk-atasan").focus()
            self._muat_intervensi()
        else:
            self.query_one("#perjanjian").focus()

    @work(exclusive=True, group="intervensi")
    async def _muat_intervensi(self) -> None:
        pilih = self.query_one("#rhk-atasan", Select)
        # No loading indicator over the Select: it would take the focus away from it.
        try:
            resp = await backend(self).rhk_intervensi(self._skp.name)
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if not masih_tampil(self):
            return
        # The atasan's words: literal Text (a Select reads a str option as markup).
        pilihan = [(fmt.teks(f"{x.teks} ({x.unor_nama})" if x.unor_nama else x.teks), x.name) for x in resp.rhk]
        if self._rhk and self._rhk.rhk_atasan and all(v != self._rhk.rhk_atasan for _, v in pilihan):
            # Chosen before and no longer offered (the MPH changed): kept visible, so saving keeps it,
            # but Ajukan refuses it (docs/domain.md#rhk), so the label says so.
            pilihan.append((fmt.teks(f"{self._rhk.rhk_atasan_teks or self._rhk.rhk_atasan} (tidak lagi ditawarkan "
                                     "atasan; pilih yang lain sebelum Ajukan)"), self._rhk.rhk_atasan))
        pilih.set_options(pilihan)
        if self._rhk and self._rhk.rhk_atasan:
            pilih.value = self._rhk.rhk_atasan
        petunjuk = self.query_one("#petunjuk-intervensi", Static)
        petunjuk.update(Text(resp.petunjuk or "Belum ada RHK atasan yang dapat diintervensi."))
        petunjuk.set_class(bool(pilihan), "tersembunyi")

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        jenis = next((k for k in fmt.JENIS_RHK if self.query_one(f"#jenis-{k}", RadioButton).value), 0)
        teks = " ".join(self.query_one("#teks", TextArea).text.split())
        if not jenis:
            self._gagal("JENIS RHK wajib dipilih (Utama atau Tambahan).", "#jenis")
            return
        if not teks:
            self._gagal("RENCANA HASIL KERJA wajib diisi.", "#teks")
            return
        nilai: dict[str, Any] = {"jenis": jenis, "teks": teks}
        if self._penilai:
            atasan = self.query_one("#rhk-atasan", Select).value
            nilai["rhk_atasan"] = "" if atasan is Select.NULL else str(atasan)
        else:
            nilai["perjanjian_kinerja"] = self.query_one("#perjanjian", Input).value.strip()
        if self._klasifikasi:
            klasifikasi = self.query_one("#klasifikasi", Select).value
            nilai["klasifikasi"] = 0 if klasifikasi is Select.NULL else int(str(klasifikasi))
        self._simpan(nilai)

    def _gagal(self, pesan: str, isian: str) -> None:
        self.query_one("#pesan", Static).update(pesan)
        self.query_one(isian).focus()

    @work(exclusive=True)
    async def _simpan(self, nilai: dict[str, Any]) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        hasil: pb.Rhk | None  # None: nothing changed
        try:
            if self._rhk is None:
                hasil = await backend(self).tambah_rhk(self._permintaan.ambil(), self._skp.name, pb.Rhk(**nilai))
            else:
                hasil = await backend(self).ubah_rhk(self._permintaan.ambil(), self._rhk, nilai)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, ISIAN):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if not masih_tampil(self):
            return
        if hasil is None:
            self.notify("Tidak ada perubahan.", markup=False)
        self.dismiss(hasil)
