"""Kirim Kode Reset (helpdesk): a single-use reset code, as Lupa Password
sends it, mailed to the pegawai's registered address. Nothing secret is
shown here; the answer is the masked address and when the code expires,
for the helpdesk to tell the pegawai where to look."""

from __future__ import annotations

from ekinerja.profil.v1 import auth_pb2
from ekinerja.profil.v1 import profil_pb2 as ppb
from textual.app import ComposeResult

from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class KirimKodeResetScreen(FormAksiScreen):
    JUDUL = "Kirim Kode Reset Password"
    TOMBOL = "Kirim Kode"
    PROSES = "Mengirim..."
    ALASAN_UMUM = (
        ("Lupa password", "Pegawai lupa password dan menghubungi helpdesk; identitasnya sudah dicek"),
        ("Tidak bisa masuk", "Pegawai tidak dapat masuk dengan passwordnya; identitasnya sudah dicek"),
        ("Permintaan OPD", "Permintaan pengelola kepegawaian OPD pegawai ini"),
    )

    def __init__(self, pegawai: ppb.Pegawai) -> None:
        super().__init__(alasan=True)
        self._p = pegawai

    def isian(self) -> ComposeResult:
        yield Petunjuk(
            f"Kode reset sekali pakai (berlaku 15 menit) dikirim ke email terdaftar {self._p.nama} "
            f"({self._p.nip}). Pegawai memasukkannya di Lupa Password (ctrl+r pada layar login) bersama "
            "password baru; password lama tetap berlaku sampai itu selesai.",
        )

    def pertanyaan(self, nilai: None) -> str:
        return f"Kode reset password dikirim ke email terdaftar {self._p.nama} ({self._p.nip})."

    async def kirim(self, request_id: str, nilai: None, alasan: str) -> auth_pb2.KirimKodeResetResponse:
        return await backend(self).kirim_kode_reset(request_id, self._p.nip, alasan)
