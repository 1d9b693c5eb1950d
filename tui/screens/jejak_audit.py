"""Jejak Audit (admin instansi, helpdesk): who changed what, when and why,
across the four services, newest first. Each service keeps its own record;
the same filters go to all four and the answers are merged
(`JejakGabungan`), a page at a time. A service that cannot answer is named
above the table instead of hiding the others. Enter shows one record in
full: the state before and after, and the request id that ties it to the
server's log lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ekinerja.audit.v1 import audit_pb2 as apb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.backend_helpdesk import JejakGabungan, SaringJejak
from tui.commands import Perintah
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.profil.label_nilai import kv
from tui.widgets.tabel import Tabel

# The server's filter names -> their inputs.
SARINGAN = {
    "atas_nama": "#saring-atas-nama",
    "aktor": "#saring-aktor",
    "metode": "#saring-metode",
    "sasaran": "#saring-sasaran",
    "sejak": "#saring-sejak",
    "sampai": "#saring-sampai",
}
# Metode and Alasan first: what was done and why are what is read at 80 columns.
KOLOM = ("Waktu", "Metode", "Alasan", "Aktor", "Atas Nama", "Layanan", "Sasaran")


def ringkas(teks: str, lebar: int) -> Text:
    teks = " ".join(teks.split())
    return Text(teks if len(teks) <= lebar else teks[: lebar - 3] + "...")


def aktor(j: apb.JejakAudit) -> str:
    return f"{j.aktor_nama} ({j.aktor})" if j.aktor_nama and j.aktor_nama != j.aktor else j.aktor


class JejakAuditScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("ctrl+f", "saring", "Saring"),
        Binding("l", "lagi", "Lebih banyak"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, atas_nama: str = "", keterangan: str = "") -> None:
        """`atas_nama`: a NIP to start with (the pegawai open in the console)."""
        super().__init__()
        self._atas_nama = atas_nama
        self._keterangan = keterangan
        self._jejak: list[apb.JejakAudit] = []
        self._gabungan: JejakGabungan | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="jejak-audit"):
            judul = "Jejak Audit" + (f" - {self._keterangan}" if self._keterangan else "")
            yield Judul(judul)
            with Horizontal(classes="saring"):
                yield Label("ATAS NAMA", markup=False)
                yield Input(
                    self._atas_nama,
                    compact=True,
                    placeholder="NIP",
                    id="saring-atas-nama",
                    max_length=18,
                    restrict=r"\d*",
                )
                yield Label("AKTOR", markup=False)
                yield Input(compact=True, placeholder="NIP atau username", id="saring-aktor", max_length=64)
            with Horizontal(classes="saring"):
                yield Label("METODE", markup=False)
                yield Input(compact=True, placeholder="mis. UbahStatusSkp", id="saring-metode", max_length=64)
                yield Label("SASARAN", markup=False)
                yield Input(compact=True, placeholder="awalan, mis. skp/", id="saring-sasaran", max_length=200)
            with Horizontal(classes="saring"):
                yield Label("SEJAK", markup=False)
                yield Input(compact=True, placeholder="DD/MM/YYYY", id="saring-sejak", max_length=10)
                yield Label("S/D", classes="label-pendek", markup=False)
                yield Input(compact=True, placeholder="DD/MM/YYYY", id="saring-sampai", max_length=10)
                yield Static("Enter: terapkan saringan", classes="petunjuk-saring", markup=False)
            yield Static("Memuat...", id="judul-jejak", markup=False)
            yield Tabel(id="tabel-jejak")
            yield Static("", id="rincian-jejak", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*KOLOM)
        self.set_focus(self.query_one(DataTable))  # before the loading cover, which would pass it on
        self.action_muat()

    def perintah(self) -> Iterable[Perintah]:
        yield "Saring Jejak Audit", self.action_saring, "Atas nama, aktor, metode, sasaran, tanggal (ctrl+f)"
        yield "Lebih banyak", self.action_lagi, "Muat catatan berikutnya yang lebih lama (l)"
        yield "Detail Jejak", self.action_detail, "Sebelum, sesudah dan request id catatan terpilih (Enter)"
        yield "Muat Ulang", self.action_muat, "Baca ulang jejak dari awal (r)"
        yield "Kembali", self.action_kembali, "(esc)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In a filter, letters are typed, not actions.
        if action in ("lagi", "muat") and isinstance(self.focused, Input):
            return False
        return True

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_saring(self) -> None:
        self.query_one("#saring-atas-nama", Input).focus()

    # --- loading -----------------------------------------------------------------------
    def _saringan(self) -> SaringJejak | None:
        """The filters as typed; None (and the input marked) when a date is not one."""
        nilai = {k: self.query_one(s, Input).value.strip() for k, s in SARINGAN.items()}
        tanggal: dict[str, dt.date | None] = {}
        for k, label in (("sejak", "SEJAK"), ("sampai", "S/D")):
            try:
                tanggal[k] = fmt.baca_tanggal(nilai[k], label) if nilai[k] else None
            except ValueError as e:
                self._salah(str(e), k)
                return None
        return SaringJejak(
            atas_nama=nilai["atas_nama"],
            aktor=nilai["aktor"],
            metode=nilai["metode"],
            sasaran=nilai["sasaran"],
            sejak=tanggal["sejak"],
            sampai=tanggal["sampai"],
        )

    def _salah(self, pesan: str, field: str | None) -> None:
        self.query_one("#judul-jejak", Static).update(Text(pesan))
        if field in SARINGAN:
            tempat = self.query_one(SARINGAN[field], Input)
            tempat.add_class("salah")
            tempat.focus()

    @on(Input.Submitted)
    def action_muat(self) -> None:
        for widget in self.query(".salah"):
            widget.remove_class("salah")
        saring = self._saringan()
        if saring is None:
            return
        self._gabungan = backend(self).jejak_audit(saring)
        self._jejak = []
        self.query_one(DataTable).clear()
        self._muat()

    def action_lagi(self) -> None:
        if self._gabungan is None or self._gabungan.habis:
            self.notify("Tidak ada catatan lain.", markup=False)
            return
        self._muat()

    @work(exclusive=True, group="jejak")
    async def _muat(self) -> None:
        gabungan = self._gabungan
        if gabungan is None:
            return
        table = self.query_one(DataTable)
        try:
            with memuat(table):
                baru = await gabungan.berikutnya()
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                self._salah(f"Jejak audit gagal dimuat: {e.pesan}", (e.field or "").rsplit(".", 1)[-1])
            return
        if not masih_tampil(self) or gabungan is not self._gabungan:
            return
        for j in baru:
            table.add_row(
                fmt.waktu_singkat(j.waktu),
                j.metode,
                ringkas(j.alasan or "-", 28),
                ringkas(j.aktor_nama or j.aktor, 20),
                j.atas_nama or "-",
                j.layanan,
                Text(j.sasaran),
                key=f"{j.layanan}/{j.id}",
            )
        self._jejak.extend(baru)
        self._judul(gabungan)
        self._rincian()

    def _judul(self, gabungan: JejakGabungan) -> None:
        n = len(self._jejak)
        if n == 0:
            teks = "Tidak ada catatan yang cocok dengan saringan."
        else:
            teks = f"{n} catatan, terbaru di atas." + ("" if gabungan.habis else " l: muat yang lebih lama.")
        gagal = [f"layanan {nama}: {e.pesan}" for nama, e in gabungan.gagal.items()]
        if gagal:
            teks += " Tidak dapat dibaca: " + "; ".join(gagal)
        self.query_one("#judul-jejak", Static).update(Text(teks))

    def terpilih(self) -> apb.JejakAudit | None:
        table = self.query_one(DataTable)
        if table.row_count == 0 or table.cursor_row >= len(self._jejak):
            return None
        return self._jejak[table.cursor_row]

    @on(DataTable.RowHighlighted, "#tabel-jejak")
    def _rincian(self) -> None:
        """The record under the cursor, what the columns cut off at 80 columns."""
        j = self.terpilih()
        self.query_one("#rincian-jejak", Static).update(
            kv(
                [
                    ("OLEH", Text(f"{aktor(j)}, atas nama {j.atas_nama or '-'}")),
                    ("SASARAN", Text(f"{j.sasaran or '-'} ({j.layanan})")),
                    ("ALASAN", Text(j.alasan or "-")),
                ]
            )
            if j
            else ""
        )

    @on(DataTable.RowSelected, "#tabel-jejak")
    def action_detail(self) -> None:
        from tui.screens.detail_jejak import DetailJejakScreen

        j = self.terpilih()
        if j is not None:
            self.app.push_screen(DetailJejakScreen(j))
