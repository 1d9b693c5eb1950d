"""Profil Pegawai ("Data Pegawai"), docs/domain.md#organisasi-dan-pegawai: one tab
per part of the web page, plus PLT/PLH. The page loads the pegawai and hands
it to the tabs that show it; the other tabs load their own lists. Anything
that changes who leads or rates whom reloads every tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ekinerja.profil.v1 import profil_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, TabbedContent, TabPane, Tabs

from tui.backend import GagalLayanan
from tui.layanan import aplikasi, backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.profil.bawahan import PegawaiBawahan
from tui.widgets.profil.data_atasan import DataAtasan
from tui.widgets.profil.data_pribadi import DataPribadi
from tui.widgets.profil.klaim import KlaimPimpinan
from tui.widgets.profil.penugasan import PenugasanPlt
from tui.widgets.profil.satu_unit import PegawaiSatuUnit

if TYPE_CHECKING:
    from tui.widgets.profil.edit_profil import HasilEdit

# (pane id, the web app's name). The tab labels are shorter so that all six
# fit beside the menu at 80 columns; each tab's heading has the full name.
TAB = [
    ("data-pribadi", "Data Pribadi"),
    ("data-atasan", "Data Atasan"),
    ("satu-unit", "List Pegawai Satu Unit Kerja"),
    ("bawahan", "List Pegawai Bawahan"),
    ("klaim", "Klaim Pimpinan Unit Kerja"),
    ("plt", "PLT/PLH"),
]
LABEL = ["Data Pribadi", "Data Atasan", "Satu Unit", "Bawahan", "Klaim", "PLT/PLH"]


class ProfilPegawai(Vertical):
    BINDINGS = [
        Binding("e", "edit_profil", "Edit Profil"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="profil")
        self.pegawai: pb.Pegawai | None = None

    def compose(self) -> ComposeResult:
        yield Judul("Profil Pegawai - Data Pegawai")
        with TabbedContent(id="tab-profil"):
            panes = [DataPribadi(), DataAtasan(), PegawaiSatuUnit(), PegawaiBawahan(), KlaimPimpinan(), PenugasanPlt()]
            for (pane_id, _), label, isi in zip(TAB, LABEL, panes, strict=True):
                with TabPane(label, id=pane_id):
                    yield isi

    def on_mount(self) -> None:
        self.action_muat()

    def fokus_tab(self) -> None:
        self.query_one("#tab-profil Tabs", Tabs).focus()

    def buka_tab(self, pane_id: str) -> None:
        self.query_one(TabbedContent).active = pane_id
        self.fokus_tab()

    # --- loading ----------------------------------------------------------------
    def action_muat(self) -> None:
        self._muat_pegawai()
        self.query_one(DataAtasan).muat()
        self.query_one(PegawaiBawahan).muat()
        self.query_one(PenugasanPlt).muat()

    @work(exclusive=True, group="pegawai")
    async def _muat_pegawai(self) -> None:
        pribadi = self.query_one(DataPribadi)
        try:
            with memuat(pribadi):
                pegawai = await backend(self).pegawai()
        except GagalLayanan as e:
            if laporkan(self, e):
                pribadi.gagal(e.pesan)
            return
        if not masih_tampil(self):
            return
        self.pegawai = pegawai
        pribadi.tampilkan(pegawai)
        self.query_one(KlaimPimpinan).tampilkan(pegawai)
        self.query_one(PegawaiSatuUnit).muat(pegawai.unor_id, pegawai.unor.nama)

    @on(KlaimPimpinan.Berhasil)
    @on(PenugasanPlt.Berubah)
    def _data_berubah(self) -> None:
        self.action_muat()

    # --- actions ----------------------------------------------------------------
    @on(Button.Pressed, "#edit-profil")
    def action_edit_profil(self) -> None:
        if self.pegawai is None:
            self.notify("Data pribadi belum dimuat.", markup=False)
            return

        def selesai(hasil: HasilEdit | None) -> None:
            if hasil == "disimpan":
                self.notify("Profil disimpan. Periksa kembali Data Atasan Anda.", title="Edit Profil", markup=False)
            elif hasil == "usang":
                self.notify(
                    "Profil Anda telah diubah di tempat lain sejak formulir dibuka, sehingga perubahan "
                    "belum disimpan. Data terbaru sudah dimuat; silakan periksa lalu ulangi Edit Profil.",
                    severity="warning",
                    title="Profil berubah",
                    timeout=12,
                    markup=False,
                )
            if hasil is not None:
                self.action_muat()  # the atasan, the unit list and the bawahan may change with the unit

        # The dialogs (and TextArea's modules under them) load when first opened, not at login.
        from tui.widgets.profil.edit_profil import EditProfilScreen

        self.app.push_screen(EditProfilScreen(self.pegawai), selesai)

    @on(Button.Pressed, "#ubah-password")
    def _ubah_password(self) -> None:
        aplikasi(self).action_ubah_password()

    def klaim(self) -> None:
        self.buka_tab("klaim")
        self.query_one(KlaimPimpinan).klaim()

    def tambah_plt(self) -> None:
        self.buka_tab("plt")
        self.query_one(PenugasanPlt).tambah()
