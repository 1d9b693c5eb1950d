"""Peran Hasil of one cell of the Matriks Peran Hasil: the text that becomes
the bawahan's RHK and their role in the work behind the atasan's RHK
(Koordinator, Ketua Tim or Anggota; docs/domain.md#matriks-peran-hasil).
Saving assigns the bawahan to the RHK; Lepas (l) unassigns."""

from __future__ import annotations

from typing import ClassVar

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Label, RadioSet

from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton

PERAN = {pb.PERAN_TIM_KOORDINATOR: "Koordinator", pb.PERAN_TIM_KETUA_TIM: "Ketua Tim", pb.PERAN_TIM_ANGGOTA: "Anggota"}


class PeranHasilScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#peran-hasil"
    ISIAN: ClassVar[dict[str, str]] = {"peran_hasil": "#peran-hasil", "peran": "#peran"}

    def __init__(self, rhk: pb.Rhk, bawahan: pb.BawahanMatriks, sel: pb.SelPeranHasil | None) -> None:
        super().__init__()
        self._rhk, self._bawahan, self._sel = rhk, bawahan, sel

    def judul(self) -> str:
        return "Peran Hasil"

    def isian(self) -> ComposeResult:
        yield Petunjuk(
            f"RHK: {self._rhk.teks}\nPegawai: {self._bawahan.nama} ({self._bawahan.jabatan})",
        )
        yield Label("PERAN HASIL (menjadi RHK pegawai ini)", markup=False)
        yield Input(self._sel.peran_hasil if self._sel else "", compact=True, id="peran-hasil", max_length=1000)
        yield Label("PERAN", markup=False)
        terpilih = self._sel.peran if self._sel and self._sel.peran else pb.PERAN_TIM_ANGGOTA
        with RadioSet(id="peran"):
            for k, v in PERAN.items():
                yield RadioButton(v, value=k == terpilih, id=f"peran-{k}")
        if self._sel is not None:
            yield Button("Lepas", compact=True, id="lepas")

    @on(Input.Submitted, "#peran-hasil")
    def _selesai(self) -> None:
        self.action_simpan()

    def baca(self) -> tuple[str, int]:
        teks = " ".join(self.query_one("#peran-hasil", Input).value.split())
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None:
            raise Salah("Pilih peran: Koordinator, Ketua Tim atau Anggota.", "#peran")
        return teks, int(str(pressed.id).rsplit("-", 1)[1])

    async def kirim(self, request_id: str, nilai: tuple[str, int], alasan: str) -> pb.MatriksPeranHasil:
        teks, peran = nilai
        return await backend(self).ubah_peran_hasil(request_id, self._rhk.name, self._bawahan.nip, True, teks, peran)

    @on(Button.Pressed, "#lepas")
    def _lepas(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("lepas")


def sel_dari(m: pb.MatriksPeranHasil, rhk: str, nip: str) -> pb.SelPeranHasil | None:
    for p in m.peran:
        if p.rhk == rhk:
            for x in p.sel:
                if x.nip == nip:
                    return x
    return None


def tanda(sel: pb.SelPeranHasil | None) -> str:
    """The cell as the matrix shows it: [K]oordinator, ketua [T]im, [A]nggota."""
    if sel is None:
        return "[ ]"
    return {pb.PERAN_TIM_KOORDINATOR: "[K]", pb.PERAN_TIM_KETUA_TIM: "[T]"}.get(sel.peran, "[A]")
