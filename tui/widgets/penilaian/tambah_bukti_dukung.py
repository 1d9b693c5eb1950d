"""Tambah Bukti Dukung and Edit Bukti Dukung (docs/domain.md#pelaksanaan-kinerja):
the name of the document and the link to it on Google Drive, Dropbox or the
like. Whether the link is acceptable is the server's rule; its answer lands
on the field."""

from __future__ import annotations

from typing import ClassVar

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk

PETUNJUK = (
    "Isikan nama dokumen bukti dukung, lalu tempel link ke berkasnya (Google Drive, Dropbox, dll.) yang "
    "dapat dibuka oleh penilai, diawali https://."
)


class TambahBuktiDukungScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#nama-bukti"
    ISIAN: ClassVar[dict[str, str]] = {"nama": "#nama-bukti", "tautan": "#tautan"}

    def __init__(self, penilaian: str, rhk_name: str, rhk_teks: str, bukti: pb.BuktiDukung | None = None) -> None:
        """`penilaian`: "penilaian/{skp}/periode/{kode}", the parent."""
        super().__init__()
        self._penilaian = penilaian
        self._rhk = rhk_name
        self._rhk_teks = rhk_teks
        self._bukti = bukti

    def judul(self) -> str:
        return "Edit Bukti Dukung" if self._bukti else "Tambah Bukti Dukung"

    def isian(self) -> ComposeResult:
        b = self._bukti
        yield Petunjuk(f"RHK: {self._rhk_teks}")
        yield Label("NAMA BUKTI DUKUNG", markup=False)
        yield Input(b.nama if b else "", compact=True, id="nama-bukti")
        yield Label("BUKTI DUKUNG (LINK KE FILE GOOGLE DRIVE/DROPBOX/ETC)", markup=False)
        yield Input(b.tautan if b else "", compact=True, placeholder="https://drive.google.com/...", id="tautan")
        yield Petunjuk(PETUNJUK)

    @on(Input.Submitted, "#nama-bukti")
    def _ke_tautan(self) -> None:
        self.query_one("#tautan").focus()

    @on(Input.Submitted, "#tautan")
    def _selesai(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> tuple[str, str]:
        nama = " ".join(self.query_one("#nama-bukti", Input).value.split())
        tautan = self.query_one("#tautan", Input).value.strip()
        for nilai, label, isian in (
            (nama, "NAMA BUKTI DUKUNG", "#nama-bukti"),
            (tautan, "BUKTI DUKUNG (LINK)", "#tautan"),
        ):
            if not nilai:
                raise Salah(f"{label} wajib diisi.", isian)
        return nama, tautan

    async def kirim(self, request_id: str, nilai: tuple[str, str], alasan: str) -> pb.BuktiDukung:
        nama, tautan = nilai
        if self._bukti is None:
            return await backend(self).tambah_bukti_dukung(request_id, self._penilaian, self._rhk, nama, tautan)
        return await backend(self).ubah_bukti_dukung(request_id, self._bukti, nama, tautan)
