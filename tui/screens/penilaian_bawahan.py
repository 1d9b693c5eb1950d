"""Penilaian Bawahan (docs/domain.md#feedback-dan-rating): the penilai reads a
bawahan's HASIL KERJA of the period (rencana aksi, bukti dukung, realisasi)
and PERILAKU KERJA, writes feedback on each RHK and perilaku, and gives
Rating Hasil Kerja and Rating Perilaku Kerja; the Predikat Kinerja follows.

Made for many bawahan in a row: ] and [ go to the next and previous bawahan
of the list it was opened from, and h (or p) opens the rating dialog where
one key picks each rating; k writes the CATATAN / REKOMENDASI of the
Dokumen Evaluasi Kinerja."""

from __future__ import annotations

from collections.abc import Iterable

from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from tui import format as fmt
from tui.commands import Perintah
from tui.layanan import backend, beri_tahu_usang
from tui.screens.layar_penilaian import LayarPenilaian, keadaan_periode, nilai
from tui.widgets.judul import Judul
from tui.widgets.penilaian.hasil_penilaian import HasilPenilaian
from tui.widgets.penilaian.perilaku_penilaian import PerilakuPenilaian

TAB = [("tab-hasil-bawahan", "Hasil Kerja"), ("tab-perilaku-bawahan", "Perilaku Kerja")]


class PenilaianBawahanScreen(LayarPenilaian):
    BINDINGS = [
        Binding("h", "rating('hasil')", "Rating"),
        Binding("p", "rating('perilaku')", "Rating Perilaku", show=False),
        Binding("]", "pindah(1)", "Bawahan", key_display="[ ]", tooltip="Bawahan berikutnya / sebelumnya"),
        Binding("[", "pindah(-1)", "Bawahan sebelumnya", show=False),
        Binding("1", "tab(1)", "Tab", key_display="1-2", show=False),  # the tabs show their names
        Binding("2", "tab(2)", "Perilaku Kerja", show=False),
        Binding("k", "catatan", "Catatan", tooltip="Catatan / Rekomendasi"),
        Binding("c", "cetak", "Cetak", show=False),
    ]

    def __init__(self, rekap: list[pb.RekapPenilaian], indeks: int) -> None:
        super().__init__(rekap[indeks].skp, rekap[indeks].name)
        self._rekap = rekap
        self._indeks = indeks

    @property
    def bawahan(self) -> pb.RekapPenilaian:
        return self._rekap[self._indeks]

    def compose(self) -> ComposeResult:
        with Vertical(id="layar-penilaian"):
            with Horizontal(id="judul-bawahan"):
                yield Judul("Penilaian Bawahan")
                yield Static("", id="urutan-bawahan", markup=False)
            yield Static("Memuat...", id="kepala-periode", markup=False)
            yield Static("", id="nilai-periode", markup=False)
            with TabbedContent(id="tab-bawahan"):
                with TabPane(TAB[0][1], id=TAB[0][0]):
                    yield HasilPenilaian("penilai")
                with TabPane(TAB[1][1], id=TAB[1][0]):
                    yield PerilakuPenilaian(penilai=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(HasilPenilaian).tabel)  # before the loading cover
        self._kepala()
        super().on_mount()

    def tempat_muat(self) -> Widget:
        return self.query_one(TabbedContent)

    def perintah(self) -> Iterable[Perintah]:
        yield "Rating Hasil Kerja", lambda: self.action_rating("hasil"), "Beri rating hasil kerja bawahan ini (h)"
        yield "Rating Perilaku Kerja", lambda: self.action_rating("perilaku"), "Beri rating perilaku kerja (p)"
        yield "Bawahan berikutnya", lambda: self.action_pindah(1), "Nilai bawahan berikutnya dalam daftar (])"
        yield "Bawahan sebelumnya", lambda: self.action_pindah(-1), "Kembali ke bawahan sebelumnya ([)"
        yield "Catatan / Rekomendasi", self.action_catatan, "Catatan untuk Dokumen Evaluasi Kinerja bawahan ini (k)"
        yield "Cetak", self.action_cetak, "Cetak Form Penilaian / Dokumen Evaluasi Kinerja bawahan ini (c)"
        yield "Tambah Feedback", self._tambah_feedback, "Feedback untuk RHK atau perilaku terpilih (f)"
        yield "Hasil Kerja", lambda: self.action_tab(1), "Tab Hasil Kerja (1)"
        yield "Perilaku Kerja", lambda: self.action_tab(2), "Tab Perilaku Kerja (2)"
        yield "Kembali", self.action_kembali, "Tutup Penilaian Bawahan (esc)"

    def _tambah_feedback(self) -> None:
        if self.query_one(TabbedContent).active == TAB[0][0]:
            self.query_one(HasilPenilaian).action_tambah_feedback()
        else:
            self.query_one(PerilakuPenilaian).action_tambah_feedback()

    def _kepala(self) -> None:
        b = self.bawahan
        self.query_one("#urutan-bawahan", Static).update(f"  bawahan {self._indeks + 1} dari {len(self._rekap)}")
        self.query_one("#kepala-periode", Static).update(Text(f"{b.nama} ({b.nip}) - {b.jabatan}"))

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        p = penilaian.periode
        b = self.bawahan
        kepala = Text(f"{b.nama} ({b.nip}) - {b.jabatan}\n{keadaan_periode(p)}")
        if p.status == pb.STATUS_PENILAIAN_PERLU_PERBAIKAN:
            kepala.append(
                "\nDikembalikan untuk perbaikan: isian pegawai dibuka kembali sampai dinilai lagi.", style="bold"
            )
        self.query_one("#kepala-periode", Static).update(kepala)
        teks = nilai(p)
        if penilaian.rating_hasil_dari_capaian:
            teks.append(
                f"\nRating hasil kerja mengikuti Capaian Organisasi ({fmt.capaian_periode(p)}).", style="italic"
            )
        teks.append_text(Text.assemble("\n", ("CATATAN / REKOMENDASI: ", "bold"), penilaian.catatan or "-"))
        self.query_one("#nilai-periode", Static).update(teks)
        self.query_one(HasilPenilaian).tampilkan(skp, penilaian)
        self.query_one(PerilakuPenilaian).tampilkan(skp, penilaian)

    # --- actions -------------------------------------------------------------------------
    def action_tab(self, nomor: int) -> None:
        self.query_one(TabbedContent).active = TAB[nomor - 1][0]
        (self.query_one(HasilPenilaian) if nomor == 1 else self.query_one(PerilakuPenilaian)).fokus()

    def action_pindah(self, arah: int) -> None:
        tujuan = self._indeks + arah
        if not 0 <= tujuan < len(self._rekap):
            self.notify(
                "Ini bawahan terakhir dalam daftar." if arah > 0 else "Ini bawahan pertama dalam daftar.", markup=False
            )
            return
        self._indeks = tujuan
        self.skp_name, self.penilaian_name = self.bawahan.skp, self.bawahan.name
        self.skp = self.penilaian = None
        self._kepala()
        self.query_one("#nilai-periode", Static).update("")
        self.action_muat()

    def action_cetak(self) -> None:
        from tui.screens.cetak_dokumen import CetakDokumenScreen

        b = self.bawahan
        periode = self.penilaian.periode.nama if self.penilaian is not None else ""
        self.app.push_screen(
            CetakDokumenScreen(
                b.name,
                f"{b.nama} ({b.nip}) {periode}: {fmt.periode(b.awal, b.akhir)}",
                [cetak_pb2.JENIS_CETAK_FORM_PENILAIAN, cetak_pb2.JENIS_CETAK_EVALUASI_KINERJA],
                # Admin instansi acting for a penilai eksternal never signs for him.
                cetak_pb2.PIHAK_TANDA_TANGAN_PENILAI if backend(self).nip else 0,
            )
        )

    def action_catatan(self) -> None:
        from tui.screens.catatan_evaluasi import CatatanEvaluasiScreen

        if self.penilaian is None:
            return
        nama = self.bawahan.nama

        def selesai(hasil: object) -> None:
            if hasil == "usang":
                beri_tahu_usang(self, "Catatan / rekomendasi")
                self.action_muat()
            elif isinstance(hasil, pb.Penilaian):
                self.notify(
                    f"Catatan / rekomendasi {nama} disimpan."
                    if hasil.catatan
                    else f"Catatan / rekomendasi {nama} dihapus.",
                    title="Catatan",
                    markup=False,
                )
                self.action_muat()

        self.app.push_screen(CatatanEvaluasiScreen(self.penilaian, nama), selesai)

    def action_rating(self, mulai: str) -> None:
        from tui.screens.rating_penilaian import RatingPenilaianScreen

        if self.penilaian is None:
            return
        nama = self.bawahan.nama

        def selesai(hasil: object) -> None:
            if hasil == "usang":
                beri_tahu_usang(self, "Penilaian")
                self.action_muat()
            elif isinstance(hasil, pb.Penilaian):
                p = hasil.periode
                self.notify(
                    f"Penilaian {nama} disimpan: predikat kinerja {fmt.predikat(p.predikat)}."
                    + (
                        " Dikembalikan kepada pegawai untuk perbaikan."
                        if p.status == pb.STATUS_PENILAIAN_PERLU_PERBAIKAN
                        else ""
                    ),
                    title="Rating",
                    markup=False,
                )
                self.action_muat()

        self.app.push_screen(
            RatingPenilaianScreen(self.penilaian, nama, "perilaku" if mulai == "perilaku" else "hasil"), selesai
        )
