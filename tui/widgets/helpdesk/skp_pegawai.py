"""A pegawai's SKPs as helpdesk sees them: every SKP with its status, role
and the penilai it stored, and the Riwayat (status changes and changes of
penilai, with who and why) of the one under the cursor. Choosing another
SKP posts `SkpPegawai.Dipilih`: the penilaian tab follows it."""

from __future__ import annotations

import asyncio

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.penilaian.tabel_lentur import TabelLentur
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel

# The reason takes what the screen leaves, and wraps: it is what the caller asks about.
KOLOM_RIWAYAT: list[tuple[str, int | None]] = [
    ("Riwayat: Waktu", 16),
    ("Status", 24),
    ("Oleh", 12),
    ("Alasan/Perubahan", None),
]


def periode(s: pb.Skp) -> str:
    return f"{fmt.tanggal_singkat(s.periode_awal)} - {fmt.tanggal_singkat(s.periode_akhir)}"


class SkpPegawai(Vertical):
    class Dipilih(Message):
        def __init__(self, skp: pb.Skp | None) -> None:
            super().__init__()
            self.skp = skp

    def __init__(self) -> None:
        super().__init__()
        self._skp: dict[str, pb.Skp] = {}
        self._riwayat_dari = ""  # the SKP whose riwayat is shown

    def compose(self) -> ComposeResult:
        yield Static("Memuat...", id="hd-judul-skp", markup=False)
        yield Tabel(id="hd-tabel-skp")
        yield Static("", id="hd-rincian-skp", markup=False)
        yield TabelLentur[pb.RiwayatSkp](KOLOM_RIWAYAT, id="hd-tabel-riwayat")
        with Horizontal(classes="tombol"):
            yield Button("Muat Ulang Penilai (m)", compact=True, variant="primary", id="hd-muat-ulang")
            yield Button("Edit Status (u)", compact=True, id="hd-edit-status")

    def on_mount(self) -> None:
        self.query_one("#hd-tabel-skp", DataTable).add_columns("Periode", "Status", "Peran", "Penilai", "Jabatan")

    def fokus(self) -> None:
        self.query_one("#hd-tabel-skp", DataTable).focus()

    @work(exclusive=True, group="hd-skp")
    async def muat(self, nip: str) -> None:
        judul = self.query_one("#hd-judul-skp", Static)
        try:
            with memuat(self.query_one("#hd-tabel-skp")):
                daftar = await backend(self).daftar_skp(nip)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"Daftar SKP gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self._tampilkan(daftar)

    def _tampilkan(self, daftar: list[pb.Skp]) -> None:
        self._skp = {s.name: s for s in daftar}
        self.query_one("#hd-tabel-skp", Tabel).isi_ulang(
            (
                s.name,
                (
                    periode(s),
                    fmt.status_skp(s.status),
                    fmt.STATUS_PEGAWAI.get(s.status_pegawai, "-"),
                    Text(s.penilai.nama or "-"),
                    Text(s.jabatan),
                ),
            )
            for s in daftar
        )
        self.query_one("#hd-judul-skp", Static).update(
            f"{len(daftar)} SKP, terbaru di atas. Riwayat SKP terpilih di bawah." if daftar else "Belum ada SKP."
        )
        self._terpilih_berubah(segera=True)

    def terpilih(self) -> pb.Skp | None:
        return self._skp.get(self.query_one("#hd-tabel-skp", Tabel).kunci())

    @on(DataTable.RowHighlighted, "#hd-tabel-skp")
    def _terpilih_berubah(self, event: object = None, segera: bool = False) -> None:
        s = self.terpilih()
        self.query_one("#hd-rincian-skp", Static).update(
            kv(
                [
                    ("PENILAI", Text(f"{s.penilai.nama} ({s.penilai.nip})" if s.penilai.nip else "tidak ada")),
                    ("KETERANGAN", Text(s.keterangan or "-")),
                ]
            )
            if s
            else ""
        )
        self.post_message(self.Dipilih(s))
        if s is None:
            self.query_one("#hd-tabel-riwayat", TabelLentur).isi([])
        elif s.name != self._riwayat_dari or segera:
            self._muat_riwayat(s, tunda=not segera)

    @work(exclusive=True, group="hd-riwayat")
    async def _muat_riwayat(self, skp: pb.Skp, tunda: bool) -> None:
        if tunda:
            await asyncio.sleep(0.2)  # moving the cursor: ask once it rests (a newer move cancels this one)
        table: TabelLentur[pb.RiwayatSkp] = self.query_one("#hd-tabel-riwayat", TabelLentur)
        try:
            with memuat(table):
                riwayat = await backend(self).riwayat_skp(skp.name)
        except GagalLayanan as e:
            laporkan(self, e)
            return
        if not masih_tampil(self):
            return
        self._riwayat_dari = skp.name
        table.isi(
            [
                (
                    str(i),
                    r,
                    (
                        fmt.waktu_singkat(r.waktu),
                        fmt.perubahan_status(r.dari, r.ke),
                        Text(r.aktor_nama or "Admin"),
                        Text(r.alasan or "-"),
                    ),
                )
                for i, r in enumerate(reversed(riwayat))
            ]
        )  # newest first, as the rest of the console
