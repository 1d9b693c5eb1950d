"""Tambah RHK and Edit RHK (docs/domain.md#rhk): the RHK atasan
it intervenes (from the atasan's Matriks Peran Hasil), its klasifikasi for a
pimpinan or Plt./Plh. SKP, its jenis and its text. An SKP without a penilai
in the system (top of the instansi) names its Perjanjian Kinerja instead.
An SKP in the JPT / pimpinan unit kerja mandiri format (a Pimpinan of a unor
induk, as cetak decides) also chooses the RHK's perspektif
(docs/domain.md#format-jpt-dan-unit-kerja-mandiri).
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from typing import Any

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet, Select, Static, TextArea

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.dialog.form_aksi import FormAksiScreen, Salah, TidakBerubah
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton

ISIAN = {
    "rhk_atasan": "#rhk-atasan",
    "klasifikasi": "#klasifikasi",
    "jenis": "#jenis",
    "teks": "#teks",
    "perjanjian_kinerja": "#perjanjian",
    "perspektif": "#perspektif",
}
# The annex's perspektif, in its order; the value sent is the text itself.
PERSPEKTIF = (
    "Perspektif Penerima Layanan",
    "Perspektif Proses Bisnis Internal",
    "Perspektif Penguatan Internal",
    "Perspektif Anggaran",
)
TANPA_PERSPEKTIF = "-- Tanpa perspektif --"
PETUNJUK = (
    "Silahkan tentukan Rencana Hasil Kerja (RHK) yang akan dibuat/disunting. Untuk tiap RHK, tentukan juga "
    "RHK atasan yang diintervensi: setiap RHK Utama wajib mengintervensi salah satu RHK Organisasi atasan "
    "sebelum SKP diajukan. Jika pilihan kosong, pastikan Anda mengikuti proses diskusi kinerja "
    "melalui Matriks Peran Hasil (MPH) dari atasan terlebih dahulu."
)
PETUNJUK_KLASIFIKASI = (
    "RHK Organisasi tertaut dengan organisasi / unit kerja / tim kerja: bila terjadi pergantian "
    "pimpinan, RHK ini diwariskan ke pejabat selanjutnya di tahun yang sama. RHK Individu tertaut "
    "secara individu dan tidak diwariskan."
)


def dengan_klasifikasi(skp: pb.Skp) -> bool:
    """KLASIFIKASI RHK belongs to pimpinan and Plt./Plh. SKPs only."""
    return skp.jenis_pegawai == pb.JENIS_PEGAWAI_PIMPINAN or skp.status_pegawai in (
        pb.STATUS_PEGAWAI_PLT,
        pb.STATUS_PEGAWAI_PLH,
    )


class TambahRhkScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    ISIAN = ISIAN

    def __init__(self, skp: pb.Skp, rhk: pb.Rhk | None = None, jenis: int = 0) -> None:
        super().__init__()
        self._skp = skp
        self._rhk = rhk
        self._jenis = rhk.jenis if rhk else jenis
        self._penilai = skp.HasField("penilai") and bool(skp.penilai.nip)
        self._klasifikasi = dengan_klasifikasi(skp)
        self._bisa_jpt = skp.jenis_pegawai == pb.JENIS_PEGAWAI_PIMPINAN and bool(skp.unor_id)
        self._jpt = False
        self.FOKUS = "#rhk-atasan" if self._penilai else "#perjanjian"

    def judul(self) -> str:
        return "Edit RHK" if self._rhk else "Tambah RHK"

    def isian(self) -> ComposeResult:
        r = self._rhk
        if self._penilai:
            yield Label("RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI", markup=False)
            yield Select[str]([], compact=True, prompt="-- Pilih --", id="rhk-atasan")
            yield Static("", id="petunjuk-intervensi", classes="pesan-galat tersembunyi", markup=False)
        else:
            yield Label("PERJANJIAN KINERJA", markup=False)
            yield Petunjuk(
                "SKP ini tidak memiliki pejabat penilai di dalam sistem: sebutkan Rencana Kinerja / "
                "Sasaran Strategis pada Perjanjian Kinerja (PK) yang didukung RHK ini.",
            )
            yield Input(compact=True, value=r.perjanjian_kinerja if r else "", id="perjanjian")
        if self._klasifikasi:
            yield Label("KLASIFIKASI RHK", markup=False)
            yield Select[int](
                [(v, k) for k, v in fmt.KLASIFIKASI_RHK.items()],
                compact=True,
                prompt="-- Pilih --",
                id="klasifikasi",
                value=r.klasifikasi if r and r.klasifikasi else Select.NULL,
            )
        if self._bisa_jpt:
            # Shown once profil says the unit is a unor induk (_cek_jpt).
            yield Label("PERSPEKTIF (FORMAT JPT)", markup=False, id="label-perspektif", classes="tersembunyi")
            yield Select[str](
                [(p, p) for p in PERSPEKTIF],
                compact=True,
                prompt=TANPA_PERSPEKTIF,
                id="perspektif",
                classes="tersembunyi",
                value=r.perspektif if r and r.perspektif in PERSPEKTIF else Select.NULL,
            )
        yield Label("JENIS RHK", markup=False)
        with RadioSet(id="jenis", compact=True, classes="mendatar"):
            for k, v in fmt.JENIS_RHK.items():
                yield RadioButton(v, value=self._jenis == k, id=f"jenis-{k}")
        yield Label("RENCANA HASIL KERJA", markup=False)
        yield TextArea(r.teks if r else "", compact=True, id="teks")
        yield Petunjuk(PETUNJUK + (" " + PETUNJUK_KLASIFIKASI if self._klasifikasi else ""))

    def on_mount(self) -> None:
        super().on_mount()
        if self._penilai:
            self._muat_intervensi()
        if self._bisa_jpt:
            self._cek_jpt()

    @work(exclusive=True, group="jpt")
    async def _cek_jpt(self) -> None:
        """JPT format: the SKP's unit is a unor induk (unit JPT / unit mandiri)."""
        try:
            unor = await backend(self).unor(self._skp.unor_id)
        except GagalLayanan as e:
            laporkan(self, e, self.query_one("#pesan", Static))
            return
        if not masih_tampil(self) or not unor.induk:
            return
        self._jpt = True
        for w in ("#label-perspektif", "#perspektif"):
            self.query_one(w).remove_class("tersembunyi")

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
            pilihan.append(
                (
                    fmt.teks(
                        f"{self._rhk.rhk_atasan_teks or self._rhk.rhk_atasan} (tidak lagi ditawarkan "
                        "atasan; pilih yang lain sebelum Ajukan)"
                    ),
                    self._rhk.rhk_atasan,
                )
            )
        pilih.set_options(pilihan)
        if self._rhk and self._rhk.rhk_atasan:
            pilih.value = self._rhk.rhk_atasan
        petunjuk = self.query_one("#petunjuk-intervensi", Static)
        petunjuk.update(Text(resp.petunjuk or "Belum ada RHK atasan yang dapat diintervensi."))
        petunjuk.set_class(bool(pilihan), "tersembunyi")

    def baca(self) -> dict[str, Any]:
        jenis = next((k for k in fmt.JENIS_RHK if self.query_one(f"#jenis-{k}", RadioButton).value), 0)
        teks = " ".join(self.query_one("#teks", TextArea).text.split())
        if not jenis:
            raise Salah("JENIS RHK wajib dipilih (Utama atau Tambahan).", "#jenis")
        if not teks:
            raise Salah("RENCANA HASIL KERJA wajib diisi.", "#teks")
        nilai: dict[str, Any] = {"jenis": jenis, "teks": teks}
        if self._penilai:
            atasan = self.query_one("#rhk-atasan", Select).value
            nilai["rhk_atasan"] = "" if atasan is Select.NULL else str(atasan)
        else:
            nilai["perjanjian_kinerja"] = self.query_one("#perjanjian", Input).value.strip()
        if self._klasifikasi:
            klasifikasi = self.query_one("#klasifikasi", Select).value
            nilai["klasifikasi"] = 0 if klasifikasi is Select.NULL else int(str(klasifikasi))
        if self._jpt:
            perspektif = self.query_one("#perspektif", Select).value
            nilai["perspektif"] = "" if perspektif is Select.NULL else str(perspektif)
        return nilai

    async def kirim(self, request_id: str, nilai: dict[str, Any], alasan: str) -> pb.Rhk:
        if self._rhk is None:
            return await backend(self).tambah_rhk(request_id, self._skp.name, pb.Rhk(**nilai))
        hasil = await backend(self).ubah_rhk(request_id, self._rhk, nilai)
        if hasil is None:
            raise TidakBerubah("Tidak ada perubahan.")
        return hasil
