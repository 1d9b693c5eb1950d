"""One pegawai in the helpdesk console, everything a support call needs in
one place, one tab each so that each fits 80x24: Profil & Atasan (also of
PLT/PLH roles), SKP & Riwayat, Penilaian of the chosen SKP, PLT/PLH.

And the fixes helpdesk makes, each with a reason recorded in the jejak
audit and a confirmation (tui/dialog/form_aksi.py): Edit Profil (unit
kerja, jabatan), Muat Ulang of an SKP's penilai, Edit Status, PLT/PLH,
Jadikan Pimpinan, Kirim Kode Reset. The last result stays on screen, under
the title, to be read out to the caller."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from ekinerja.profil.v1 import auth_pb2
from ekinerja.profil.v1 import profil_pb2 as ppb
from ekinerja.skp.v1 import skp_pb2 as spb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static, TabbedContent, TabPane, Tabs

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.layanan import backend, beri_tahu_usang, laporkan, masih_tampil, memuat
from tui.widgets.helpdesk.profil_atasan import ProfilAtasan
from tui.widgets.helpdesk.progres_penilaian import ProgresPenilaian
from tui.widgets.helpdesk.skp_pegawai import SkpPegawai
from tui.widgets.judul import Judul
from tui.widgets.profil.penugasan import PenugasanPlt

TAB = [
    ("hd-profil", "Profil & Atasan"),
    ("hd-skp", "SKP & Riwayat"),
    ("hd-penilaian", "Penilaian"),
    ("hd-plt", "PLT/PLH"),
]
# Key, action, footer label (None: not in the footer, 80 columns hold the five cases of docs/helpdesk.md
# beside esc and f1), name, help. Every one is in the palette and the help page (f1).
AKSI = [
    ("e", "edit_profil", "Profil", "Edit Profil", "Perbaiki UNIT KERJA atau JABATAN pegawai ini"),
    ("m", "muat_ulang", "Penilai", "Muat Ulang Penilai", "Tentukan ulang pejabat penilai SKP terpilih dari Profil"),
    ("u", "edit_status", "Status", "Edit Status", "Ubah status SKP terpilih (DRAFT, PENGAJUAN, PERSETUJUAN)"),
    ("k", "kode_reset", "Reset", "Kirim Kode Reset", "Kirim kode reset password ke email terdaftar pegawai"),
    ("t", "tambah_plt", "PLT", "Tambah PLT/PLH", "Catat penugasan Plt./Plh. pegawai ini"),
    ("x", "akhiri_plt", None, "Akhiri PLT/PLH", "Akhiri penugasan PLT/PLH terpilih"),
    ("j", "pimpinan", None, "Jadikan Pimpinan", "Jadikan pegawai ini pimpinan unit kerjanya (ganti pimpinan)"),
    ("a", "jejak", None, "Jejak Audit", "Semua perubahan atas nama pegawai ini"),
]


class PegawaiHelpdeskScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        *(Binding(str(i), f"tab({i})", nama, show=False) for i, (_, nama) in enumerate(TAB, start=1)),
        *(
            Binding(k, aksi, label or nama, show=label is not None, tooltip=f"{nama} - {bantuan}")
            for k, aksi, label, nama, bantuan in AKSI
        ),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, nip: str) -> None:
        super().__init__()
        self.nip = nip
        self.pegawai: ppb.Pegawai | None = None
        self.unor: ppb.Unor | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pegawai-helpdesk"):
            yield Judul(f"Konsol Helpdesk > {self.nip}", id="hd-judul")
            yield Static("", id="hd-hasil", classes="tersembunyi", markup=False)
            with TabbedContent(id="tab-helpdesk"):
                with TabPane(TAB[0][1], id=TAB[0][0]):
                    yield ProfilAtasan()
                with TabPane(TAB[1][1], id=TAB[1][0]):
                    yield SkpPegawai()
                with TabPane(TAB[2][1], id=TAB[2][0]):
                    yield ProgresPenilaian()
                with TabPane(TAB[3][1], id=TAB[3][0]):
                    yield PenugasanPlt()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#tab-helpdesk Tabs", Tabs).focus()
        self.action_muat()

    def perintah(self) -> Iterable[Perintah]:
        for i, (_, nama) in enumerate(TAB, start=1):
            yield nama, partial(self.action_tab, i), f"Konsol Helpdesk > {nama} (tombol {i})"
        for k, aksi, _, nama, bantuan in AKSI:
            yield nama, getattr(self, f"action_{aksi}"), f"{bantuan} ({k})"
        yield "Muat Ulang", self.action_muat, "Baca ulang semua data pegawai ini (r)"
        yield "Kembali", self.action_kembali, "Kembali ke pencarian pegawai (esc)"

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_tab(self, nomor: int) -> None:
        self.query_one(TabbedContent).active = TAB[nomor - 1][0]
        if nomor == 2:
            self.query_one(SkpPegawai).fokus()
        elif nomor == 3:
            self.query_one(ProgresPenilaian).fokus()
        elif nomor == 1:
            self.query_one(ProfilAtasan).focus()  # arrows scroll down to the atasan
        else:
            self.query_one("#tab-helpdesk Tabs", Tabs).focus()

    # --- loading -------------------------------------------------------------------
    def action_muat(self) -> None:
        self._muat_pegawai()
        self.query_one(ProfilAtasan).muat_atasan(self.nip)
        self.query_one(SkpPegawai).muat(self.nip)

    @work(exclusive=True, group="hd-pegawai")
    async def _muat_pegawai(self) -> None:
        profil = self.query_one(ProfilAtasan)
        try:
            with memuat(profil):
                pegawai = await backend(self).pegawai(self.nip)
                try:
                    unor: ppb.Unor | None = await backend(self).unor(pegawai.unor_id)
                except GagalLayanan as e:
                    if e.sesi_berakhir:
                        raise
                    unor = None  # the profile is what matters; the unit's pimpinan is extra
        except GagalLayanan as e:
            if laporkan(self, e):
                profil.gagal(e.pesan)
            return
        if not masih_tampil(self):
            return
        self.pegawai, self.unor = pegawai, unor
        self.query_one("#hd-judul", Static).update(Text(f"Konsol Helpdesk > {pegawai.nama} ({pegawai.nip})"))
        profil.tampilkan(pegawai, unor)
        self.query_one(PenugasanPlt).untuk(pegawai)

    @on(SkpPegawai.Dipilih)
    def _skp_dipilih(self, event: SkpPegawai.Dipilih) -> None:
        self.query_one(ProgresPenilaian).muat(event.skp)

    @on(PenugasanPlt.Berubah)
    def _plt_berubah(self, event: PenugasanPlt.Berubah) -> None:
        self._hasil(event.pesan)
        self.action_muat()  # the atasan of the roles, and the penilai of SKPs to reload

    # --- actions -----------------------------------------------------------------------
    def _hasil(self, pesan: str) -> None:
        """The last action's result, kept under the title (a toast is gone before it is read out)."""
        hasil = self.query_one("#hd-hasil", Static)
        hasil.update(Text(pesan))
        hasil.remove_class("tersembunyi")

    def _setelah(self, apa: str, pesan: Callable[[Any], str]) -> Callable[[Any], None]:
        """What follows a form: stale data reloaded and said so, a change reported and reloaded."""

        def selesai(hasil: Any) -> None:
            if hasil == "usang":
                beri_tahu_usang(self, apa)
                self.action_muat()
            elif hasil is not None:
                self._hasil(pesan(hasil))
                self.action_muat()

        return selesai

    def _perlu_pegawai(self) -> ppb.Pegawai | None:
        if self.pegawai is None:
            self.notify("Data pegawai belum dimuat.", markup=False)
        return self.pegawai

    def _perlu_skp(self) -> spb.Skp | None:
        skp = self.query_one(SkpPegawai).terpilih()
        if skp is None:
            self.notify("Pegawai ini belum memiliki SKP.", markup=False)
        else:
            self.query_one(TabbedContent).active = TAB[1][0]
        return skp

    @on(Button.Pressed, "#hd-edit-profil")
    def action_edit_profil(self) -> None:
        from tui.widgets.profil.edit_profil import EditProfilScreen

        if (p := self._perlu_pegawai()) is not None:
            self.app.push_screen(
                EditProfilScreen(p, alasan=True),
                self._setelah(
                    "Profil", lambda _: f"Profil {p.nama} disimpan. Periksa Data Atasan dan penilai SKP-nya."
                ),
            )

    @on(Button.Pressed, "#hd-kode-reset")
    def action_kode_reset(self) -> None:
        from tui.screens.kirim_kode_reset import KirimKodeResetScreen

        def pesan(r: auth_pb2.KirimKodeResetResponse) -> str:
            return f"Kode reset dikirim ke {r.email_tersamar}, berlaku sampai {fmt.waktu(r.kedaluwarsa)}."

        if (p := self._perlu_pegawai()) is not None:
            self.app.push_screen(KirimKodeResetScreen(p), self._setelah("Profil", pesan))

    @on(Button.Pressed, "#hd-pimpinan")
    def action_pimpinan(self) -> None:
        from tui.screens.ganti_pimpinan import GantiPimpinanScreen

        if (p := self._perlu_pegawai()) is not None:
            self.app.push_screen(
                GantiPimpinanScreen(p, self.unor),
                self._setelah("Profil", lambda u: f"{p.nama} sekarang pimpinan {u.nama}."),
            )

    @on(Button.Pressed, "#hd-muat-ulang")
    def action_muat_ulang(self) -> None:
        from tui.screens.muat_ulang_penilai import MuatUlangPenilaiScreen, penilai

        if (skp := self._perlu_skp()) is not None:
            self.app.push_screen(
                MuatUlangPenilaiScreen(skp, self._atasan_kini(skp)),
                self._setelah(
                    "SKP",
                    lambda s: f"Pejabat penilai SKP {fmt.periode(s.periode_awal, s.periode_akhir)} sekarang: "
                    f"{penilai(s)}.",
                ),
            )

    def _atasan_kini(self, skp: spb.Skp) -> str:
        """Who the atasan rules name today for the SKP's role, as Profil & Atasan read it."""
        profil = self.query_one(ProfilAtasan)
        if skp.status_pegawai == spb.STATUS_PEGAWAI_DEFINITIF:
            atasan = profil.atasan
        else:
            atasan = next((r.atasan for r in profil.peran if r.penugasan.unor_id == skp.unor_plt_id), None)
        if atasan is None:
            return ""
        x = atasan.atasan
        return f"{x.nama} ({x.nip})" if x.nip else (atasan.keterangan or "tidak ada")

    @on(Button.Pressed, "#hd-edit-status")
    def action_edit_status(self) -> None:
        from tui.screens.edit_status import EditStatusScreen

        if (skp := self._perlu_skp()) is not None:
            self.app.push_screen(
                EditStatusScreen(skp, alasan=True),
                self._setelah(
                    "SKP",
                    lambda s: f"Status SKP {fmt.periode(s.periode_awal, s.periode_akhir)} sekarang "
                    f"{fmt.status_skp(s.status)}.",
                ),
            )

    def action_tambah_plt(self) -> None:
        self.query_one(TabbedContent).active = TAB[3][0]
        self.query_one(PenugasanPlt).tambah()

    def action_akhiri_plt(self) -> None:
        self.query_one(TabbedContent).active = TAB[3][0]
        self.query_one(PenugasanPlt).akhiri()

    def action_jejak(self) -> None:
        from tui.screens.jejak_audit import JejakAuditScreen

        nama = self.pegawai.nama if self.pegawai else self.nip
        self.app.push_screen(JejakAuditScreen(atas_nama=self.nip, keterangan=f"atas nama {nama}"))
