"""Tambah PLT/PLH (docs/domain.md#plt-dan-plh): jenis, the unit led as Plt./Plh., and
the period as in the SK (DD/MM/YYYY, as the web form takes it). For the
signed-in pegawai, or, by admin and helpdesk (`alasan=True`), for the
pegawai named, with a reason and a confirmation."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioSet

from tui import format as fmt
from tui.layanan import backend
from tui.screens.form_aksi import FormAksiScreen, Salah
from tui.widgets.pilih_unor import PilihUnor
from tui.widgets.pilihan import RadioButton

Penugasan = tuple[str, bool, dt.date, dt.date]  # unor_id, PLT (else PLH), mulai, selesai


class TambahPenugasanScreen(FormAksiScreen):
    JUDUL = "Tambah PLT / PLH"
    KELAS = "dialog dialog-besar"
    FOKUS = "#jenis"
    ISIAN = {"tanggal_mulai": "#mulai", "tanggal_selesai": "#selesai", "unor_id": ".cari-unor"}

    def __init__(self, pegawai: profil_pb2.Pegawai | None = None, alasan: bool = False) -> None:
        """`pegawai`: whom it is for (default: the signed-in pegawai)."""
        super().__init__(alasan)
        self._pegawai = pegawai

    def judul(self) -> str:
        return f"{self.JUDUL} - {self._pegawai.nama}" if self._pegawai else self.JUDUL

    def isian(self) -> ComposeResult:
        with RadioSet(id="jenis", compact=True, classes="mendatar"):
            yield RadioButton("PLT (pelaksana tugas)", value=True, id="plt")
            yield RadioButton("PLH (pelaksana harian)", id="plh")
        yield Label("UNIT KERJA PLT/PLH", markup=False)
        yield PilihUnor(id="unor")
        with Horizontal(classes="baris-tanggal"):
            with Vertical():
                yield Label("PERIODE AWAL", markup=False)
                yield Input(compact=True, value=fmt.isian_tanggal(dt.date.today()), placeholder="DD/MM/YYYY",
                            id="mulai", max_length=10)
            with Vertical():
                yield Label("PERIODE AKHIR", markup=False)
                yield Input(compact=True, placeholder="DD/MM/YYYY", id="selesai", max_length=10)

    @on(Input.Submitted, "#mulai")
    def _ke_selesai(self) -> None:
        self.query_one("#selesai", Input).focus()

    @on(Input.Submitted, "#selesai")
    def _dari_selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> Penugasan:
        unor_id = self.query_one(PilihUnor).terpilih
        if not unor_id:
            raise Salah("Pilih UNIT KERJA PLT/PLH: cari lalu tekan Enter pada unit kerja.", ".cari-unor")
        try:
            mulai = fmt.baca_tanggal(self.query_one("#mulai", Input).value, "PERIODE AWAL")
        except ValueError as e:
            raise Salah(str(e), "#mulai") from None
        try:
            selesai = fmt.baca_tanggal(self.query_one("#selesai", Input).value, "PERIODE AKHIR")
        except ValueError as e:
            raise Salah(str(e), "#selesai") from None
        if selesai < mulai:
            raise Salah("PERIODE AKHIR tidak boleh sebelum PERIODE AWAL.", "#selesai")
        return unor_id, self.query_one("#plt", RadioButton).value, mulai, selesai

    def pertanyaan(self, nilai: Penugasan) -> str:
        _, plt, mulai, selesai = nilai
        nama = self._pegawai.nama if self._pegawai else "Anda"
        return (f"{nama} dicatat sebagai {'Plt.' if plt else 'Plh.'} pimpinan "
                f"{self.query_one(PilihUnor).nama_terpilih}, {fmt.periode(fmt.dari_date(mulai), fmt.dari_date(selesai))}.")

    async def kirim(self, request_id: str, nilai: Penugasan, alasan: str) -> profil_pb2.Penugasan:
        nip = self._pegawai.nip if self._pegawai else None
        return await backend(self).tambah_penugasan(request_id, *nilai, nip=nip, alasan=alasan)
