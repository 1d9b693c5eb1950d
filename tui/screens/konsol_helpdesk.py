"""Konsol Helpdesk: the main page of a helpdesk account (it has no Profil or
SKP of its own). Find a pegawai of the instansi by NIP or name, then Enter
opens everything about them (tui/screens/pegawai_helpdesk.py); the Jejak
Audit of the whole instansi is one key away."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.layanan import aplikasi, backend, laporkan, masih_tampil, memuat
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel

PETUNJUK = "Ketik NIP (awalnya saja cukup) atau nama pegawai, minimal 2 karakter."


class KonsolHelpdeskScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+f", "cari", "Cari"),
        Binding("down", "ke_hasil", "Ke hasil pencarian", show=False),
        Binding("a", "jejak", "Jejak Audit"),
        # Shown here, on the pages one signs in to; it works on every screen (tui/app.py).
        Binding("ctrl+l", "app.keluar", "Keluar", priority=True),
        Binding("ctrl+u", "app.ubah_password", "Ubah Password", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hasil: dict[str, pb.PegawaiRingkas] = {}
        self._query_tampil: str | None = None  # the query whose results are in the table

    def compose(self) -> ComposeResult:
        yield Header(icon="e")
        with Vertical(id="konsol-helpdesk"):
            yield Static("Konsol Helpdesk - Cari Pegawai", classes="judul", markup=False)
            with Horizontal(classes="saring"):
                yield Label("CARI", markup=False)
                yield Input(compact=True, placeholder="NIP atau nama pegawai", id="cari-pegawai", max_length=100)
            yield Static(PETUNJUK, id="judul-cari", markup=False)
            yield Tabel(id="tabel-cari", lentur=("Nama", "Jabatan", "Unit Kerja"))
            yield Static("", id="rincian-cari", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sesi = backend(self).sesi
        if sesi is not None:
            self.sub_title = f"Hi, {sesi.akun.nama}"
        self.query_one(DataTable).add_columns("NIP", "Nama", "Jabatan", "Unit Kerja", "Gol")
        self.query_one("#cari-pegawai", Input).focus()

    def perintah(self) -> Iterable[Perintah]:
        yield "Cari Pegawai", self.action_cari, "Cari pegawai instansi menurut NIP atau nama (ctrl+f)"
        yield "Detail Pegawai", self.action_detail, "Profil, atasan, SKP, penilaian, PLT/PLH pegawai terpilih"
        yield "Jejak Audit", self.action_jejak, "Siapa mengubah apa, kapan dan mengapa, di seluruh layanan (a)"
        yield "Ubah Password", aplikasi(self).action_ubah_password, "Ganti password akun ini (ctrl+u)"
        yield "Keluar", aplikasi(self).action_keluar, "Akhiri sesi dan kembali ke login (ctrl+l)"

    def action_cari(self) -> None:
        self.query_one("#cari-pegawai", Input).focus()

    @on(Input.Changed, "#cari-pegawai")
    def _ketik(self, event: Input.Changed) -> None:
        self._cari(event.value.strip(), tunda=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Down moves from the search box to the results; elsewhere it is the table's own.
        if action == "ke_hasil":
            return isinstance(self.focused, Input) and self.focused.id == "cari-pegawai"
        return True

    @on(Input.Submitted, "#cari-pegawai")
    def _ke_tabel(self, event: Input.Submitted) -> None:
        """Enter in the search box: one match opens it, several go to the list. Typed faster than
        the search answers, the search runs now and Enter applies to its answer."""
        self._lanjut(event.value.strip(), "buka")

    def action_ke_hasil(self) -> None:
        self._lanjut(self.query_one("#cari-pegawai", Input).value.strip(), "tabel")

    def _lanjut(self, query: str, lalu: str) -> None:
        if query == self._query_tampil:
            self._setelah_cari(lalu)
        else:
            self._cari(query, lalu=lalu)

    def _setelah_cari(self, lalu: str) -> None:
        table = self.query_one(DataTable)
        if lalu == "buka" and table.row_count == 1:
            self.action_detail()
        elif table.row_count:
            table.focus()

    @work(exclusive=True, group="cari-pegawai")
    async def _cari(self, query: str, tunda: bool = False, lalu: str | None = None) -> None:
        judul = self.query_one("#judul-cari", Static)
        if len(query) < 2:
            self._tampilkan([], 0)
            self._query_tampil = query
            judul.update(PETUNJUK)
            return
        if tunda:
            await asyncio.sleep(0.3)  # typing: ask once the user pauses (a newer search cancels this one)
        try:
            with memuat(self.query_one(DataTable)):
                resp = await backend(self).cari_pegawai(query)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"Pencarian gagal: {e.pesan}"))
            return
        if not masih_tampil(self):
            return
        self._tampilkan(list(resp.pegawai), resp.total_size)
        self._query_tampil = query
        if not resp.pegawai:
            judul.update(Text(f"Tidak ada pegawai dengan NIP atau nama '{query}'."))
        elif resp.total_size > len(resp.pegawai):
            judul.update(
                Text(
                    f"{len(resp.pegawai)} dari {resp.total_size} pegawai untuk '{query}': persempit "
                    "pencarian. Enter: detail."
                )
            )
        else:
            judul.update(Text(f"{len(resp.pegawai)} pegawai untuk '{query}'. Enter pada baris: detail."))
        if lalu is not None:
            self._setelah_cari(lalu)

    def _tampilkan(self, daftar: list[pb.PegawaiRingkas], total: int) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for p in daftar:
            table.add_row(p.nip, Text(p.nama), Text(p.jabatan), Text(p.unor_nama), p.golongan_ruang, key=p.nip)
        self._hasil = {p.nip: p for p in daftar}
        self._rincian()

    def terpilih(self) -> pb.PegawaiRingkas | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return self._hasil.get(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    @on(DataTable.RowHighlighted, "#tabel-cari")
    def _rincian(self) -> None:
        """The row under the cursor in full: at 80 columns the table shows NIP and name only."""
        p = self.terpilih()
        self.query_one("#rincian-cari", Static).update(
            kv(
                [
                    ("JABATAN", Text(p.jabatan)),
                    ("UNIT KERJA", Text(p.unor_nama)),
                    ("GOLONGAN RUANG", fmt.golongan(p.golongan_ruang, p.pangkat)),
                ]
            )
            if p
            else ""
        )

    @on(DataTable.RowSelected, "#tabel-cari")
    def action_detail(self) -> None:
        from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen

        p = self.terpilih()
        if p is None:
            self.notify("Cari pegawai dulu: ketik NIP atau nama.", markup=False)
            self.action_cari()
            return
        self.app.push_screen(PegawaiHelpdeskScreen(p.nip))

    def action_jejak(self) -> None:
        from tui.screens.jejak_audit import JejakAuditScreen

        self.app.push_screen(JejakAuditScreen())
