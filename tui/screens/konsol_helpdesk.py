"""Konsol Helpdesk: the main page of a helpdesk account (it has no Profil or
SKP of its own). Find a pegawai of the instansi by NIP or name, then Enter
opens everything about them (tui/screens/pegawai_helpdesk.py); the Jejak
Audit of the whole instansi is one key away."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui import format as fmt
from tui.commands import Perintah
from tui.layanan import aplikasi, backend
from tui.widgets.judul import Judul
from tui.widgets.profil.cari_pegawai import CariPegawai
from tui.widgets.profil.label_nilai import kv

PETUNJUK = "Ketik NIP (awalnya saja cukup) atau nama pegawai, minimal 2 karakter."


class KonsolHelpdeskScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+f", "cari", "Cari"),
        Binding("a", "jejak", "Jejak Audit"),
        # Shown here, on the pages one signs in to; it works on every screen (tui/app.py).
        Binding("ctrl+l", "app.keluar", "Keluar", priority=True),
        Binding("ctrl+u", "app.ubah_password", "Ubah Password", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="e")
        with Vertical(id="konsol-helpdesk"):
            yield Judul("Konsol Helpdesk - Cari Pegawai")
            yield CariPegawai(PETUNJUK, lengkap=True, enter="detail")
            yield Static("", id="rincian-cari", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sesi = backend(self).sesi
        if sesi is not None:
            self.sub_title = f"Hi, {sesi.akun.nama}"

    def perintah(self) -> Iterable[Perintah]:
        yield "Cari Pegawai", self.action_cari, "Cari pegawai instansi menurut NIP atau nama (ctrl+f)"
        yield "Detail Pegawai", self.action_detail, "Profil, atasan, SKP, penilaian, PLT/PLH pegawai terpilih"
        yield "Jejak Audit", self.action_jejak, "Siapa mengubah apa, kapan dan mengapa, di seluruh layanan (a)"
        yield "Ubah Password", aplikasi(self).action_ubah_password, "Ganti password akun ini (ctrl+u)"
        yield "Keluar", aplikasi(self).action_keluar, "Akhiri sesi dan kembali ke login (ctrl+l)"

    def action_cari(self) -> None:
        self.query_one(CariPegawai).fokus()

    @on(CariPegawai.Disorot)
    def _rincian(self, event: CariPegawai.Disorot) -> None:
        """The row under the cursor in full: at 80 columns the table shows NIP and name only."""
        p = event.pegawai
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

    @on(CariPegawai.Dipilih)
    def _dipilih(self) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen

        p = self.query_one(CariPegawai).terpilih()
        if p is None:
            self.notify("Cari pegawai dulu: ketik NIP atau nama.", markup=False)
            self.action_cari()
            return
        self.app.push_screen(PegawaiHelpdeskScreen(p.nip))

    def action_jejak(self) -> None:
        from tui.screens.jejak_audit import JejakAuditScreen

        self.app.push_screen(JejakAuditScreen())
