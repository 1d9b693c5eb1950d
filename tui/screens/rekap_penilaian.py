"""Rekap Penilaian Bawahan (docs/domain.md#feedback-dan-rating): every approved SKP whose
penilai is the signed-in pegawai, in one period, with the ratings, the
predikat and how far the realisasi is filled. A bawahan whose realisasi is
incomplete stands out: yellow while the batas is still ahead (time to
remind them), red once it has passed. Enter opens Penilaian Bawahan on that
row (with ] and [ to go on through the list); Ekspor XLSX writes the same
rows as a workbook; Cetak Massal prints every bawahan's Form Penilaian or
Dokumen Evaluasi Kinerja of the period into one zip."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable

from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.kotak_cari import KotakCari
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel, TabelTeks
from tui.widgets.tombol import BarisTombol, Tombol

KOLOM = [
    ("Nama", 16),
    ("Jabatan", 10),
    ("Hasil", 7),
    ("Perilaku", 8),
    ("Predikat", 15),
    ("Realisasi", 9),
    ("Status", 15),
]

TOMBOL: list[Tombol] = [
    ("nilai-rekap", "Penilaian Bawahan", "nilai"),
    ("ekspor-rekap", "Ekspor XLSX", "ekspor"),
    ("kurva-rekap", "Lihat Kurva", "kurva"),
    ("cetak-rekap", "Cetak Massal", "cetak_massal"),
]


def lengkap(r: pb.RekapPenilaian) -> bool:
    return r.realisasi_terisi >= r.jumlah_indikator


def gaya(r: pb.RekapPenilaian, hari_ini: dt.date) -> str:
    """Incomplete realisasi: yellow before the batas, red after it."""
    if lengkap(r):
        return ""
    batas = fmt.ke_date(r.batas)
    return "bold yellow" if batas is None or hari_ini <= batas else "bold red"


class RekapPenilaianScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("e", "ekspor", "Ekspor XLSX"),
        Binding("v", "kurva", "Lihat Kurva"),
        Binding("p", "cetak_massal", "Cetak Massal"),
        Binding("i", "rating_xlsx", "Rating XLSX"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, tahun: int, periode: int) -> None:
        super().__init__()
        self._tahun = tahun
        self._periode = periode
        self._rekap: list[pb.RekapPenilaian] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="rekap-penilaian"):
            yield Judul(
                f"Rekap Penilaian Bawahan - {fmt.nama_periode(self._periode)} {self._tahun}",
            )
            yield KotakCari("cari-rekap")
            yield Static("Memuat...", id="judul-rekap", markup=False)
            yield Tabel(id="tabel-rekap")
            yield Static("", id="rincian-rekap", markup=False)
            yield BarisTombol(TOMBOL, utama="nilai-rekap")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(TabelTeks)
        table.tambah_kolom(KOLOM)
        self.set_focus(table)  # now, not later: the loading cover would pass it on to the search box
        self.action_muat()

    def perintah(self) -> Iterable[Perintah]:
        yield "Penilaian Bawahan", self.action_nilai, "Nilai bawahan baris terpilih (Enter)"
        yield "Ekspor XLSX", self.action_ekspor, "Simpan rekap sebagai berkas Excel (e)"
        yield "Lihat Kurva", self.action_kurva, "Distribusi predikat bawahan periode ini (v)"
        yield "Rating XLSX", self.action_rating_xlsx, "Ekspor rating semua bawahan, isi, unggah kembali (i)"
        yield "Cetak Massal", self.action_cetak_massal, "Form Penilaian / Evaluasi Kinerja semua bawahan, satu zip (p)"
        yield "Kembali", self.action_kembali, "Kembali ke Penilaian SKP (esc)"

    def action_kembali(self) -> None:
        self.dismiss(None)

    @on(Input.Changed, "#cari-rekap")
    def _cari(self) -> None:
        self._muat(tunda=True)

    def action_muat(self) -> None:
        self._muat()

    def _query(self) -> str:
        return self.query_one(KotakCari).teks

    @work(exclusive=True, group="rekap")
    async def _muat(self, tunda: bool = False) -> None:
        if tunda:
            await asyncio.sleep(0.25)  # typing: ask once the user pauses (a newer call cancels this one)
        query = self._query()
        judul = self.query_one("#judul-rekap", Static)
        try:
            with memuat(self.query_one(DataTable)):
                resp = await backend(self).rekap_penilaian(self._tahun, self._periode, query)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"Rekap gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self._tampilkan(resp, query)

    def _tampilkan(self, resp: pb.ListRekapPenilaianResponse, query: str) -> None:
        table = self.query_one(DataTable)
        lama = self._terpilih()
        table.clear()
        hari_ini = dt.date.today()
        self._rekap = list(resp.rekap)
        for r in self._rekap:
            g = gaya(r, hari_ini)
            table.add_row(
                Text(r.nama, style=g),
                Text(r.jabatan),
                fmt.rating_singkat(r.rating_hasil_kerja),
                fmt.rating_singkat(r.rating_perilaku_kerja),
                fmt.predikat(r.predikat),
                Text(f"{r.realisasi_terisi}/{r.jumlah_indikator}", style=g),
                fmt.STATUS_PENILAIAN.get(r.status, "-"),
                key=r.name,
            )
        if lama is not None and any(r.name == lama.name for r in self._rekap):
            table.move_cursor(row=table.get_row_index(lama.name))
        cari = f" yang memuat '{query}'" if query else ""
        if self._rekap:
            belum = sum(1 for r in self._rekap if not lengkap(r))
            ringkas = (
                f"{len(self._rekap)} bawahan{cari}: dinilai {resp.dinilai}, realisasi lengkap {resp.realisasi_lengkap}"
            )
            if belum:
                ringkas += f"; {belum} belum lengkap (kuning: batas belum lewat, merah: sudah lewat)"
            self.query_one("#judul-rekap", Static).update(Text(ringkas + "."))
        else:
            self.query_one("#judul-rekap", Static).update(
                Text(f"Tidak ada SKP bawahan yang disetujui pada periode ini{cari}.")
            )
        self._rincian()

    def _terpilih(self) -> pb.RekapPenilaian | None:
        table = self.query_one(DataTable)
        if table.row_count == 0 or not self._rekap:
            return None
        return self._rekap[table.cursor_row]

    @on(DataTable.RowHighlighted, "#tabel-rekap")
    def _rincian(self) -> None:
        r = self._terpilih()
        self.query_one("#rincian-rekap", Static).update(
            kv(
                [
                    ("PEGAWAI", Text(f"{r.nama} ({r.nip})\n{r.jabatan}")),
                    ("PERIODE / BATAS", f"{fmt.periode(r.awal, r.akhir)} / {fmt.tanggal(r.batas)}"),
                    (
                        "REALISASI",
                        f"{r.realisasi_terisi} dari {r.jumlah_indikator} indikator; {r.jumlah_feedback} feedback; "
                        f"{fmt.STATUS_PENILAIAN.get(r.status, '-').lower()}",
                    ),
                ]
            )
            if r
            else ""
        )

    @on(DataTable.RowSelected, "#tabel-rekap")
    def action_nilai(self) -> None:
        from tui.screens.penilaian_bawahan import PenilaianBawahanScreen

        if self._terpilih() is None:
            self.notify("Tidak ada bawahan untuk dinilai.", markup=False)
            return
        self.app.push_screen(
            PenilaianBawahanScreen(self._rekap, self.query_one(DataTable).cursor_row), lambda _: self.action_muat()
        )

    def action_kurva(self) -> None:
        from tui.screens.lihat_kurva import LihatKurvaScreen

        self.app.push_screen(LihatKurvaScreen(self._tahun, self._periode))

    def action_rating_xlsx(self) -> None:
        """Rating XLSX (docs/isian-xlsx.md): every bawahan's ratings from one spreadsheet."""
        from tui.screens.unggah_xlsx import UnggahXlsxScreen

        self.app.push_screen(
            UnggahXlsxScreen(
                f"Rating XLSX - {fmt.nama_periode(self._periode)} {self._tahun}",
                tahun=self._tahun,
                periode=self._periode,
            ),
            lambda _: self.action_muat(),
        )

    def action_cetak_massal(self) -> None:
        from tui.screens.cetak_dokumen import CetakDokumenScreen

        if not self._rekap:
            self.notify("Tidak ada SKP bawahan yang disetujui pada periode ini untuk dicetak.", markup=False)
            return
        # The dialog's defaults and its Pratinjau come from one bawahan's period: the one under
        # the cursor, unless another is rated and it is not (an Evaluasi needs the ratings).
        contoh = self._terpilih() or self._rekap[0]
        if not contoh.predikat:
            contoh = next((r for r in self._rekap if r.predikat), contoh)
        self.app.push_screen(
            CetakDokumenScreen(
                contoh.name,
                f"Semua bawahan, {fmt.nama_periode(self._periode)} {self._tahun}: satu dokumen per "
                "bawahan dalam satu berkas zip.",
                [cetak_pb2.JENIS_CETAK_FORM_PENILAIAN, cetak_pb2.JENIS_CETAK_EVALUASI_KINERJA],
                cetak_pb2.PIHAK_TANDA_TANGAN_PENILAI if backend(self).nip else 0,
                massal=(self._tahun, self._periode),
                contoh=contoh.nama,
            )
        )

    def action_ekspor(self) -> None:
        self._ekspor(self._query())

    @work(exclusive=True, group="ekspor")
    async def _ekspor(self, query: str) -> None:
        from tui.screens.ekspor_xlsx import EksporXlsxScreen

        try:
            with memuat(self.query_one(DataTable)):
                berkas = await backend(self).ekspor_rekap(self._tahun, self._periode, query)
        except GagalLayanan as e:
            laporkan(self, e)
            return
        if not masih_tampil(self):
            return

        def selesai(path: str | None) -> None:
            if path:
                self.notify(f"Rekap disimpan ke {path}", title="Ekspor XLSX", timeout=10, markup=False)
                self.query_one("#judul-rekap", Static).update(Text(f"Rekap disimpan ke {path}"))

        self.app.push_screen(EksporXlsxScreen(berkas), selesai)
