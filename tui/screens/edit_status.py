"""Edit Status (docs/domain.md#status-skp): set an SKP to Draft, Pengajuan or
Persetujuan. The pejabat penilai gives a reason when lowering it; admin and
helpdesk (`alasan=True`) always, and confirm first. Raising it is checked
by the server as Ajukan SKP is."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, RadioSet

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, TidakBerubah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton


class EditStatusScreen(FormAksiScreen):
    JUDUL = "Edit Status"
    TOMBOL = "OK"
    FOKUS = "#status"
    ISIAN = {"status": "#status"}
    ALASAN_SELALU = True
    ALASAN_UMUM = (
        ("Diajukan keliru", "SKP diajukan keliru; status dikembalikan atas permintaan pegawai"),
        ("Perlu perbaikan", "SKP perlu diperbaiki (RHK atau indikator); status diturunkan agar dapat diubah"),
        (
            "Penilai berhalangan",
            "SKP tertahan karena pejabat penilai tidak dapat memprosesnya (mutasi atau berhalangan)",
        ),
    )

    def __init__(self, skp: pb.Skp, alasan: bool = False) -> None:
        super().__init__(alasan)
        self._skp = skp

    def isian(self) -> ComposeResult:
        s = self._skp
        yield Petunjuk(
            f"SKP {s.pegawai.nama}, {fmt.periode(s.periode_awal, s.periode_akhir)}. Status sekarang: "
            f"{fmt.status_skp(s.status)}.",
        )
        yield Label("STATUS", markup=False)
        with RadioSet(id="status", compact=True, classes="mendatar"):
            for k, v in fmt.STATUS_SKP.items():
                yield RadioButton(v.capitalize(), value=s.status == k, id=f"status-{k}")

    @on(RadioSet.Changed, "#status")
    def _status_dipilih(self) -> None:
        self.ke_alasan()

    def label_alasan(self) -> str:
        return super().label_alasan() if self.wajib_alasan else "ALASAN (wajib bila status diturunkan)"

    def baca(self) -> int:
        status = next(k for k in fmt.STATUS_SKP if self.query_one(f"#status-{k}", RadioButton).value)
        if status == self._skp.status:
            raise TidakBerubah("Status tidak berubah.")
        return status

    def alasan_kurang(self, nilai: int) -> str | None:
        if self.wajib_alasan:
            return super().alasan_kurang(nilai)
        return "ALASAN wajib diisi bila status diturunkan." if nilai < self._skp.status else None

    def pertanyaan(self, nilai: int) -> str:
        s = self._skp
        return (
            f"Status SKP {s.pegawai.nama} periode {fmt.periode(s.periode_awal, s.periode_akhir)} diubah dari "
            f"{fmt.status_skp(s.status)} menjadi {fmt.status_skp(nilai)}."
        )

    async def kirim(self, request_id: str, nilai: int, alasan: str) -> pb.Skp:
        return await backend(self).ubah_status_skp(request_id, self._skp, nilai, alasan)
