"""Admin instansi and helpdesk decide what waits for them
(docs/domain.md#klaim-pimpinan, #plt-dan-plh): a Klaim Pimpinan resting on a
unit or jabatan the pegawai set himself, or a pegawai's request for a PLT/PLH
assignment. Setujui or Tolak, always with ALASAN (the SK when approving, what
the pegawai reads when refused), confirmed before it is sent."""

from __future__ import annotations

from typing import Any

from ekinerja.profil.v1 import profil_pb2 as pb
from textual.app import ComposeResult
from textual.widgets import RadioSet

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton


class _PutuskanScreen(FormAksiScreen):
    TOMBOL = "Putuskan"
    PROSES = "Memproses..."
    KELAS = "dialog dialog-besar"
    FOKUS = "#keputusan"

    def __init__(self) -> None:
        super().__init__(alasan=True)

    def label_alasan(self) -> str:
        return "ALASAN (wajib: nomor SK bila disetujui, sebab bila ditolak)"

    def rincian(self) -> list[str]:
        return []

    def isian(self) -> ComposeResult:
        yield Petunjuk("\n".join(self.rincian()))
        with RadioSet(id="keputusan", compact=True, classes="mendatar"):
            yield RadioButton("Setujui", value=True, id="setujui")
            yield RadioButton("Tolak", id="tolak")

    def baca(self) -> bool:
        return self.query_one("#setujui", RadioButton).value


class PutuskanKlaimScreen(_PutuskanScreen):
    JUDUL = "Verifikasi Klaim Pimpinan"

    def __init__(self, klaim: pb.Klaim) -> None:
        super().__init__()
        self._k = klaim

    def rincian(self) -> list[str]:
        k = self._k
        sekarang = f"{k.pimpinan_sekarang.nama} ({k.pimpinan_sekarang.nip})" if k.pimpinan_sekarang.nip else "belum ada"
        return [
            f"{k.pegawai.nama} ({k.pegawai.nip}) mengklaim pimpinan {k.unor.nama}.",
            f"Jabatan: {k.jabatan}. Jabatan pimpinan unit: {k.jabatan_pimpinan or '-'}.",
            f"Menunggu karena: {k.dasar}.",
            f"Pimpinan sekarang: {sekarang}. Diajukan {fmt.waktu(k.diajukan)}.",
        ]

    def pertanyaan(self, setujui: bool) -> str:
        k = self._k
        if setujui:
            return f"{k.pegawai.nama} menjadi pimpinan {k.unor.nama}; atasan seluruh pegawai unit ini berubah."
        return f"Klaim {k.pegawai.nama} atas {k.unor.nama} ditolak."

    async def kirim(self, request_id: str, setujui: bool, alasan: str) -> Any:
        return await backend(self).putuskan_klaim(request_id, self._k.name, setujui, alasan)


class PutuskanPenugasanScreen(_PutuskanScreen):
    JUDUL = "Permintaan PLT / PLH"

    def __init__(self, penugasan: pb.Penugasan) -> None:
        super().__init__()
        self._t = penugasan

    def rincian(self) -> list[str]:
        t = self._t
        return [
            f"{t.nama} ({t.nip}) meminta dicatat sebagai {t.jabatan}.",
            f"Unit kerja: {t.unor_nama}. Periode: {fmt.periode(t.tanggal_mulai, t.tanggal_selesai)}.",
        ]

    def pertanyaan(self, setujui: bool) -> str:
        t = self._t
        if setujui:
            return f"{t.nama} didaftarkan sebagai {t.jabatan}, {fmt.periode(t.tanggal_mulai, t.tanggal_selesai)}."
        return f"Permintaan {t.nama} sebagai {t.jabatan} ditolak."

    async def kirim(self, request_id: str, setujui: bool, alasan: str) -> Any:
        return await backend(self).putuskan_penugasan(request_id, self._t.name, setujui, alasan)
