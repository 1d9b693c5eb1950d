"""Muat Ulang of an SKP's PEJABAT PENILAI KINERJA by admin or helpdesk: the
penilai is resolved again by the atasan rules from today's Profil (after a
move, a Klaim or a PLT/PLH), as the pegawai's own Muat Ulang does, with a
reason. A change of penilai is recorded in the SKP's Riwayat."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual.app import ComposeResult

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


def penilai(skp: pb.Skp) -> str:
    return f"{skp.penilai.nama} ({skp.penilai.nip})" if skp.penilai.nip else "tidak ada (puncak instansi)"


class MuatUlangPenilaiScreen(FormAksiScreen):
    JUDUL = "Muat Ulang Pejabat Penilai"
    TOMBOL = "Muat Ulang"
    PROSES = "Memproses..."
    ALASAN_UMUM = (
        (
            "Atasan berubah",
            "Atasan pegawai berubah (mutasi, pimpinan baru atau PLT/PLH); penilai mengikuti Profil terbaru",
        ),
        ("Penilai salah", "Pejabat penilai pada SKP salah menurut laporan pegawai; ditentukan ulang dari Profil"),
    )

    def __init__(self, skp: pb.Skp, menurut_profil: str = "") -> None:
        """`menurut_profil`: who the atasan rules name today, when known (a preview)."""
        super().__init__(alasan=True)
        self._skp = skp
        self._menurut_profil = menurut_profil

    def isian(self) -> ComposeResult:
        s = self._skp
        baris = [
            f"SKP {s.pegawai.nama}, {fmt.periode(s.periode_awal, s.periode_akhir)} ({fmt.status_skp(s.status)}).",
            f"Penilai tercatat di SKP: {penilai(s)}.",
        ]
        if self._menurut_profil:
            baris.append(f"Atasan menurut Profil hari ini: {self._menurut_profil}.")
        yield Petunjuk("\n".join(baris))

    def pertanyaan(self, nilai: None) -> str:
        s = self._skp
        return (
            f"Pejabat penilai SKP {s.pegawai.nama} periode {fmt.periode(s.periode_awal, s.periode_akhir)} "
            "ditentukan ulang menurut data Profil terbaru."
        )

    async def kirim(self, request_id: str, nilai: None, alasan: str) -> pb.Skp:
        return await backend(self).muat_ulang_skp(request_id, self._skp.name, pb.PIHAK_SKP_PENILAI, alasan)
