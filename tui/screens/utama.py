"""The main screen after login: the web app's left menu (MAIN MENU: Profil, SKP,
Tim Kerja; DASHBOARD: Dashboard) and the chosen page beside it. Profil, SKP
and Dashboard exist in this version; Tim Kerja says so."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header

from tui.commands import Perintah
from tui.layanan import aplikasi
from tui.widgets.belum_tersedia import BelumTersedia
from tui.widgets.menu_utama import HALAMAN, MenuUtama
from tui.widgets.profil.profil_pegawai import TAB, ProfilPegawai

if TYPE_CHECKING:
    from tui.widgets.dashboard.dasbor import Dasbor
    from tui.widgets.skp.daftar_skp import DaftarSkp


class UtamaScreen(Screen[None]):
    BINDINGS = [
        # The pages are in the menu on the left; their keys in f1 (80 columns hold the SKP page's actions).
        Binding("p", "buka('profil')", "Profil", show=False),
        Binding("s", "buka('skp')", "SKP", show=False),
        Binding("d", "buka('dashboard')", "Dashboard", show=False),
        Binding("1", "tab(1)", "Tab", key_display="1-6"),
        *(Binding(str(i), f"tab({i})", nama, show=False) for i, (_, nama) in enumerate(TAB[1:], start=2)),
        # Shown here, on the pages one signs in to; it works on every screen (tui/app.py).
        Binding("ctrl+l", "app.keluar", "Keluar", priority=True),
        Binding("ctrl+u", "app.ubah_password", "Ubah Password", show=False),
    ]

    def __init__(self, nama: str) -> None:
        super().__init__()
        self._nama = nama

    def compose(self) -> ComposeResult:
        yield Header(icon="e")
        with Horizontal():
            yield MenuUtama()
            with ContentSwitcher(initial="profil", id="halaman"):
                # The SKP and Dashboard pages are built when first opened (`_halaman`): one TUI
                # process runs per SSH session, and most sessions start on, and keep to, Profil.
                yield ProfilPegawai()
                yield BelumTersedia(id="belum-tersedia")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = f"Hi, {self._nama}"
        self.query_one(MenuUtama).tandai("profil")
        self.query_one(ProfilPegawai).fokus_tab()

    def perintah(self) -> Iterable[Perintah]:
        profil = self.query_one(ProfilPegawai)
        yield "Profil", lambda: self.action_buka("profil"), "Profil Pegawai: data pegawai, atasan, bawahan"
        for i, (_, nama) in enumerate(TAB, start=1):
            yield nama, partial(self.action_tab, i), f"Profil > {nama} (tombol {i})"
        yield "Edit Profil", self._edit_profil, "Ubah JABATAN dan UNIT KERJA (e)"
        yield "Klaim Pimpinan Unit Kerja", profil.klaim, "Jadikan diri pimpinan unit kerja ini"
        yield "Tambah PLT/PLH", profil.tambah_plt, "Catat penugasan sebagai Plt./Plh. sebuah unit kerja"
        yield "Muat Ulang", profil.action_muat, "Muat ulang data profil dari server (r)"
        yield "SKP", lambda: self.action_buka("skp"), "Daftar SKP: Sasaran Kinerja Pegawai (s)"
        for nama, aksi, bantuan in (
            ("Tambah SKP", "tambah", "Buat SKP baru: periode dan pendekatan; SKP PLT/PLH"),
            ("Edit SKP", "edit", "Ubah periode dan pendekatan SKP terpilih (DRAFT)"),
            ("Hapus SKP", "hapus", "Hapus SKP terpilih (DRAFT)"),
            ("Detail SKP", "detail", "RHK, indikator, perilaku kerja, lampiran; Ajukan SKP"),
            ("Matriks Peran Hasil", "matriks", "Tugaskan RHK Anda kepada bawahan (MPH)"),
            ("SKP Bawahan", "bawahan", "Setujui, kembalikan, edit status SKP bawahan; sinkronisasi"),
            (
                "Penilaian",
                "penilaian",
                "Penilaian SKP terpilih: rencana aksi, bukti dukung, realisasi; penilaian bawahan, rekap, kurva (n)",
            ),
        ):
            yield nama, partial(self._skp, aksi), f"SKP > {bantuan}"
        yield (
            "Pemantauan dan Evaluasi",
            self._pemantauan,
            "Penilaian Bawahan, Rekap Penilaian Bawahan, Lihat Kurva (penilai)",
        )
        yield (
            "Capaian Organisasi & Batas",
            self._capaian,
            "Capaian kinerja organisasi unit induk (pimpinan di atasnya) dan batas penilaian",
        )
        yield (
            "Verifikasi Dokumen",
            self._verifikasi,
            "Periksa tanda tangan elektronik dan kode verifikasi sebuah PDF e-Kinerja",
        )
        yield (
            HALAMAN["dashboard"],
            lambda: self.action_buka("dashboard"),
            "SKP Anda dan batas berikutnya; SKP dan penilaian bawahan yang menunggu; kurva bawahan (d)",
        )
        yield HALAMAN["tim-kerja"], lambda: self.action_buka("tim-kerja"), "Belum tersedia pada versi ini"
        yield "Ubah Password", aplikasi(self).action_ubah_password, "Ganti password akun ini (ctrl+u)"
        yield "Keluar", aplikasi(self).action_keluar, "Akhiri sesi dan kembali ke login (ctrl+l)"

    def _pemantauan(self) -> None:
        from tui.screens.pemantauan_evaluasi import PemantauanEvaluasiScreen

        self.app.push_screen(PemantauanEvaluasiScreen())

    def _verifikasi(self) -> None:
        from tui.screens.verifikasi_dokumen import VerifikasiDokumenScreen

        self.app.push_screen(VerifikasiDokumenScreen())

    def _capaian(self) -> None:
        from tui.screens.capaian_organisasi import CapaianOrganisasiScreen

        self.app.push_screen(CapaianOrganisasiScreen())

    def _edit_profil(self) -> None:
        self._buka_profil()
        self.query_one(ProfilPegawai).action_edit_profil()

    async def _halaman(self, halaman: str) -> DaftarSkp | Dasbor:
        """The SKP or Dashboard page, mounted in the switcher the first time it is asked for
        (its modules, and the SKP and penilaian messages they name, load then)."""
        switcher = self.query_one("#halaman", ContentSwitcher)
        if halaman == "skp":
            from tui.widgets.skp.daftar_skp import DaftarSkp

            kelas: type[DaftarSkp | Dasbor] = DaftarSkp
        else:
            from tui.widgets.dashboard.dasbor import Dasbor

            kelas = Dasbor
        ada = switcher.query_children(kelas)
        if ada:
            return ada.first(kelas)
        panel = kelas()
        await switcher.mount(panel, before="#belum-tersedia")
        return panel

    async def _skp(self, aksi: str) -> None:
        """A Daftar SKP action from the palette: on the SKP page, once its list is there."""
        self.query_one(MenuUtama).tandai("skp")
        from tui.widgets.skp.daftar_skp import DaftarSkp

        daftar = await self._halaman("skp")
        self.query_one("#halaman", ContentSwitcher).current = "skp"
        assert isinstance(daftar, DaftarSkp)
        daftar.fokus()
        daftar.action_muat(lalu=aksi)

    def action_tab(self, nomor: int) -> None:
        self._buka_profil()
        self.query_one(ProfilPegawai).buka_tab(TAB[nomor - 1][0])

    @on(MenuUtama.Dipilih)
    async def _dari_menu(self, event: MenuUtama.Dipilih) -> None:
        await self.action_buka(event.halaman)

    async def action_buka(self, halaman: str) -> None:
        switcher = self.query_one("#halaman", ContentSwitcher)
        self.query_one(MenuUtama).tandai(halaman)
        if halaman == "profil":
            self._buka_profil()
            return
        if halaman in ("skp", "dashboard"):
            # Read again on each visit: what another screen changed shows.
            panel = await self._halaman(halaman)
            switcher.current = halaman
            panel.action_muat()
            panel.fokus()
            return
        self.query_one(BelumTersedia).tampilkan(HALAMAN[halaman])
        switcher.current = "belum-tersedia"
        self.notify(f"Menu {HALAMAN[halaman]} belum tersedia pada versi ini.", severity="warning", markup=False)

    def _buka_profil(self) -> None:
        self.query_one(MenuUtama).tandai("profil")
        self.query_one("#halaman", ContentSwitcher).current = "profil"
        self.query_one(ProfilPegawai).fokus_tab()
