"""Dashboard: where Enter on a panel's row leads (the panels only post what
they want opened, tui/widgets/dashboard/pesan.py), and admin instansi's own
Dashboard screen (a pegawai's is a page of the main screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ekinerja.profil.v1 import profil_pb2 as ppb
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil

if TYPE_CHECKING:
    from tui.widgets.dashboard.pesan import (
        BukaCapaian,
        BukaKlaim,
        BukaKurva,
        BukaPenilaianBawahan,
        BukaPenilaianSkp,
        BukaPermintaanPenugasan,
        BukaSkp,
    )


class BukaDariDasbor(Screen[None]):
    """The screens a dashboard row opens; the dashboard reloads on return."""

    def _muat_ulang(self, _: object = None) -> None:
        # Imported here: the main screen builds its Dashboard page only when it is first opened.
        from tui.widgets.dashboard.dasbor import Dasbor

        if masih_tampil(self):
            self.query_one(Dasbor).action_muat()

    def on_buka_skp(self, pesan: BukaSkp) -> None:
        from tui.screens.detail_skp import DetailSkpScreen

        self.app.push_screen(DetailSkpScreen(pesan.name, penilai=pesan.penilai), self._muat_ulang)

    def on_buka_penilaian_skp(self, pesan: BukaPenilaianSkp) -> None:
        self._penilaian_skp(pesan.skp)

    @work(exclusive=True, group="buka-penilaian-skp")
    async def _penilaian_skp(self, name: str) -> None:
        from tui.screens.penilaian_skp import PenilaianSkpScreen

        try:
            skp = await backend(self).ambil_skp(name)
        except GagalLayanan as e:
            laporkan(self, e)
            return
        if masih_tampil(self):
            self.app.push_screen(PenilaianSkpScreen(skp), self._muat_ulang)

    def on_buka_penilaian_bawahan(self, pesan: BukaPenilaianBawahan) -> None:
        from tui.screens.penilaian_bawahan import PenilaianBawahanScreen

        self.app.push_screen(PenilaianBawahanScreen(pesan.daftar, pesan.indeks), self._muat_ulang)

    def on_buka_klaim(self, pesan: BukaKlaim) -> None:
        from tui.screens.putuskan_verifikasi import PutuskanKlaimScreen

        self.app.push_screen(PutuskanKlaimScreen(pesan.klaim), self._diputus)

    def on_buka_permintaan_penugasan(self, pesan: BukaPermintaanPenugasan) -> None:
        from tui.screens.putuskan_verifikasi import PutuskanPenugasanScreen

        self.app.push_screen(PutuskanPenugasanScreen(pesan.penugasan), self._diputus)

    def _diputus(self, hasil: object = None) -> None:
        if isinstance(hasil, ppb.Klaim):
            keputusan = "disetujui" if hasil.status == ppb.STATUS_KLAIM_DISETUJUI else "ditolak"
            self.notify(f"Klaim {hasil.pegawai.nama} atas {hasil.unor.nama} {keputusan}.", markup=False)
        elif isinstance(hasil, ppb.Penugasan):
            keputusan = "didaftarkan" if hasil.status == ppb.STATUS_PENUGASAN_BERLAKU else "ditolak"
            self.notify(f"Permintaan {hasil.nama} sebagai {hasil.jabatan} {keputusan}.", markup=False)
        self._muat_ulang()

    def on_buka_kurva(self, pesan: BukaKurva) -> None:
        from tui.screens.lihat_kurva import LihatKurvaScreen

        self.app.push_screen(LihatKurvaScreen(pesan.tahun, pesan.periode))


class DashboardScreen(BukaDariDasbor):
    """Admin instansi's Dashboard, opened from Capaian Organisasi & Batas (d)."""

    BINDINGS = [Binding("escape", "kembali", "Kembali")]

    def compose(self) -> ComposeResult:
        from tui.widgets.dashboard.dasbor import Dasbor

        yield Header(icon="e")
        yield Dasbor()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sesi = backend(self).sesi
        self.sub_title = f"Hi, {sesi.akun.nama}" if sesi else ""
        self.query_one("#dashboard").action_muat()  # type: ignore[attr-defined]  # the Dasbor composed above

    def on_buka_capaian(self, pesan: BukaCapaian) -> None:
        self.dismiss(None)  # back to Capaian Organisasi & Batas, where the capaian is set and finalized

    def action_kembali(self) -> None:
        self.dismiss(None)
