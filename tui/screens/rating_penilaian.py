"""Rating Hasil Kerja and Rating Perilaku Kerja (docs/domain.md#feedback-dan-rating)
in one dialog, one key per rating: 1 Dibawah, 2 Sesuai, 3 Diatas Ekspektasi,
- (or 0) none. After the hasil the cursor goes on to the perilaku, then to
OK: rating a bawahan is three keys and Enter. The Predikat Kinerja shown is
the server's (HitungPredikat). "-" on a rated period sends it back to the
pegawai for revision. When the pegawai leads a unor induk, the rating hasil
kerja is the unit's capaian and cannot be chosen."""

from __future__ import annotations

from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, RadioButton, RadioSet, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil

HasilRating = pb.Penilaian | Literal["usang"] | None
PILIHAN = [(pb.RATING_UNSPECIFIED, "- (kosong)"), (pb.RATING_DIBAWAH_EKSPEKTASI, "1 Dibawah"),
           (pb.RATING_SESUAI_EKSPEKTASI, "2 Sesuai"), (pb.RATING_DIATAS_EKSPEKTASI, "3 Diatas")]
ISIAN = {"rating_hasil_kerja": "#rating-hasil", "rating_perilaku_kerja": "#rating-perilaku"}
PETUNJUK = ("Tombol 1/2/3: Dibawah/Sesuai/Diatas Ekspektasi, - atau 0: kosong. Rating kosong (-) pada penilaian yang "
            "sudah dinilai mengembalikannya kepada pegawai untuk perbaikan. Enter/ctrl+s: simpan.")


class RatingPenilaianScreen(ModalScreen[HasilRating]):
    BINDINGS = [
        Binding("escape", "batal", "Batal"),
        Binding("ctrl+s", "simpan", "Simpan"),
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
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        p = self._penilaian.periode
        with Vertical(classes="dialog dialog-lebar", id="dialog-rating"):
            yield Static(f"Rating Penilaian - {self._nama}, {p.nama}", classes="judul", markup=False)
            for bagian, label, nilai in (("hasil", "RATING HASIL KERJA", p.rating_hasil_kerja),
                                         ("perilaku", "RATING PERILAKU KERJA", p.rating_perilaku_kerja)):
                yield Label(label, id=f"label-{bagian}", markup=False)
                with RadioSet(id=f"rating-{bagian}", compact=True, classes="mendatar",
                              disabled=bagian == "hasil" and self._tetap):
                    for v, teks in PILIHAN:
                        yield RadioButton(teks, value=v == nilai, id=f"{bagian}-{v}")
                if bagian == "hasil" and self._tetap:
                    yield Static(f"Rating hasil kerja mengikuti Capaian Kinerja Organisasi unit yang dipimpin "
                                 f"({fmt.capaian_periode(p)}) dan tidak dapat dipilih.", classes="petunjuk",
                                 markup=False)
            yield Static("", id="predikat-rating", markup=False)
            yield Static(PETUNJUK, classes="petunjuk", markup=False)
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("OK", compact=True, variant="primary", id="simpan")
                yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#rating-{self._mulai}").focus()
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

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        self._simpan(self.nilai("hasil"), self.nilai("perilaku"))

    @work(exclusive=True)
    async def _simpan(self, hasil: int, perilaku: int) -> None:
        pesan = self.query_one("#pesan", Static)
        pesan.update("Menyimpan...")
        self.query_one("#simpan", Button).disabled = True
        try:
            baru = await backend(self).beri_rating(self._permintaan.ambil(), self._penilaian, hasil, perilaku)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
            elif laporkan(self, e, pesan, ISIAN):
                self.query_one("#simpan", Button).disabled = False
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.dismiss(baru)
