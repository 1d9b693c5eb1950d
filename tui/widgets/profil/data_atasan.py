"""Data Atasan (manual chapter 8): the pejabat penilai kinerja the server
resolves today. If it is wrong, the fix is in Edit Profil or a Klaim."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.profil.label_nilai import kv


class DataAtasan(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static("Data Atasan (Pejabat Penilai Kinerja)", classes="subjudul")
        yield Static("Memuat...", id="isi-atasan")
        yield Static("Apabila atasan salah, periksa JABATAN dan UNIT KERJA pada Data Pribadi lalu perbaiki "
                     "dengan Edit Profil, atau minta atasan Anda melakukan Klaim Pimpinan Unit Kerja.",
                     classes="petunjuk")

    @work(exclusive=True, group="atasan")
    async def muat(self) -> None:
        try:
            with memuat(self):
                atasan = await backend(self).atasan()
        except GagalLayanan as e:
            # In place, in this tab: the page's own load already raised one toast.
            if laporkan(self, e, diam=True):
                self.query_one("#isi-atasan", Static).update(f"Data atasan gagal dimuat: {e.pesan}")
            return
        if masih_tampil(self):
            self.tampilkan(atasan)

    def tampilkan(self, a: pb.Atasan) -> None:
        isi = self.query_one("#isi-atasan", Static)
        if not a.HasField("atasan"):
            isi.update(a.keterangan or "Atasan belum dapat ditentukan.")
            return
        x = a.atasan
        rows = [("NIP", x.nip), ("NAMA", x.nama), ("UNIT KERJA", x.unor_nama), ("JABATAN", x.jabatan),
                ("GOLONGAN RUANG", x.golongan_ruang)]
        if a.sebagai:
            # An acting head: the manual's "Plt. Kepala ..." wording.
            rows.append(("SEBAGAI", f"{fmt.peran(a.sebagai)} pimpinan {a.unor.nama} (bukan pimpinan definitif)"))
        elif a.unor.nama and a.unor.nama != x.unor_nama:
            rows.append(("SEBAGAI", f"Pimpinan {a.unor.nama}"))
        isi.update(kv(rows))
