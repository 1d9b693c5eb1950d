"""HASIL KERJA of one SKP in one period (docs/domain.md#pelaksanaan-kinerja, "Pengisian Bukti
Dukung dan Lihat Hasil", and docs/domain.md#feedback-dan-rating for the penilai): the web page's wide
table (RHK atasan, RHK, rencana aksi, aspek, indikator, target, bukti dukung,
realisasi, feedback) folded for 80 columns. Each RHK is followed by one row
per rencana aksi, indikator (with target and realisasi), bukti dukung and
feedback; the row under the cursor is shown in full below the table and
says what the keys act on.

The SKP's pegawai adds, edits and deletes bukti dukung and edits the
realisasi while the period is open; the penilai writes feedback on an RHK.
What a role may not do is not offered; the server checks again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.backend import IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend
from tui.widgets.penilaian.edit_realisasi import EditRealisasiScreen
from tui.widgets.penilaian.feedback import form_feedback, milik_sendiri, rincian_feedback, teks_feedback
from tui.widgets.penilaian.penilaian_berubah import kirim, setelah_form, terbuka
from tui.widgets.penilaian.tabel_lentur import Baris, TabelLentur
from tui.widgets.penilaian.tambah_bukti_dukung import TambahBuktiDukungScreen
from tui.widgets.profil.label_nilai import kv

Peran = Literal["pegawai", "penilai"]
KOLOM: list[tuple[str, int | None]] = [("No", 3), ("Hasil Kerja", None), ("Target", 10), ("Realisasi", 14)]


@dataclass
class Item:
    """What a row stands for: a heading (jenis only), an RHK, or one thing of an RHK."""

    jenis: int
    rhk: skp_pb2.Rhk | None = None
    rencana_aksi: pb.RencanaAksi | None = None
    indikator: skp_pb2.Indikator | None = None
    realisasi: pb.Realisasi | None = None
    bukti: pb.BuktiDukung | None = None
    feedback: pb.Feedback | None = None


def urut_rhk(skp: skp_pb2.Skp, jenis: int) -> list[skp_pb2.Rhk]:
    return sorted((r for r in skp.rhk if r.jenis == jenis), key=lambda r: r.urutan)


class HasilPenilaian(Vertical):
    BINDINGS = [
        # the pegawai
        Binding("t", "tambah_bukti", "Tambah Bukti Dukung"),
        Binding("e", "edit", "Edit"),
        Binding("x", "hapus", "Hapus"),
        # the penilai
        Binding("f", "tambah_feedback", "Feedback", tooltip="Tambah Feedback"),
    ]

    def __init__(self, peran: Peran) -> None:
        super().__init__()
        self.peran: Peran = peran
        self._skp: skp_pb2.Skp | None = None
        self._penilaian: pb.Penilaian | None = None
        self._hapus = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield TabelLentur[Item](KOLOM, id="tabel-hasil")
        yield Static("", id="rincian-hasil", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "tambah_bukti":
            return self.peran == "pegawai"
        if action == "tambah_feedback":
            return self.peran == "penilai"
        return True

    def fokus(self) -> None:
        self.query_one(TabelLentur).focus()

    @property
    def tabel(self) -> TabelLentur[Item]:
        return self.query_one(TabelLentur)

    def terpilih(self) -> Item | None:
        return self.tabel.terpilih()

    # --- the rows ----------------------------------------------------------------
    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        self._skp = skp
        self._penilaian = penilaian
        realisasi = {r.indikator: r for r in penilaian.realisasi}
        baris: list[Baris[Item]] = []
        for jenis in (skp_pb2.JENIS_RHK_UTAMA, skp_pb2.JENIS_RHK_TAMBAHAN):
            daftar = urut_rhk(skp, jenis)
            baris.append((f"jenis:{jenis}", Item(jenis), ("", Text(fmt.JENIS_RHK[jenis], style="bold"))))
            if not daftar:
                baris.append((f"kosong:{jenis}", Item(jenis), ("", Text("tidak ada RHK", style="dim"))))
            for n, r in enumerate(daftar, start=1):
                teks = Text(r.teks)
                if r.rhk_atasan_teks:
                    teks.append(f"\nRHK atasan: {r.rhk_atasan_teks}", style="italic dim")
                baris.append((r.name, Item(jenis, r), (str(n), teks)))
                for ra in (a for a in penilaian.rencana_aksi if a.rhk == r.name):
                    baris.append(
                        (
                            ra.name,
                            Item(jenis, r, rencana_aksi=ra),
                            ("", Text.assemble(("Rencana aksi: ", "italic"), ra.teks)),
                        )
                    )
                for ind in sorted(r.indikator, key=lambda i: i.urutan):
                    real = realisasi.get(ind.name)
                    nilai = Text(real.realisasi) if real and real.realisasi else Text("belum diisi", style="dim")
                    baris.append(
                        (
                            ind.name,
                            Item(jenis, r, indikator=ind, realisasi=real),
                            ("", Text(f"- {ind.teks}"), Text(ind.target or "-"), nilai),
                        )
                    )
                for b in (b for b in penilaian.bukti_dukung if b.rhk == r.name):
                    baris.append(
                        (b.name, Item(jenis, r, bukti=b), ("", Text.assemble(("Bukti dukung: ", "italic"), b.nama)))
                    )
                for f in (f for f in penilaian.feedback if f.tentang == r.name):
                    baris.append((f.name, Item(jenis, r, feedback=f), ("", teks_feedback(f))))
        self.tabel.isi(baris)
        self._rincian()

    @on(DataTable.RowHighlighted, "#tabel-hasil")
    def _rincian(self) -> None:
        """The row in full, and what the keys do on it."""
        self.query_one("#rincian-hasil", Static).update(self._uraian(self.terpilih()))

    def _uraian(self, item: Item | None) -> RenderableType:
        if item is None or item.rhk is None:
            return Text(self._petunjuk(None), style="dim")
        r = item.rhk
        isi: RenderableType
        if item.indikator is not None:
            ind, real = item.indikator, item.realisasi
            isi = kv(
                [
                    ("INDIKATOR", Text(ind.teks)),
                    ("ASPEK / TARGET", Text(f"{fmt.ASPEK.get(ind.aspek, '-')} / {ind.target or '-'}")),
                    ("REALISASI", Text(real.realisasi if real and real.realisasi else "-")),
                    ("SUMBER DATA", Text(real.sumber_data if real and real.sumber_data else "-")),
                ]
            )
        elif item.bukti is not None:
            isi = kv([("NAMA BUKTI DUKUNG", Text(item.bukti.nama)), ("LINK", Text(item.bukti.tautan))])
        elif item.feedback is not None:
            isi = rincian_feedback(item.feedback)
        elif item.rencana_aksi is not None:
            isi = kv([("RENCANA AKSI", Text(item.rencana_aksi.teks)), ("RHK", Text(r.teks))])
        else:
            n = {
                k: sum(1 for x in getattr(self._penilaian, k, ()) if x.rhk == r.name)
                for k in ("rencana_aksi", "bukti_dukung")
            }
            fb = sum(1 for f in getattr(self._penilaian, "feedback", ()) if f.tentang == r.name)
            isi = kv(
                [
                    ("RHK ATASAN", Text(r.rhk_atasan_teks or r.perjanjian_kinerja or "-")),
                    ("RHK", Text(r.teks)),
                    ("JUMLAH", f"{n['rencana_aksi']} rencana aksi, {n['bukti_dukung']} bukti dukung, {fb} feedback"),
                ]
            )
        return Group(isi, Text(self._petunjuk(item), style="dim"))

    def _petunjuk(self, item: Item | None) -> str:
        if self.peran == "penilai":
            if item is not None and item.feedback is not None:
                return "e: Edit feedback, x: Hapus feedback, f: Tambah feedback untuk RHK ini."
            return "f: Tambah feedback untuk RHK baris terpilih."
        if item is not None and item.indikator is not None:
            return "e/Enter: Edit Realisasi, x: hapus realisasi, t: Tambah Bukti Dukung untuk RHK ini."
        if item is not None and item.bukti is not None:
            return "e/Enter: Edit Bukti Dukung, x: Hapus, t: Tambah Bukti Dukung."
        return "t: Tambah Bukti Dukung untuk RHK ini; pilih baris indikator untuk mengisi Realisasi."

    # --- actions -------------------------------------------------------------------
    def _rhk_terpilih(self, untuk: str) -> Item | None:
        item = self.terpilih()
        if item is None or item.rhk is None:
            self.notify(f"Pilih dulu baris RHK (atau salah satu baris di bawahnya) untuk {untuk}.", markup=False)
            return None
        return item

    def action_tambah_bukti(self) -> None:
        item = self._rhk_terpilih("menambah Bukti Dukung")
        if item is None or item.rhk is None or self._penilaian is None or not terbuka(self, self._penilaian):
            return
        self.app.push_screen(
            TambahBuktiDukungScreen(self._penilaian.name, item.rhk.name, item.rhk.teks),
            setelah_form(self, "Bukti dukung disimpan."),
        )

    def action_tambah_feedback(self) -> None:
        item = self._rhk_terpilih("memberi feedback")
        if item is not None and item.rhk is not None and self._penilaian is not None:
            form_feedback(self, self._penilaian, item.rhk.name, f"RHK: {item.rhk.teks}")

    @on(DataTable.RowSelected, "#tabel-hasil")
    def action_edit(self) -> None:
        item = self.terpilih()
        p = self._penilaian
        if item is None or item.rhk is None or p is None:
            return
        if self.peran == "penilai":
            if item.feedback is None:
                self.action_tambah_feedback()  # Enter on the RHK: its first feedback
            elif milik_sendiri(self, item.feedback):
                form_feedback(self, p, item.feedback.tentang, f"RHK: {item.rhk.teks}", item.feedback)
            return
        if item.indikator is not None:
            if terbuka(self, self._penilaian):
                self.app.push_screen(
                    EditRealisasiScreen(p.name, p.periode.nama, item.indikator, item.realisasi),
                    setelah_form(self, "Realisasi disimpan."),
                )
        elif item.bukti is not None:
            if terbuka(self, self._penilaian):
                self.app.push_screen(
                    TambahBuktiDukungScreen(p.name, item.rhk.name, item.rhk.teks, item.bukti),
                    setelah_form(self, "Bukti dukung disimpan."),
                )
        elif item.rencana_aksi is not None:
            self.notify("Rencana aksi diubah pada layar Rencana Aksi.", markup=False)
        else:
            self.notify(
                "Pilih baris indikator untuk mengisi Realisasi, atau baris bukti dukung untuk mengubahnya.",
                markup=False,
            )

    def action_hapus(self) -> None:
        item = self.terpilih()
        if item is None or item.rhk is None:
            return
        if self.peran == "penilai":
            if item.feedback is None:
                self.notify("Pilih baris feedback yang akan dihapus.", markup=False)
                return
            if not milik_sendiri(self, item.feedback):
                return
            judul, tanya = "Hapus Feedback", f'Feedback "{item.feedback.teks}" akan dihapus. Lanjutkan?'
        elif item.bukti is not None:
            judul, tanya = "Hapus Bukti Dukung", f'Bukti dukung "{item.bukti.nama}" akan dihapus. Lanjutkan?'
        elif item.indikator is not None and item.realisasi is not None and item.realisasi.realisasi:
            judul = "Hapus Realisasi"
            tanya = (
                f'Realisasi "{item.realisasi.realisasi}" untuk indikator "{item.indikator.teks}" akan dihapus. '
                "Lanjutkan?"
            )
        else:
            self.notify(
                "Pilih baris bukti dukung (atau indikator yang sudah berisi realisasi) yang akan dihapus.", markup=False
            )
            return
        if self.peran == "pegawai" and not terbuka(self, self._penilaian):
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_hapus(item)

        self.app.push_screen(KonfirmasiScreen(judul, tanya, "Hapus"), jawab)

    @work(exclusive=True, group="hapus-hasil")
    async def _kirim_hapus(self, item: Item) -> None:
        b = backend(self)
        p = self._penilaian
        if item.feedback is not None:
            feedback = item.feedback
            await kirim(self, self._hapus, lambda rid: b.hapus_feedback(rid, feedback), "Feedback dihapus.")
        elif item.bukti is not None:
            bukti = item.bukti
            await kirim(self, self._hapus, lambda rid: b.hapus_bukti_dukung(rid, bukti), "Bukti dukung dihapus.")
        elif item.indikator is not None and item.realisasi is not None and p is not None:
            ind, real = item.indikator, item.realisasi
            await kirim(
                self,
                self._hapus,
                lambda rid: b.ubah_realisasi(rid, p.name, ind.name, "", "", real.etag),
                "Realisasi dihapus.",
            )
