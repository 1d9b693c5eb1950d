"""PERILAKU KERJA of one SKP in one period (docs/domain.md#feedback-dan-rating): the
seven BerAKHLAK values with their descriptions and the Ekspektasi Khusus
Pimpinan, each followed by the penilai's feedback. The pegawai reads it
(Feedback Perilaku); the penilai adds, edits and deletes their feedback."""

from __future__ import annotations

from dataclasses import dataclass

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui.backend import IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend
from tui.widgets.penilaian.feedback import form_feedback, milik_sendiri, rincian_feedback, teks_feedback
from tui.widgets.penilaian.penilaian_berubah import kirim
from tui.widgets.penilaian.tabel_lentur import Baris, TabelLentur


def tentang(p: skp_pb2.PerilakuKerja) -> str:
    return f"perilaku/{p.kode}"


@dataclass
class Item:
    perilaku: skp_pb2.PerilakuKerja
    feedback: pb.Feedback | None = None


def uraian(p: skp_pb2.PerilakuKerja) -> Text:
    teks = Text(p.nama, style="bold")
    for i, u in enumerate(p.uraian, start=1):
        teks.append(f"\n{i}. {u}", style="not bold")
    teks.append("\nEkspektasi Khusus Pimpinan: ", style="italic")
    teks.append(p.ekspektasi or "-")
    return teks


class PerilakuPenilaian(Vertical):
    BINDINGS = [
        Binding("f", "tambah_feedback", "Feedback", tooltip="Tambah Feedback"),
        Binding("e", "edit", "Edit", tooltip="Edit Feedback"),
        Binding("x", "hapus", "Hapus", tooltip="Hapus Feedback"),
    ]

    def __init__(self, penilai: bool) -> None:
        super().__init__()
        self.penilai = penilai
        self._penilaian: pb.Penilaian | None = None
        self._hapus = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield TabelLentur[Item]([("No", 2), ("Perilaku Kerja / Feedback", None)], id="tabel-perilaku")
        yield Static("", id="rincian-perilaku", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("tambah_feedback", "edit", "hapus"):
            return self.penilai
        return True

    @property
    def tabel(self) -> TabelLentur[Item]:
        return self.query_one(TabelLentur)

    def fokus(self) -> None:
        self.tabel.focus()

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        self._penilaian = penilaian
        baris: list[Baris[Item]] = []
        for p in sorted(skp.perilaku, key=lambda p: p.nomor):
            baris.append((p.kode, Item(p), (str(p.nomor), uraian(p))))
            daftar = [f for f in penilaian.feedback if f.tentang == tentang(p)]
            for f in daftar:
                baris.append((f.name, Item(p, f), ("", teks_feedback(f))))
            if not daftar:
                baris.append((f"tanpa:{p.kode}", Item(p), ("", Text("Feedback: belum ada", style="dim"))))
        self.tabel.isi(baris)
        self._rincian()

    @on(DataTable.RowHighlighted, "#tabel-perilaku")
    def _rincian(self) -> None:
        item = self.tabel.terpilih()
        isi: RenderableType = ""
        if item is not None and item.feedback is not None:
            isi = rincian_feedback(item.feedback)
        elif item is not None:
            semua = self._penilaian.feedback if self._penilaian else []
            n = sum(1 for f in semua if f.tentang == tentang(item.perilaku))
            isi = Text(f"{item.perilaku.nama}: {n} feedback.")
        if self.penilai:
            isi = Group(
                isi,
                Text("f: Tambah feedback untuk perilaku ini; e/Enter: Edit, x: Hapus feedback terpilih.", style="dim"),
            )
        self.query_one("#rincian-perilaku", Static).update(isi)

    def action_tambah_feedback(self) -> None:
        item = self.tabel.terpilih()
        if item is not None and self._penilaian is not None:
            form_feedback(self, self._penilaian, tentang(item.perilaku), f"Perilaku: {item.perilaku.nama}")

    @on(DataTable.RowSelected, "#tabel-perilaku")
    def action_edit(self) -> None:
        item = self.tabel.terpilih()
        if not self.penilai or item is None or self._penilaian is None:
            return
        if item.feedback is None:
            self.action_tambah_feedback()
        elif milik_sendiri(self, item.feedback):
            form_feedback(
                self, self._penilaian, item.feedback.tentang, f"Perilaku: {item.perilaku.nama}", item.feedback
            )

    def action_hapus(self) -> None:
        item = self.tabel.terpilih()
        if item is None or item.feedback is None:
            self.notify("Pilih baris feedback yang akan dihapus.", markup=False)
            return
        feedback = item.feedback
        if not milik_sendiri(self, feedback):
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_hapus(feedback)

        self.app.push_screen(
            KonfirmasiScreen(
                "Hapus Feedback",
                f'Feedback "{feedback.teks}" untuk {item.perilaku.nama} akan dihapus. Lanjutkan?',
                "Hapus",
            ),
            jawab,
        )

    @work(exclusive=True, group="hapus-feedback-perilaku")
    async def _kirim_hapus(self, feedback: pb.Feedback) -> None:
        b = backend(self)
        await kirim(self, self._hapus, lambda rid: b.hapus_feedback(rid, feedback), "Feedback dihapus.")
