"""Capaian Kinerja Organisasi of every unor induk of the instansi in a year
(and period): set it, finalize it, and see the Kurva of the unit against it.
Admin instansi sets any unit's, the pimpinan of a unit above a unor induk
that induk's, never its own pimpinan (docs/domain.md#capaian-kinerja-organisasi):
the server marks each row `boleh_diatur`, and Set/Finalisasi are offered
only there."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend, beri_tahu_usang, laporkan, masih_tampil, memuat
from tui.widgets.buka import BukaKurvaPredikat
from tui.widgets.penilaian.set_capaian import HasilCapaian, SetCapaianScreen
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel, TabelTeks
from tui.widgets.tombol import BarisTombol, Tombol

BUKAN_WEWENANG = (
    "Capaian kinerja organisasi {unit} ditetapkan oleh pimpinan organisasi di atasnya atau admin "
    "instansi, tidak oleh pimpinan unit itu sendiri."
)
TOMBOL: list[Tombol] = [
    ("set-capaian", "Set Capaian", "set"),
    ("finalisasi-capaian", "Finalisasi", "finalisasi"),
    ("kurva-capaian", "Lihat Kurva", "kurva"),
]


def kunci(c: pb.CapaianOrganisasi) -> str:
    return f"{c.unor_induk_id}:{c.periode}"


class DaftarCapaian(Vertical):
    BINDINGS = [
        Binding("c", "set", "Capaian", tooltip="Set Capaian"),
        Binding("f", "finalisasi", "Finalisasi"),
        Binding("v", "kurva", "Kurva", tooltip="Lihat Kurva"),
    ]

    def __init__(self) -> None:
        super().__init__(id="daftar-capaian")
        self._capaian: dict[str, pb.CapaianOrganisasi] = {}
        self._tahun = 0
        self._periode = 0
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield Tabel(id="tabel-capaian")
        yield Static("", id="rincian-capaian", markup=False)
        yield BarisTombol(TOMBOL, utama="set-capaian")

    def on_mount(self) -> None:
        table = self.query_one(TabelTeks)
        table.tambah_kolom((("Unit Kerja Induk", 30), ("Periode", 12), ("Capaian", 15), ("Status", 11)))

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    def muat(self, tahun: int, periode: int) -> None:
        self._tahun, self._periode = tahun, periode
        self._muat()

    @work(exclusive=True, group="capaian")
    async def _muat(self) -> None:
        rincian = self.query_one("#rincian-capaian", Static)
        try:
            with memuat(self.query_one(DataTable)):
                daftar = await backend(self).capaian_organisasi(self._tahun, self._periode)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                rincian.update(Text(f"Capaian organisasi gagal dimuat: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        table = self.query_one(DataTable)
        lama = self.terpilih()
        table.clear()
        for c in daftar:
            table.add_row(
                Text(c.unor_induk_nama),
                fmt.nama_periode(c.periode).replace("Penilaian ", ""),
                fmt.capaian(c.capaian),
                "Final" if c.final else ("Belum final" if c.capaian else "-"),
                key=kunci(c),
            )
        self._capaian = {kunci(c): c for c in daftar}
        if lama is not None and kunci(lama) in self._capaian:
            table.move_cursor(row=table.get_row_index(kunci(lama)))
        if not daftar:
            rincian.update("Tidak ada unit kerja induk.")
        else:
            self._rincian()

    def terpilih(self) -> pb.CapaianOrganisasi | None:
        return self._capaian.get(self.query_one(Tabel).kunci())

    @on(DataTable.RowHighlighted, "#tabel-capaian")
    def _rincian(self) -> None:
        c = self.terpilih()
        if c is None:
            return
        for id_ in ("#set-capaian", "#finalisasi-capaian"):
            self.query_one(id_, Button).disabled = c.final or not c.boleh_diatur
        oleh = f"{c.diubah_oleh} ({fmt.waktu(c.waktu)})" if c.diubah_oleh else "-"
        self.query_one("#rincian-capaian", Static).update(
            kv(
                [
                    ("UNIT KERJA INDUK", Text(c.unor_induk_nama)),
                    ("CAPAIAN", f"{fmt.capaian(c.capaian)}" + (" (final)" if c.final else "")),
                    ("DIUBAH OLEH", Text(oleh)),
                    *([] if c.boleh_diatur else [("KETERANGAN", "ditetapkan pimpinan di atasnya atau admin instansi")]),
                ]
            )
        )

    @on(DataTable.RowSelected, "#tabel-capaian")
    def action_set(self) -> None:
        c = self.terpilih()
        if c is None:
            return
        if c.final:
            self.notify("Capaian organisasi ini sudah final dan tidak dapat diubah.", severity="warning", markup=False)
            return
        if not self._boleh(c):
            return

        def selesai(hasil: HasilCapaian) -> None:
            if hasil == "usang":
                beri_tahu_usang(self, "Capaian organisasi")
            elif hasil is not None:
                self.notify(f"Capaian {hasil.unor_induk_nama}: {fmt.capaian(hasil.capaian)}.", markup=False)
            if hasil is not None:
                self._muat()

        self.app.push_screen(SetCapaianScreen(c), selesai)

    def _boleh(self, c: pb.CapaianOrganisasi) -> bool:
        if not c.boleh_diatur:
            self.notify(BUKAN_WEWENANG.format(unit=fmt.bersih(c.unor_induk_nama)), severity="warning", markup=False)
        return c.boleh_diatur

    def action_finalisasi(self) -> None:
        c = self.terpilih()
        if c is None:
            return
        if c.final:
            self.notify("Capaian organisasi ini sudah final.", markup=False)
            return
        if not self._boleh(c):
            return
        if not c.capaian:
            self.notify("Capaian organisasi ini belum diisi: Set Capaian (c) dahulu.", severity="warning", markup=False)
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._finalisasi(c)

        self.app.push_screen(
            KonfirmasiScreen(
                "Finalisasi Capaian Organisasi",
                f"Capaian {c.unor_induk_nama} {fmt.nama_periode(c.periode)} {c.tahun}: "
                f"{fmt.capaian(c.capaian)}. Setelah difinalisasi, capaian tidak dapat diubah lagi. Lanjutkan?",
                "Finalisasi",
            ),
            jawab,
        )

    @work(exclusive=True, group="finalisasi")
    async def _finalisasi(self, c: pb.CapaianOrganisasi) -> None:
        try:
            hasil = await backend(self).finalisasi_capaian(self._permintaan.ambil(), c)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang:
                beri_tahu_usang(self, "Capaian organisasi")
                self._muat()
            elif laporkan(self, e):
                self._muat()
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.notify(f"Capaian {hasil.unor_induk_nama} difinalisasi.", markup=False)
            self._muat()

    def action_kurva(self) -> None:
        if c := self.terpilih():
            self.post_message(BukaKurvaPredikat(c.tahun, c.periode, c.unor_induk_id))
