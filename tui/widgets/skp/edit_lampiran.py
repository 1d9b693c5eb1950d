"""Edit one part of the LAMPIRAN (docs/domain.md#lampiran-skp): Dukungan
Sumber Daya, Skema Pertanggungjawaban or Konsekuensi, one item per line.
Saving and its messages are the shared form's (form_aksi.py)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from tui.dialog.form_aksi import FormAksiScreen, TidakBerubah
from tui.layanan import backend
from tui.widgets.petunjuk import Petunjuk


class EditLampiranScreen(FormAksiScreen):
    KELAS = "dialog dialog-besar dialog-lebar"
    FOKUS = "#isi-lampiran"
    # The server names the part it refuses (lampiran.<bagian>): the one text area holds it.
    ISIAN = dict.fromkeys(pb.Lampiran.DESCRIPTOR.fields_by_name, "#isi-lampiran")

    def __init__(self, skp: pb.Skp, bagian: str, judul: str, petunjuk: str) -> None:
        """`bagian`: the Lampiran field (dukungan_sumber_daya, ...)."""
        super().__init__()
        self._skp = skp
        self._bagian = bagian
        self._judul = judul
        self._petunjuk = petunjuk

    def judul(self) -> str:
        return f"Lampiran: {self._judul}"

    def isian(self) -> ComposeResult:
        isi = list(getattr(self._skp.lampiran, self._bagian))
        yield Petunjuk(f"Meliputi {self._petunjuk}.")
        yield Label("Satu butir per baris (Enter untuk butir baru, ctrl+s untuk menyimpan)", markup=False)
        yield TextArea("\n".join(isi), compact=True, id="isi-lampiran")

    def baca(self) -> list[str]:
        butir = [" ".join(baris.split()) for baris in self.query_one("#isi-lampiran", TextArea).text.splitlines()]
        butir = [b for b in butir if b]
        if butir == list(getattr(self._skp.lampiran, self._bagian)):
            raise TidakBerubah("Tidak ada perubahan.")
        return butir

    async def kirim(self, request_id: str, nilai: list[str], alasan: str) -> pb.Skp:
        return await backend(self).ubah_lampiran(request_id, self._skp, self._bagian, nilai)
