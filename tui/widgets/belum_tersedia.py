"""The page of a menu entry that this version does not have yet: it says so,
and shows no made-up content."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class BelumTersedia(Static):
    def tampilkan(self, nama: str) -> None:
        self.update(
            Text.assemble(
                (nama, "bold"),
                "\n\n",
                f"Menu {nama} belum tersedia pada versi ini.\n\n"
                "Yang sudah tersedia: Profil (Data Pribadi, Data Atasan, List Pegawai Satu Unit Kerja, "
                "List Pegawai Bawahan, Klaim Pimpinan Unit Kerja, PLT/PLH), Edit Profil, Ubah Password, SKP "
                "(Daftar SKP, Detail SKP, Matriks Peran Hasil, SKP Bawahan, Penilaian) dan Dashboard.\n\n"
                "Tekan p untuk kembali ke Profil.",
            )
        )
