"""Cari Pegawai: the instansi's pegawai by NIP or name, searched as one types
(Konsol Helpdesk, Penilai Eksternal). It posts `Disorot` for the row under
the cursor and `Dipilih` for Enter on a row, or Enter in the box when the
search found exactly one; the screen decides what that opens."""

from __future__ import annotations

import asyncio

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.tabel import Tabel


class CariPegawai(Vertical):
    BINDINGS = [Binding("down", "ke_hasil", "Ke hasil pencarian", show=False)]

    class Disorot(Message):
        def __init__(self, pegawai: pb.PegawaiRingkas | None) -> None:
            super().__init__()
            self.pegawai = pegawai

    class Dipilih(Message):
        def __init__(self, pegawai: pb.PegawaiRingkas) -> None:
            super().__init__()
            self.pegawai = pegawai

    def __init__(self, petunjuk: str, *, lengkap: bool = False, enter: str = "") -> None:
        """`lengkap`: Unit Kerja and Gol columns too; `enter`: what Enter on a row does, for the hint."""
        super().__init__(classes="cari-pegawai")
        self._petunjuk = petunjuk
        self._lengkap = lengkap
        self._enter = enter
        self._hasil: dict[str, pb.PegawaiRingkas] = {}
        self._query_tampil: str | None = None  # the query whose results are in the table

    def compose(self) -> ComposeResult:
        with Horizontal(classes="saring"):
            yield Label("CARI", markup=False)
            yield Input(compact=True, placeholder="NIP atau nama pegawai", id="cari-pegawai", max_length=100)
        yield Static(self._petunjuk, id="judul-cari", markup=False)
        yield Tabel(id="tabel-cari", lentur=("Nama", "Jabatan", "Unit Kerja") if self._lengkap else ())

    def on_mount(self) -> None:
        kolom = ("NIP", "Nama", "Jabatan", "Unit Kerja", "Gol") if self._lengkap else ("NIP", "Nama", "Jabatan")
        self.query_one(DataTable).add_columns(*kolom)
        self.fokus()

    def fokus(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Down moves from the search box to the results; elsewhere it is the table's own.
        if action == "ke_hasil":
            return self.screen.focused is self.query_one(Input)
        return True

    @on(Input.Changed, "#cari-pegawai")
    def _ketik(self, event: Input.Changed) -> None:
        event.stop()
        self._cari(event.value.strip(), tunda=True)

    @on(Input.Submitted, "#cari-pegawai")
    def _ke_tabel(self, event: Input.Submitted) -> None:
        """Enter in the search box: one match is chosen, several go to the list. Typed faster than
        the search answers, the search runs now and Enter applies to its answer."""
        event.stop()
        self._lanjut(event.value.strip(), "pilih")

    def action_ke_hasil(self) -> None:
        self._lanjut(self.query_one(Input).value.strip(), "tabel")

    def _lanjut(self, query: str, lalu: str) -> None:
        if query == self._query_tampil:
            self._setelah_cari(lalu)
        else:
            self._cari(query, lalu=lalu)

    def _setelah_cari(self, lalu: str) -> None:
        table = self.query_one(DataTable)
        p = self.terpilih()
        if lalu == "pilih" and table.row_count == 1 and p is not None:
            self.post_message(self.Dipilih(p))
        elif table.row_count:
            table.focus()

    @work(exclusive=True, group="cari-pegawai")
    async def _cari(self, query: str, tunda: bool = False, lalu: str | None = None) -> None:
        judul = self.query_one("#judul-cari", Static)
        if len(query) < 2:
            self._tampilkan([])
            self._query_tampil = query
            judul.update(self._petunjuk)
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
        self._tampilkan(list(resp.pegawai))
        self._query_tampil = query
        judul.update(Text(self._judul(query, len(resp.pegawai), resp.total_size)))
        if lalu is not None:
            self._setelah_cari(lalu)

    def _judul(self, query: str, jumlah: int, total: int) -> str:
        if not jumlah:
            return f"Tidak ada pegawai dengan NIP atau nama '{query}'."
        if total > jumlah:
            return f"{jumlah} dari {total} pegawai untuk '{query}': persempit pencarian." + (
                f" Enter: {self._enter}." if self._enter else ""
            )
        return f"{jumlah} pegawai untuk '{query}'." + (f" Enter pada baris: {self._enter}." if self._enter else "")

    def _tampilkan(self, daftar: list[pb.PegawaiRingkas]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for p in daftar:
            sel = (Text(p.unor_nama), p.golongan_ruang) if self._lengkap else ()
            table.add_row(p.nip, Text(p.nama), Text(p.jabatan), *sel, key=p.nip)
        self._hasil = {p.nip: p for p in daftar}
        self._disorot()

    def terpilih(self) -> pb.PegawaiRingkas | None:
        return self._hasil.get(self.query_one(Tabel).kunci())

    @on(DataTable.RowHighlighted, "#tabel-cari")
    def _disorot(self) -> None:
        self.post_message(self.Disorot(self.terpilih()))

    @on(DataTable.RowSelected, "#tabel-cari")
    def _dipilih(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if p := self.terpilih():
            self.post_message(self.Dipilih(p))
