"""Rating Hasil Kerja and Rating Perilaku Kerja (docs/domain.md#feedback-dan-rating)
in one dialog, one key per rating: 1 Dibawah, 2 Sesuai, 3 Diatas Ekspektasi,
- (or 0) none. After the hasil the cursor goes on to the perilaku, then to
OK: rating a bawahan is three keys and Enter. The Predikat Kinerja shown is
the server's (HitungPredikat). "-" on a rated period sends it back to the
pegawai for revision. When the pegawai leads a unor induk, the rating hasil
kerja is the unit's capaian and cannot be chosen. Saving and its messages
are the shared form's (form_aksi.py)."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, RadioSet, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.dialog.form_aksi import FormAksiScreen
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.pilihan import RadioButton

PILIHAN = [
    (pb.RATING_UNSPECIFIED, "- (kosong)"),
    (pb.RATING_DIBAWAH_EKSPEKTASI, "1 Dibawah"),
    (pb.RATING_SESUAI_EKSPEKTASI, "2 Sesuai"),
    (pb.RATING_DIATAS_EKSPEKTASI, "3 Diatas"),
]
ISIAN = {"rating_hasil_kerja": "#rating-hasil", "rating_perilaku_kerja": "#rating-perilaku"}
PETUNJUK = (
    "Tombol 1/2/3: Dibawah/Sesuai/Diatas Ekspektasi, - atau 0: kosong. Rating kosong (-) pada penilaian yang "
    "sudah dinilai mengembalikannya kepada pegawai untuk perbaikan. Enter/ctrl+s: simpan."
)


Nilai = tuple[int, int]  # rating hasil kerja, rating perilaku kerja


class RatingPenilaianScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    ISIAN = ISIAN
    BINDINGS = [
        Binding("1", "pilih(1)", "Dibawah"),
        Binding("2", "pilih(2)", "Sesuai"),
        Binding("3", "pilih(3)", "Diatas"),
        Binding("minus,0", "pilih(0)", "Kosong", key_display="-"),
    ]

    def __init__(self, penilaian: pb.Penilaian, nama: str, mulai: Literal["hasil", "perilaku"] = "hasil") -> None:
        super().__init__()
        self._penilaian = penilaian
        self._nama = nama
        self._tetap = penilaian.rating_hasil_dari_capaian
        self._mulai = "perilaku" if self._tetap else mulai
        self.FOKUS = f"#rating-{self._mulai}"

    def judul(self) -> str:
        return f"Rating Penilaian - {self._nama}, {self._penilaian.periode.nama}"

    def isian(self) -> ComposeResult:
        p = self._penilaian.periode
        for bagian, label, nilai in (
            ("hasil", "RATING HASIL KERJA", p.rating_hasil_kerja),
            ("perilaku", "RATING PERILAKU KERJA", p.rating_perilaku_kerja),
        ):
            yield Label(label, id=f"label-{bagian}", markup=False)
            with RadioSet(
                id=f"rating-{bagian}", compact=True, classes="mendatar", disabled=bagian == "hasil" and self._tetap
            ):
                for v, teks in PILIHAN:
                    yield RadioButton(teks, value=v == nilai, id=f"{bagian}-{v}")
            if bagian == "hasil" and self._tetap:
                yield Petunjuk(
                    f"Rating hasil kerja mengikuti Capaian Kinerja Organisasi unit yang dipimpin "
                    f"({fmt.capaian_periode(p)}) dan tidak dapat dipilih.",
                )
        yield Static("", id="predikat-rating", markup=False)
        yield Petunjuk(PETUNJUK)

    def on_mount(self) -> None:
        super().on_mount()
        self._pratinjau()

    def nilai(self, bagian: str) -> int:
        pressed = self.query_one(f"#rating-{bagian}", RadioSet).pressed_button
        return int(str(pressed.id).rsplit("-", 1)[1]) if pressed is not None else pb.RATING_UNSPECIFIED

    def action_pilih(self, rating: int) -> None:
        """The focused rating (the perilaku once past the hasil), then on to the next."""
        fokus = self.focused
        bagian = "hasil" if fokus is not None and fokus.id == "rating-hasil" else "perilaku"
        self.query_one(f"#{bagian}-{rating}", RadioButton).value = True
        (self.query_one("#rating-perilaku") if bagian == "hasil" else self.query_one("#simpan")).focus()

    @on(RadioSet.Changed)
    def _pratinjau(self) -> None:
        # The choice in words too: the radio glyphs alone do not say it on every terminal.
        for bagian, label in (("hasil", "RATING HASIL KERJA"), ("perilaku", "RATING PERILAKU KERJA")):
            self.query_one(f"#label-{bagian}", Label).update(f"{label}: {fmt.rating(self.nilai(bagian))}")
        self._hitung(self.nilai("hasil"), self.nilai("perilaku"))

    @work(exclusive=True, group="pratinjau")
    async def _hitung(self, hasil: int, perilaku: int) -> None:
        tempat = self.query_one("#predikat-rating", Static)
        try:
            resp = await backend(self).hitung_predikat(hasil, perilaku)
        except GagalLayanan as e:
            laporkan(self, e, tempat)
            return
        if masih_tampil(self):
            tempat.update(Text.assemble(("PREDIKAT KINERJA: ", "bold"), (resp.label.upper(), "bold")))

    def baca(self) -> Nilai:
        return self.nilai("hasil"), self.nilai("perilaku")

    async def kirim(self, request_id: str, nilai: Nilai, alasan: str) -> pb.Penilaian:
        return await backend(self).beri_rating(request_id, self._penilaian, *nilai)
