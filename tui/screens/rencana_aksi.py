"""Rencana Aksi (docs/domain.md#pelaksanaan-kinerja): per RHK of the SKP, what the
pegawai plans to do in the period to reach it. Tambah on an RHK (or any of
its rows), Edit and Hapus on a rencana aksi, while the period is open."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from ekinerja.skp.v1 import skp_pb2
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from tui import format as fmt
from tui.backend import IdPermintaan
from tui.commands import Perintah
from tui.layanan import backend
from tui.screens.layar_penilaian import LayarPenilaian, keadaan_periode
from tui.widgets.judul import Judul
from tui.widgets.penilaian.hasil_penilaian import urut_rhk
from tui.widgets.penilaian.penilaian_berubah import kirim, setelah_form, terbuka
from tui.widgets.penilaian.tabel_lentur import Baris, TabelLentur
from tui.widgets.petunjuk import Petunjuk

PETUNJUK = (
    "Silahkan tambah rencana aksi, sesuai kegiatan/aksi berdasarkan indikatornya yang telah "
    "disusun/direncanakan pada RHK."
)


@dataclass
class Item:
    rhk: skp_pb2.Rhk | None = None
    aksi: pb.RencanaAksi | None = None


class RencanaAksiScreen(LayarPenilaian):
    BINDINGS = [
        Binding("t", "tambah", "Tambah"),
        Binding("e", "edit", "Edit"),
        Binding("x", "hapus", "Hapus"),
    ]

    def __init__(self, skp_name: str, penilaian_name: str) -> None:
        super().__init__(skp_name, penilaian_name)
        self._hapus = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(id="layar-penilaian"):
            yield Judul("Rencana Aksi")
            yield Static("Memuat...", id="kepala-periode", markup=False)
            yield TabelLentur[Item]([("No", 3), ("Rencana Hasil Kerja / Rencana Aksi", None)], id="tabel-aksi")
            yield Petunjuk(PETUNJUK, id="ket-aksi")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.tabel)  # before the loading cover, which would pass it on
        super().on_mount()

    @property
    def tabel(self) -> TabelLentur[Item]:
        return self.query_one(TabelLentur)

    def tempat_muat(self) -> Widget:
        return self.tabel

    def perintah(self) -> Iterable[Perintah]:
        yield "Tambah Rencana Aksi", self.action_tambah, "Rencana aksi untuk RHK baris terpilih (t)"
        yield "Edit Rencana Aksi", self.action_edit, "Ubah rencana aksi terpilih (e)"
        yield "Hapus Rencana Aksi", self.action_hapus, "Hapus rencana aksi terpilih (x)"
        yield "Kembali", self.action_kembali, "Kembali ke Penilaian SKP (esc)"

    def tampilkan(self, skp: skp_pb2.Skp, penilaian: pb.Penilaian) -> None:
        p = penilaian.periode
        self.query_one("#kepala-periode", Static).update(
            Text(keadaan_periode(p)) if p.terbuka else Text(fmt.ditutup(p), style="bold")
        )
        baris: list[Baris[Item]] = []
        for jenis in (skp_pb2.JENIS_RHK_UTAMA, skp_pb2.JENIS_RHK_TAMBAHAN):
            baris.append((f"jenis:{jenis}", Item(), ("", Text(fmt.JENIS_RHK[jenis], style="bold"))))
            daftar = urut_rhk(skp, jenis)
            if not daftar:
                baris.append((f"kosong:{jenis}", Item(), ("", Text("tidak ada RHK", style="dim"))))
            for n, r in enumerate(daftar, start=1):
                baris.append((r.name, Item(r), (str(n), Text(r.teks, style="bold"))))
                aksi = [a for a in penilaian.rencana_aksi if a.rhk == r.name]
                for a in aksi:
                    baris.append((a.name, Item(r, a), ("", Text(f"- {a.teks}"))))
                if not aksi:
                    baris.append(
                        (f"tanpa:{r.name}", Item(r), ("", Text("- belum ada rencana aksi (t: Tambah)", style="dim")))
                    )
        self.tabel.isi(baris)

    # --- actions -----------------------------------------------------------------------
    def action_tambah(self) -> None:
        from tui.dialog.isian_teks import IsianTeksScreen

        item = self.tabel.terpilih()
        p = self.penilaian
        if item is None or item.rhk is None:
            self.notify("Pilih dulu baris RHK yang akan diberi rencana aksi.", markup=False)
            return
        if p is None or not terbuka(self, self.penilaian):
            return
        b, rhk = backend(self), item.rhk

        async def simpan(rid: str, teks: str) -> object:
            return await b.tambah_rencana_aksi(rid, p.name, rhk.name, teks)

        self.app.push_screen(
            IsianTeksScreen(
                "Tambah Rencana Aksi", "RENCANA AKSI", simpan, konteks=f"RHK: {rhk.teks}", petunjuk=PETUNJUK
            ),
            setelah_form(self, "Rencana aksi disimpan."),
        )

    @on(DataTable.RowSelected, "#tabel-aksi")
    def action_edit(self) -> None:
        from tui.dialog.isian_teks import IsianTeksScreen

        item = self.tabel.terpilih()
        if item is None or item.rhk is None:
            return
        if item.aksi is None:
            self.action_tambah()  # Enter on an RHK adds to it, as the web app's "Tambah" beside it
            return
        if not terbuka(self, self.penilaian):
            return
        b, lama = backend(self), item.aksi

        async def simpan(rid: str, teks: str) -> object:
            return await b.ubah_rencana_aksi(rid, lama, teks)

        self.app.push_screen(
            IsianTeksScreen("Edit Rencana Aksi", "RENCANA AKSI", simpan, lama.teks, f"RHK: {item.rhk.teks}", PETUNJUK),
            setelah_form(self, "Rencana aksi disimpan."),
        )

    def action_hapus(self) -> None:
        from tui.dialog.konfirmasi import KonfirmasiScreen

        item = self.tabel.terpilih()
        if item is None or item.aksi is None:
            self.notify("Pilih baris rencana aksi yang akan dihapus.", markup=False)
            return
        if not terbuka(self, self.penilaian):
            return
        aksi = item.aksi

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_hapus(aksi)

        self.app.push_screen(
            KonfirmasiScreen("Hapus Rencana Aksi", f'Rencana aksi "{aksi.teks}" akan dihapus. Lanjutkan?', "Hapus"),
            jawab,
        )

    @work(exclusive=True, group="hapus-aksi")
    async def _kirim_hapus(self, aksi: pb.RencanaAksi) -> None:
        b = backend(self)
        await kirim(self, self._hapus, lambda rid: b.hapus_rencana_aksi(rid, aksi), "Rencana aksi dihapus.")
