"""Edit Profil (docs/domain.md#pegawai): JABATAN and UNIT KERJA, the two things that
decide who the atasan is. Only what changed is sent, with the etag read
before, so a change made elsewhere in the meantime is not overwritten.
Admin and helpdesk fixing someone's profile (`alasan=True`) give a reason
and confirm first."""

from __future__ import annotations

from typing import Literal

from ekinerja.profil.v1 import profil_pb2
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label

from tui.dialog.form_aksi import FormAksiScreen, Salah, TidakBerubah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilih_unor import PilihUnor

HasilEdit = Literal["disimpan", "usang"]
Perubahan = tuple[str | None, str | None]  # jabatan, unor_id; None = unchanged


class EditProfilScreen(FormAksiScreen):
    JUDUL = "Edit Profil"
    KELAS = "dialog dialog-besar"
    FOKUS = "#jabatan"
    ISIAN = {"jabatan": "#jabatan", "unor_id": ".cari-unor"}
    ALASAN_UMUM = (
        ("Mutasi sesuai SK", "Mutasi atau rotasi sesuai SK; UNIT KERJA/JABATAN disesuaikan"),
        ("Salah data impor", "Data Profil keliru sejak impor; diperbaiki sesuai data kepegawaian"),
        ("Laporan pegawai", "Laporan pegawai yang bersangkutan, sudah dicek dengan data kepegawaian"),
    )

    def __init__(self, pegawai: profil_pb2.Pegawai, alasan: bool = False) -> None:
        super().__init__(alasan)
        self._p = pegawai

    def judul(self) -> str:
        return f"Edit Profil {self._p.nama} ({self._p.nip})" if self.wajib_alasan else self.JUDUL

    def isian(self) -> ComposeResult:
        if not self.wajib_alasan:
            yield Petunjuk(
                "Cek terlebih dahulu data Unit Kerja dan Atasan sebelum membuat SKP. Jika terdapat "
                "kesalahan, perbaiki di sini.",
            )
        yield Label("JABATAN", markup=False)
        yield Input(compact=True, value=self._p.jabatan, id="jabatan")
        yield Label("UNIT KERJA", markup=False)
        yield PilihUnor(terpilih=self._p.unor_id, nama=self._p.unor.nama, id="unor")

    @on(Input.Submitted, "#jabatan")
    def _ke_unor(self) -> None:
        self.query_one(".cari-unor", Input).focus()

    @on(PilihUnor.Dipilih)
    def _unor_dipilih(self) -> None:
        self.ke_alasan()

    def baca(self) -> Perubahan:
        jabatan = self.query_one("#jabatan", Input).value.strip()
        unor_id = self.query_one(PilihUnor).terpilih
        if not jabatan:
            raise Salah("JABATAN wajib diisi.", "#jabatan")
        ubah_jabatan = jabatan if jabatan != self._p.jabatan else None
        ubah_unor = unor_id if unor_id and unor_id != self._p.unor_id else None
        if ubah_jabatan is None and ubah_unor is None:
            raise TidakBerubah("Tidak ada perubahan.")
        return ubah_jabatan, ubah_unor

    def pertanyaan(self, nilai: Perubahan) -> str:
        jabatan, unor_id = nilai
        baris = [f"Profil {self._p.nama} ({self._p.nip}) diubah:"]
        if jabatan is not None:
            baris.append(f"- JABATAN: {self._p.jabatan} -> {jabatan}")
        if unor_id is not None:
            baris.append(f"- UNIT KERJA: {self._p.unor.nama} -> {self.query_one(PilihUnor).nama_terpilih}")
        baris.append("Atasan pegawai ini dapat berubah.")
        return "\n".join(baris)

    async def kirim(self, request_id: str, nilai: Perubahan, alasan: str) -> HasilEdit:
        await backend(self).ubah_profil(request_id, self._p, *nilai, alasan=alasan)
        return "disimpan"
