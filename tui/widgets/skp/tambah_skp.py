"""Tambah SKP and Edit SKP (docs/domain.md#periode-dan-pendekatan): the period (typed
DD/MM/YYYY as on the web form) and the pendekatan, under the unit kerja and
atasan the SKP will name. Tambah only: an SKP PLT/PLH for one of the
pegawai's Plt./Plh. assignments, whose period it takes. The period rules
(order, one year, overlaps) are the server's; its answer lands on the field.
Saving, the messages and the request_id are the shared form's (form_aksi.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ekinerja.profil.v1 import profil_pb2
from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, RadioSet, Select, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.dialog.form_aksi import FormAksiScreen, Salah, TidakBerubah
from tui.dialog.isian_periode import IsianPeriode
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import Checkbox, RadioButton
from tui.widgets.profil.label_nilai import kv

HasilForm = pb.Skp | Literal["usang"] | None
ISIAN = {"periode_awal": "#awal", "periode_akhir": "#akhir", "pendekatan": "#pendekatan", "unor_plt_id": "#unor-plt"}
PETUNJUK = (
    "Silahkan tentukan periode SKP dan jenis SKP. Ada dua jenis SKP: Kuantitatif (menggunakan target "
    "berbasis angka) dan Kualitatif (tidak menggunakan target berbasis angka)."
)
CEK = (
    "Cek terlebih dahulu data Unit Kerja dan Atasan sebelum membuat SKP. Jika terdapat kesalahan bisa "
    "dilakukan perubahan pada menu Profil."
)

DISETUJUI = (
    "SKP ini sudah disetujui dan tetap disetujui setelah diubah (cut-off karena mutasi atau promosi). "
    "Periode penilaian yang sudah berisi isian atau rating tidak dapat dibuang."
)


Nilai = tuple[dt.date, dt.date, int, str]  # awal, akhir, pendekatan, unor PLT/PLH


class TambahSkpScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#awal"
    ISIAN = ISIAN

    def __init__(self, skp: pb.Skp | None = None) -> None:
        super().__init__()
        self._skp = skp
        self._penugasan: dict[str, profil_pb2.Penugasan] = {}
        self._pegawai: profil_pb2.Pegawai | None = None
        self._acuan_dimuat: dt.date | None = None

    def judul(self) -> str:
        return "Edit SKP" if self._skp else "Tambah SKP"

    def isian(self) -> ComposeResult:
        s = self._skp
        tahun = dt.date.today().year
        awal = fmt.ke_date(s.periode_awal) if s else dt.date(tahun, 1, 1)
        akhir = fmt.ke_date(s.periode_akhir) if s else dt.date(tahun, 12, 31)
        kuantitatif = s is None or s.pendekatan != pb.PENDEKATAN_KUALITATIF
        yield Static("Memuat...", id="cek-skp", markup=False)
        yield Petunjuk(CEK)
        if s is None:
            yield Checkbox("SKP PLT / PLH", compact=True, id="plt")
            with Vertical(id="baris-plt", classes="tersembunyi"):
                yield Label("UNOR PLT/PLH", markup=False)
                yield Select[str]([], compact=True, prompt="-- Pilih penugasan Plt./Plh. --", id="unor-plt")
                yield Petunjuk("", id="info-plt")
        yield IsianPeriode(awal, akhir, ("awal", "akhir"))
        yield Label("PENDEKATAN", markup=False)
        with RadioSet(id="pendekatan", compact=True, classes="mendatar"):
            yield RadioButton("Kuantitatif", value=kuantitatif, id="kuantitatif")
            yield RadioButton("Kualitatif", value=not kuantitatif, id="kualitatif")
        yield Petunjuk(PETUNJUK)
        if s is not None and s.status == pb.STATUS_SKP_PERSETUJUAN:
            yield Petunjuk(DISETUJUI, id="petunjuk-disetujui")

    def on_mount(self) -> None:
        super().on_mount()
        if self._skp is not None:
            self._tampilkan_cek(self._skp.unor_nama, self._skp.penilai, self._skp.penilai.unor_nama)
        else:
            self._muat_cek()

    # --- UNIT KERJA / ATASAN / UNIT KERJA ATASAN --------------------------------------
    def _tampilkan_cek(
        self, unit: str, atasan: pb.Identitas | profil_pb2.PegawaiRingkas | None, unit_atasan: str, keterangan: str = ""
    ) -> None:
        nama_atasan = (
            f"{atasan.nama}\n{atasan.jabatan}"
            if atasan is not None and atasan.nip
            else (keterangan or "Tidak ada atasan di dalam sistem.")
        )
        self.query_one("#cek-skp", Static).update(
            kv([("UNIT KERJA", unit), ("ATASAN", Text(nama_atasan)), ("UNIT KERJA ATASAN", unit_atasan)])
        )

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
            self._muat_penugasan()  # the focus stays on the box: Tab goes on to UNOR PLT/PLH below it
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
        pilih.set_options(
            (fmt.teks(f"{t.jabatan} ({fmt.periode(t.tanggal_mulai, t.tanggal_selesai)})"), t.name) for t in daftar
        )
        if not daftar:
            self.query_one("#pesan", Static).update(
                "Anda belum memiliki penugasan Plt./Plh. Catat dulu di Profil > PLT/PLH (Tambah PLT/PLH)."
            )

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
            f"{mulai.year + 1}."
            if lanjut and lanjut > akhir_tahun
            else ""
        )
        self._muat_cek(t)

    # --- saving -----------------------------------------------------------------------
    @on(Input.Submitted, "#akhir")
    def _dari_akhir(self) -> None:
        self.action_simpan()

    def baca(self) -> Nilai:
        unor_plt = ""
        if self._skp is None and self.query_one("#plt", Checkbox).value:
            t = self._penugasan.get(str(self.query_one("#unor-plt", Select).value))
            if t is None:
                raise Salah("Pilih UNOR PLT/PLH dari penugasan Plt./Plh. Anda.", "#unor-plt")
            unor_plt = t.unor_id
        awal, akhir = self.query_one(IsianPeriode).baca()
        kuantitatif = self.query_one("#kuantitatif", RadioButton).value
        return awal, akhir, pb.PENDEKATAN_KUANTITATIF if kuantitatif else pb.PENDEKATAN_KUALITATIF, unor_plt

    async def kirim(self, request_id: str, nilai: Nilai, alasan: str) -> Any:
        awal, akhir, pendekatan, unor_plt = nilai
        if self._skp is None:
            return await backend(self).tambah_skp(request_id, awal, akhir, pendekatan, unor_plt)
        hasil = await backend(self).ubah_skp(request_id, self._skp, awal, akhir, pendekatan)
        if hasil is None:
            raise TidakBerubah("Tidak ada perubahan.")
        return hasil
