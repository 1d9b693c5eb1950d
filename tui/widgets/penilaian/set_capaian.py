"""Set Capaian Kinerja Organisasi of one unor induk in one period: one key
picks it (1 Istimewa ... 5 Sangat Kurang), Enter saves. Not once final.
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import RadioSet

from tui import format as fmt
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton

HasilCapaian = pb.CapaianOrganisasi | Literal["usang"] | None


class SetCapaianScreen(FormAksiScreen):
    JUDUL = "Capaian Kinerja Organisasi"
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#capaian"
    ISIAN = {"capaian": "#capaian"}
    BINDINGS = [
        *(
            Binding(str(i), f"pilih({k})", v.title(), show=i == 1, key_display="1-5")
            for i, (k, v) in enumerate(fmt.CAPAIAN.items(), start=1)
        ),
    ]

    def __init__(self, capaian: pb.CapaianOrganisasi) -> None:
        super().__init__()
        self._capaian = capaian

    def isian(self) -> ComposeResult:
        c = self._capaian
        yield Petunjuk(f"{c.unor_induk_nama}\n{fmt.nama_periode(c.periode)} {c.tahun}")
        with RadioSet(id="capaian"):
            for i, (k, v) in enumerate(fmt.CAPAIAN.items(), start=1):
                yield RadioButton(f"{i} {v}", value=c.capaian == k, id=f"capaian-{k}")
        yield Petunjuk(
            "Tombol 1-5 memilih; Enter/ctrl+s menyimpan. Setelah difinalisasi, capaian tidak dapat "
            "diubah dan menjadi rating hasil kerja pimpinan unit ini.",
        )

    def action_pilih(self, capaian: int) -> None:
        self.query_one(f"#capaian-{capaian}", RadioButton).value = True
        self.query_one("#simpan").focus()

    def baca(self) -> int:
        pressed = self.query_one("#capaian", RadioSet).pressed_button
        if pressed is None:
            raise Salah("Pilih capaian kinerja organisasi.", "#capaian")
        return int(str(pressed.id).rsplit("-", 1)[1])

    async def kirim(self, request_id: str, nilai: int, alasan: str) -> pb.CapaianOrganisasi:
        return await backend(self).ubah_capaian(request_id, self._capaian, nilai)
