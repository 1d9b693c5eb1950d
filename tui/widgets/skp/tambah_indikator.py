"""Tambah Indikator and Edit Indikator (docs/domain.md#indikator-dan-target): the
aspek, the indikator kinerja individu and its target tahunan. A Kuantitatif
SKP needs a numeric target with a unit ("12 bulan", a range "80-100 %",
"Rp 50.000.000"); the server checks it and its answer lands on the field.
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from typing import Any

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, RadioSet, TextArea

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah, TidakBerubah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton

ISIAN = {"aspek": "#aspek", "teks": "#indikator", "target": "#target"}
PETUNJUK = (
    "Silahkan isi keterangan terkait indikator dari RHK yang anda buat. Untuk SKP Kuantitatif, Anda juga "
    "diharuskan mengisi target dari indikator tersebut."
)


class TambahIndikatorScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#aspek"
    ISIAN = ISIAN

    def __init__(self, skp: pb.Skp, rhk: pb.Rhk, indikator: pb.Indikator | None = None) -> None:
        super().__init__()
        self._skp = skp
        self._rhk = rhk
        self._indikator = indikator

    def judul(self) -> str:
        return "Edit Indikator" if self._indikator else "Tambah Indikator"

    def isian(self) -> ComposeResult:
        ind = self._indikator
        kuantitatif = self._skp.pendekatan == pb.PENDEKATAN_KUANTITATIF
        yield Petunjuk(f"RHK: {self._rhk.teks}")
        yield Label("ASPEK", markup=False)
        with RadioSet(id="aspek", compact=True, classes="mendatar"):
            for k, v in fmt.ASPEK.items():
                yield RadioButton(v, value=ind is not None and ind.aspek == k, id=f"aspek-{k}")
        yield Label("INDIKATOR", markup=False)
        yield TextArea(ind.teks if ind else "", compact=True, id="indikator")
        yield Label(
            "TARGET" + (" (angka di atas 0 dan satuan: 12 bulan, 80-100 %, Rp 50.000.000)" if kuantitatif else ""),
            markup=False,
        )
        yield Input(compact=True, value=ind.target if ind else "", placeholder="12 bulan", id="target")
        yield Petunjuk(PETUNJUK)

    @on(Input.Submitted, "#target")
    def _dari_target(self) -> None:
        self.action_simpan()

    def baca(self) -> dict[str, Any]:
        aspek = next((k for k in fmt.ASPEK if self.query_one(f"#aspek-{k}", RadioButton).value), 0)
        teks = " ".join(self.query_one("#indikator", TextArea).text.split())
        if not aspek:
            raise Salah("ASPEK wajib dipilih (Kuantitas, Kualitas, Waktu atau Biaya).", "#aspek")
        if not teks:
            raise Salah("INDIKATOR wajib diisi.", "#indikator")
        return {"aspek": aspek, "teks": teks, "target": self.query_one("#target", Input).value.strip()}

    async def kirim(self, request_id: str, nilai: dict[str, Any], alasan: str) -> pb.Indikator:
        if self._indikator is None:
            return await backend(self).tambah_indikator(request_id, self._rhk.name, pb.Indikator(**nilai))
        hasil = await backend(self).ubah_indikator(request_id, self._indikator, nilai)
        if hasil is None:
            raise TidakBerubah("Tidak ada perubahan.")
        return hasil
