"""Tambah SKP and Edit SKP (docs/domain.md#periode-dan-pendekatan): the period (typed
DD/MM/YYYY as on the web form) and the pendekatan, under the unit kerja and
atasan the SKP will name. Tambah only: an SKP PLT/PLH for one of the
pegawai's Plt./Plh. assignments, whose period it takes. The period rules
(order, one year, overlaps) are the server's; its answer lands on the field."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ekinerja.profil.v1 import profil_pb2
from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, RadioButton, RadioSet, Select, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.profil.label_nilai import kv

HasilForm = pb.Skp | Literal["usang"] | None
ISIAN = {"periode_awal": "#awal", "periode_akhir": "#akhir", "pendekatan": "#pendekatan",
         "unor_plt_id": "#unor-plt"}
PETUNJUK = ("Silahkan tentukan periode SKP dan jenis SKP. Ada dua jenis SKP: Kuantitatif (menggunakan target "
            "berbasis angka) dan Kualitatif (tidak menggunakan target berbasis angka).")
CEK = ("Cek terlebih dahulu data Unit Kerja dan Atasan sebelum membuat SKP. Jika terdapat kesalahan bisa "
       "dilakukan perubahan pada menu Profil.")

DISETUJUI = ("SKP ini sudah disetujui dan tetap disetujui setelah diubah (cut-off karena mutasi atau promosi). "
             "Periode penilaian yang sudah berisi isian atau rating tidak dapat dibuang.")


class TambahSkpScreen(ModalScreen[HasilForm]):
    BINDINGS = [Binding("escape", "batal", "Batal"), Binding("ctrl+s", "simpan", "Simpan")]

    def __init__(self, skp: pb.Skp | None = None) -> None:
        super().__init__()
        self._skp = skp
        self._permintaan = IdPermintaan()
        self._penugasan: dict[str, profil_pb2.Penugasan] = {}
        self._pegawai: profil_pb2.Pegawai | None = None
        self._acuan_dimuat: dt.date | None = None

    def compose(self) -> ComposeResult:
        s = self._skp
        tahun = dt.date.today().year
        awal = fmt.ke_date(s.periode_awal) if s else dt.date(tahun, 1, 1)
        akhir = fmt.ke_date(s.periode_akhir) if s else dt.date(tahun, 12, 31)
        kuantitatif = s is None or s.pendekatan != pb.PENDEKATAN_KUALITATIF
        with VerticalScroll(classes="dialog dialog-besar dialog-lebar"):
            yield Static("Edit SKP" if s else "Tambah SKP", classes="judul", markup=False)
            yield Static("Memuat...", id="cek-skp", markup=False)
            yield Static(CEK, classes="petunjuk", markup=False)
            if s is None:
                yield Checkbox("SKP PLT / PLH", compact=True, id="plt")
                with Vertical(id="baris-plt", classes="tersembunyi"):
                    yield Label("UNOR PLT/PLH", markup=False)
                    yield Select[str]([], compact=True, prompt="-- Pilih penugasan Plt./Plh. --", id="unor-plt")
                    yield Static("", id="info-plt", classes="petunjuk", markup=False)
            with Horizontal(classes="baris-tanggal"):
                with Vertical():
                    yield Label("PERIODE AWAL", markup=False)
                    yield Input(compact=True, value=fmt.isian_tanggal(awal) if awal else "", placeholder="DD/MM/YYYY",
                                id="awal", max_length=10)
                with Vertical():
                    yield Label("PERIODE AKHIR", markup=False)
                    yield Input(compact=True, value=fmt.isian_tanggal(akhir) if akhir else "",
                                placeholder="DD/MM/YYYY", id="akhir", max_length=10)
            yield Label("PENDEKATAN", markup=False)
            with RadioSet(id="pendekatan", compact=True, classes="mendatar"):
                yield RadioButton("Kuantitatif", value=kuantitatif, id="kuantitatif")
                yield RadioButton("Kualitatif", value=not kuantitatif, id="kualitatif")
            yield Static(PETUNJUK, classes="petunjuk", markup=False)
            if s is not None and s.status == pb.STATUS_SKP_PERSETUJUAN:
                yield Static(DISETUJUI, classes="petunjuk", id="petunjuk-disetujui", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#awal", Input).focus()
        if self._skp is not None:
            self._tampilkan_cek(self._skp.unor_nama, self._skp.penilai, self._skp.penilai.unor_nama)
        else:
            self._muat_cek()

    # --- UNIT KERJA / ATASAN / UNIT KERJA ATASAN --------------------------------------
    def _tampilkan_cek(self, unit: str, atasan: pb.Identitas | profil_pb2.PegawaiRingkas | None,
                       unit_atasan: str, keterangan: str = "") -> None:
        nama_atasan = f"{atasan.nama}\n{atasan.jabatan}" if atasan is not None and atasan.nip else (
            keterangan or "Tidak ada atasan di dalam sistem.")
        self.query_one("#cek-skp", Static).update(kv([
            ("UNIT KERJA", unit), ("ATASAN", Text(nama_atasan)), ("UNIT KERJA ATASAN", unit_atasan)]))

    def _acuan(self) -> dt.date:
        """The day the server resolves the penilai on: today, moved into the
        period typed (an SKP of a past year gets the atasan of its last day)."""
        hari_ini = dt.date.today()
        try:
            awal = fmt.baca_tanggal(self.query_one("#awal", Input).value)
            akhir = fmt.baca_tanggal(self.query_one("#akhir", Input).value)
        except ValueError:
            return hari_ini
        return min(max(hari_ini, awal), akhir) if awal <= akhir else hari_ini

    def _penugasan_terpilih(self) -> profil_pb2.Penugasan | None:
        if self._skp is not None or not self.query_one("#plt", Checkbox).value:
            return None
        return self._penugasan.get(str(self.query_one("#unor-plt", Select).value))

    @on(Input.Changed, "#awal, #akhir")
    def _periode_berubah(self) -> None:
        if self._skp is None and self._acuan() != self._acuan_dimuat:
            self._muat_cek(self._penugasan_terpilih())

    @work(exclusive=True, group="cek")
    async def _muat_cek(self, penugasan: profil_pb2.Penugasan | None = None) -> None:
        acuan = self._acuan_dimuat = self._acuan()
        try:
            with memuat(self.query_one("#cek-skp")):
                if self._pegawai is None:
                    self._pegawai = await backend(self).pegawai()
                a = await backend(self).atasan(unor_plt=penugasan.unor_id if penugasan else "", tanggal=acuan)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                self.query_one("#cek-skp", Static).update(Text(f"Unit kerja dan atasan gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        atasan = a.atasan if a.HasField("atasan") else None
        if penugasan is None:
            self._tampilkan_cek(self._pegawai.unor.nama, atasan, self._pegawai.unor_atasan.nama, a.keterangan)
        else:
            self._tampilkan_cek(penugasan.unor_nama, atasan, atasan.unor_nama if atasan else "-", a.keterangan)

    # --- SKP PLT / PLH --------------------------------------------------------------
    @on(Checkbox.Changed, "#plt")
    def _plt(self, event: Checkbox.Changed) -> None:
        self.query_one("#baris-plt").set_class(not event.value, "tersembunyi")
        if event.value:
            self._muat_penugasan()
            self.query_one("#unor-plt").focus()
        else:
            self.query_one("#unor-plt", Select).clear()
            self._muat_cek()

    @work(exclusive=True, group="penugasan")
    async def _muat_penugasan(self) -> None:
        try:
            daftar = await backend(self).penugasan()
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if not masih_tampil(self):
            return
        daftar.sort(key=lambda t: (t.tanggal_mulai.year, t.tanggal_mulai.month, t.tanggal_mulai.day), reverse=True)
        self._penugasan = {t.name: t for t in daftar}
        pilih = self.query_one("#unor-plt", Select)
        # Literal Text: a Select reads a str option as markup.
        pilih.set_options((fmt.teks(f"{t.jabatan} ({fmt.periode(t.tanggal_mulai, t.tanggal_selesai)})"), t.name)
                          for t in daftar)
        if not daftar:
            self.query_one("#pesan", Static).update(
                "Anda belum memiliki penugasan Plt./Plh. Catat dulu di Profil > PLT/PLH (Tambah PLT/PLH).")

    @on(Select.Changed, "#unor-plt")
    def _unor_plt(self, event: Select.Changed) -> None:
        t = self._penugasan.get(str(event.value))
        if t is None:
            return
        # The SKP PLT/PLH covers the assignment, within one year (an SKP never
        # spans two): an assignment into the next year needs a second SKP.
        mulai = fmt.ke_date(t.tanggal_mulai) or dt.date.today()
        akhir_tahun = dt.date(mulai.year, 12, 31)
        selesai = min(fmt.ke_date(t.tanggal_selesai) or akhir_tahun, akhir_tahun)
        self.query_one("#awal", Input).value = fmt.isian_tanggal(mulai)
        self.query_one("#akhir", Input).value = fmt.isian_tanggal(selesai)
        lanjut = fmt.ke_date(t.tanggal_selesai)
        self.query_one("#pesan", Static).update("")
        self.query_one("#info-plt", Static).update(
            f"Penugasan berlanjut sampai {fmt.tanggal(t.tanggal_selesai)}: buat SKP PLT/PLH kedua untuk tahun "
            f"{mulai.year + 1}." if lanjut and lanjut > akhir_tahun else "")
        self._muat_cek(t)

    # --- saving -----------------------------------------------------------------------
    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#awal")
    def _ke_akhir(self) -> None:
        self.query_one("#akhir", Input).focus()

    @on(Input.Submitted, "#akhir")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        unor_plt = ""
        if self._skp is None and self.query_one("#plt", Checkbox).value:
            nilai = self.query_one("#unor-plt", Select).value
            t = self._penugasan.get(str(nilai))
            if t is None:
                self._gagal("Pilih UNOR PLT/PLH dari penugasan Plt./Plh. Anda.", "#unor-plt")
                return
            unor_plt = t.unor_id
        try:
            awal = fmt.baca_tanggal(self.query_one("#awal", Input).value, "PERIODE AWAL")
        except ValueError as e:
            self._gagal(str(e), "#awal")
            return
        try:
            akhir = fmt.baca_tanggal(self.query_one("#akhir", Input).value, "PERIODE AKHIR")
        except ValueError as e:
            self._gagal(str(e), "#akhir")
            return
        kuantitatif = self.query_one("#kuantitatif", RadioButton).value
        self._simpan(awal, akhir, pb.PENDEKATAN_KUANTITATIF if kuantitatif else pb.PENDEKATAN_KUALITATIF, unor_plt)

    def _gagal(self, pesan: str, isian: str) -> None:
        self.query_one("#pesan", Static).update(pesan)
        self.query_one(isian).focus()

    @work(exclusive=True)
    async def _simpan(self, awal: dt.date, akhir: dt.date, pendekatan: int, unor_plt: str) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        hasil: pb.Skp | None  # None: nothing changed
        try:
            if self._skp is None:
                hasil = await backend(self).tambah_skp(self._permintaan.ambil(), awal, akhir, pendekatan, unor_plt)
            else:
                hasil = await backend(self).ubah_skp(self._permintaan.ambil(), self._skp, awal, akhir, pendekatan)
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
