"""Pelaksanaan Kinerja of Penilaian SKP (docs/domain.md#pelaksanaan-kinerja): the periods of the
pegawai's approved SKP (Triwulan I-IV within its period, and Penilaian
Akhir Tahun) with batas, ratings, Nilai SKP (the predikat) and Capaian
Organisasi, and what the pegawai does in the one under the cursor."""

from __future__ import annotations

from typing import Literal

from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from tui import format as fmt
from tui.widgets.buka import BukaCetakDokumen, BukaIsianXlsx, BukaPeriodePenilaian
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel
from tui.widgets.tombol import BarisTombol, Tombol

# "Capaian" is the Capaian Organisasi (named in full in the detail below): with
# Nilai SKP it wraps between words ("Butuh / Perbaikan", "(belum / final)")
# so that the seven columns fit 80 columns without scrolling sideways.
KOLOM = ("Periode", "Batas", "Status", "Hasil Kerja", "Perilaku", "Nilai SKP", "Capaian")
LENTUR = ("Nilai SKP", "Capaian")
TOMBOL: list[Tombol] = [
    ("rencana-aksi", "Rencana Aksi", "rencana_aksi"),
    ("bukti-dukung", "Bukti Dukung & Hasil", "bukti_dukung"),
    ("feedback-perilaku", "Feedback Perilaku", "feedback_perilaku"),
    ("cetak-penilaian", "Cetak", "cetak"),
]


def nama_singkat(p: pb.PeriodePenilaian) -> str:
    return "Akhir Tahun" if p.periode == pb.PERIODE_AKHIR_TAHUN else p.nama


class PelaksanaanKinerja(Vertical):
    BINDINGS = [
        Binding("a", "rencana_aksi", "Rencana Aksi"),
        # Short labels: with the screen's keys and f1 they fit 80 columns.
        Binding("b", "bukti_dukung", "Bukti Dukung", tooltip="Bukti Dukung & Hasil"),
        Binding("f", "feedback_perilaku", "Feedback", tooltip="Feedback Perilaku"),
        Binding("c", "cetak", "Cetak"),
        Binding("u", "isian_xlsx", "Isian XLSX"),
    ]

    class Kembali(Message):
        """Back from a period's screen: what it changed shows in the periods (terbuka, ratings)."""

    def __init__(self) -> None:
        super().__init__(id="pelaksanaan")
        self._skp_name = ""
        self._periode: dict[str, pb.PeriodePenilaian] = {}

    def compose(self) -> ComposeResult:
        yield Tabel(id="tabel-periode", lentur=LENTUR)
        yield Static("", id="rincian-periode", markup=False)
        yield BarisTombol(TOMBOL, utama="bukti-dukung")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*KOLOM)

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    def tampilkan(self, skp_name: str, daftar: list[pb.PeriodePenilaian]) -> None:
        self._skp_name = skp_name
        self._periode = {p.name: p for p in daftar}
        self.query_one(Tabel).isi_ulang(
            (
                p.name,
                (
                    nama_singkat(p),
                    fmt.tanggal_singkat(p.batas),
                    "Terbuka" if p.terbuka else "Ditutup",
                    fmt.rating_singkat(p.rating_hasil_kerja),
                    fmt.rating_singkat(p.rating_perilaku_kerja),
                    fmt.predikat(p.predikat),
                    fmt.capaian_periode(p),
                ),
            )
            for p in daftar
        )
        self._rincian()

    def terpilih(self) -> pb.PeriodePenilaian | None:
        return self._periode.get(self.query_one(Tabel).kunci())

    @on(DataTable.RowHighlighted, "#tabel-periode")
    def _rincian(self) -> None:
        p = self.terpilih()
        if p is None:
            self.query_one("#rincian-periode", Static).update("")
            return
        keadaan = "terbuka untuk diisi" if p.terbuka else "ditutup"
        self.query_one("#rincian-periode", Static).update(
            kv(
                [
                    ("PERIODE", Text(f"{p.nama}: {fmt.periode(p.awal, p.akhir)}")),
                    ("BATAS", f"{fmt.tanggal(p.batas)} ({keadaan})"),
                    ("PENILAIAN", f"{fmt.STATUS_PENILAIAN.get(p.status, '-')}; predikat {fmt.predikat(p.predikat)}"),
                    ("CAPAIAN ORGANISASI", fmt.capaian_periode(p)),
                ]
            )
        )

    def _pilihan(self) -> pb.PeriodePenilaian | None:
        p = self.terpilih()
        if p is None:
            self.notify("Belum ada periode penilaian.", markup=False)
        return p

    def action_rencana_aksi(self) -> None:
        self._halaman("rencana_aksi")

    @on(DataTable.RowSelected, "#tabel-periode")
    def action_bukti_dukung(self) -> None:
        self._halaman("bukti_dukung")

    def action_feedback_perilaku(self) -> None:
        self._halaman("feedback_perilaku")

    def _halaman(self, halaman: Literal["rencana_aksi", "bukti_dukung", "feedback_perilaku"]) -> None:
        if p := self._pilihan():
            self.post_message(BukaPeriodePenilaian(halaman, self._skp_name, p.name, self._kembali))

    def action_cetak(self) -> None:
        """Cetak Form Penilaian or Cetak Dokumen Evaluasi Kinerja of the period: one dialog, the document chosen in it."""
        if p := self._pilihan():
            self.post_message(
                BukaCetakDokumen(
                    p.name,
                    f"{p.nama}: {fmt.periode(p.awal, p.akhir)}",
                    [cetak_pb2.JENIS_CETAK_FORM_PENILAIAN, cetak_pb2.JENIS_CETAK_EVALUASI_KINERJA],
                    cetak_pb2.PIHAK_TANDA_TANGAN_PEGAWAI,
                )
            )

    def action_isian_xlsx(self) -> None:
        """Isian XLSX (docs/isian-xlsx.md): the period's template, and the filled one uploaded back."""
        if p := self._pilihan():
            self.post_message(
                BukaIsianXlsx(f"Isian XLSX - {p.nama}: {fmt.periode(p.awal, p.akhir)}", p.name, self._kembali)
            )

    def _kembali(self, _: object) -> None:
        self.post_message(self.Kembali())
