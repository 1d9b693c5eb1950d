"""Cetak Massal in progress: the penilai's bulk print of every bawahan's
document of a period. Each document the server reports is a line (who, and
ok or why it was skipped) and a step of the bar; then the zip is saved
where SIMPAN KE says. The lines stay on screen after the end: the skipped
ones say what is missing (e.g. not rated yet). Escape while it runs stops
it (nothing is recorded until the zip is made)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from ekinerja.cetak.v1 import cetak_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, ProgressBar, Static

from tui import kirim_email
from tui.backend import GagalLayanan
from tui.backend_cetak import BerkasCetak, Nilai
from tui.berkas import Tujuan, simpan
from tui.layanan import backend, laporkan, masih_tampil
from tui.screens.cetak_dokumen import tersimpan
from tui.widgets.tabel import Tabel

KOLOM = [("No", 4), ("Pegawai", 30), ("Hasil", 34)]


@dataclass
class HasilMassal:
    """`path`: where the zip was written. `gagal`: the server's refusal,
    for the dialog to show on its fields. Neither: stopped, or the zip could
    not be saved (the dialog keeps its request_id: Cetak again fetches the
    same zip)."""

    path: str | None = None
    gagal: GagalLayanan | None = None


class CetakMassalScreen(ModalScreen[HasilMassal]):
    BINDINGS = [Binding("escape", "tutup", "Tutup")]

    def __init__(
        self,
        request_id: str,
        jenis: int,
        tahun: int,
        periode: int,
        nilai: Nilai,
        tanda_tangan: int,
        tujuan: Tujuan,
        judul: str,
    ) -> None:
        super().__init__()
        self._request_id = request_id
        self._jenis = jenis
        self._tahun = tahun
        self._periode = periode
        self._nilai = nilai
        self._tanda_tangan = tanda_tangan
        self._tujuan = tujuan
        self._judul = judul
        self._kemajuan: list[pb.Kemajuan] = []
        self._hasil = HasilMassal()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar dialog-besar", id="dialog-massal"):
            yield Static(self._judul, classes="judul", markup=False)
            yield ProgressBar(show_eta=False, id="kemajuan-massal")
            yield Static("Menyiapkan dokumen setiap bawahan...", id="ringkasan-massal", markup=False)
            yield Tabel(id="tabel-kemajuan")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Batal", compact=True, id="tutup")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, lebar in KOLOM:
            table.add_column(label, width=lebar)
        table.focus()
        self._cetak()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(self._hasil)  # a running print is cancelled with this screen's worker

    def _tambah(self, k: pb.Kemajuan) -> None:
        if not masih_tampil(self):
            return
        self._kemajuan.append(k)
        self.query_one(ProgressBar).update(total=k.jumlah, progress=k.selesai)
        hasil = Text(f"dilewati: {k.gagal}", style="bold yellow") if k.gagal else Text("ok")
        table = self.query_one(DataTable)
        table.add_row(str(k.selesai), Text(f"{k.nama} ({k.nip})"), hasil, height=None)
        table.move_cursor(row=table.row_count - 1)
        self.query_one("#ringkasan-massal", Static).update(f"{k.selesai} dari {k.jumlah} dokumen diproses...")

    def _ringkas(self) -> str:
        lewat = sum(1 for k in self._kemajuan if k.gagal)
        ringkas = f"{len(self._kemajuan) - lewat} dokumen dalam zip"
        return ringkas + (f", {lewat} dilewati (lihat alasannya di bawah)." if lewat else ".")

    def _selesai(self, tombol: str = "Tutup") -> None:
        self.query_one("#tutup", Button).label = tombol

    @work(exclusive=True)
    async def _cetak(self) -> None:
        berkas: BerkasCetak | None = None
        try:
            berkas = await backend(self).cetak_massal(
                self._request_id, self._jenis, self._tahun, self._periode, self._nilai, self._tanda_tangan, self._tambah
            )
            self.query_one("#ringkasan-massal", Static).update("Menyimpan zip...")
            path = str(await asyncio.to_thread(simpan, self._tujuan, berkas.nama, berkas.isi))
        except GagalLayanan as e:
            self._hasil = HasilMassal(gagal=e)
            if e.sesi_berakhir or not masih_tampil(self):
                laporkan(self, e)
                return
            if e.pelanggaran and not self._kemajuan:
                self.dismiss(self._hasil)  # a field of the dialog: shown there, on it
                return
            self.query_one("#ringkasan-massal", Static).update(self._ringkas() if self._kemajuan else "")
            laporkan(self, e, self.query_one("#pesan", Static))
            self._selesai()
            return
        except OSError as e:
            if berkas is not None and masih_tampil(self):
                self.query_one("#ringkasan-massal", Static).update(self._ringkas())
                self.query_one("#pesan", Static).update(
                    Text(
                        f"Zip gagal disimpan ke {self._tujuan.berkas(berkas.nama)}: {e.strerror or e}. Tutup, perbaiki "
                        "SIMPAN KE, lalu tekan Cetak lagi (zip yang sama diambil ulang, tidak dicetak dua kali)."
                    )
                )
                self._selesai()
            return
        self._hasil = HasilMassal(path=path)
        if masih_tampil(self):
            self.query_one(ProgressBar).update(total=max(len(self._kemajuan), 1), progress=len(self._kemajuan))
            # Said here, where it stays beside the skipped ones, not in a toast.
            self.query_one("#ringkasan-massal", Static).update(Text(f"{self._ringkas()} {tersimpan(berkas, path)}"))
            self._selesai()
            if self._tujuan.sesi is not None:
                kirim_email.tawarkan(self.app, Path(path))
