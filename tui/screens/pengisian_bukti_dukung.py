"""Pengisian Bukti Dukung dan Lihat Hasil (docs/domain.md#pelaksanaan-kinerja): the
pegawai's HASIL KERJA of one period with rencana aksi, bukti dukung,
realisasi and the penilai's feedback; Tambah/Edit/Hapus Bukti Dukung and
Edit Realisasi while the period is open. The ratings and the predikat stand
in the heading."""

from __future__ import annotations

from collections.abc import Iterable

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui import format as fmt
from tui.commands import Perintah
from tui.screens.layar_penilaian import LayarPenilaian, keadaan_periode, nilai
from tui.widgets.judul import Judul
from tui.widgets.penilaian.hasil_penilaian import HasilPenilaian


class PengisianBuktiDukungScreen(LayarPenilaian):
    def compose(self) -> ComposeResult:
        with Vertical(id="layar-penilaian"):
            yield Judul("Pengisian Bukti Dukung dan Lihat Hasil")
            yield Static("Memuat...", id="kepala-periode", markup=False)
            yield Static("", id="nilai-periode", markup=False)
            yield HasilPenilaian("pegawai")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(HasilPenilaian).tabel)  # before the loading cover
        super().on_mount()

    def tempat_muat(self) -> Widget:
        return self.query_one(HasilPenilaian)

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        p = penilaian.periode
        kepala = Text(keadaan_periode(p))
        if not p.terbuka:
            kepala = Text(fmt.ditutup(p), style="bold")
        elif p.status == pb.STATUS_PENILAIAN_PERLU_PERBAIKAN:
            kepala.append("\nDikembalikan penilai untuk perbaikan: silakan lengkapi lalu hubungi atasan.", style="bold")
        self.query_one("#kepala-periode", Static).update(kepala)
        self.query_one("#nilai-periode", Static).update(nilai(p))
        self.query_one(HasilPenilaian).tampilkan(skp, penilaian)

    def perintah(self) -> Iterable[Perintah]:
        hasil = self.query_one(HasilPenilaian)
        yield "Tambah Bukti Dukung", hasil.action_tambah_bukti, "Bukti dukung untuk RHK baris terpilih (t)"
        yield "Edit Realisasi / Bukti Dukung", hasil.action_edit, "Ubah isian baris terpilih (e)"
        yield "Hapus Bukti Dukung / Realisasi", hasil.action_hapus, "Hapus isian baris terpilih (x)"
        yield "Muat Ulang", self.action_muat, "Baca ulang dari server (r)"
        yield "Kembali", self.action_kembali, "Kembali ke Penilaian SKP (esc)"
