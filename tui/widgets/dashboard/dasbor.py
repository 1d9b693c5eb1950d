"""The Dashboard page: panels by role — for a pegawai his SKPs and the next
Batas, for an atasan what waits for him (approvals, ratings) and the curve of
his bawahan, for admin instansi the capaian not yet final, the Klaim Pimpinan
waiting for verification and the PLT/PLH requests. Each panel gets
its data from at most one call, made here in a worker while the panel shows
a loading indicator; a call that serves two panels (GetRingkasanSkp,
GetRingkasanPenilaian) is made once for both."""

from __future__ import annotations

import datetime as dt

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.dashboard.batas_berikutnya import BatasBerikutnya
from tui.widgets.dashboard.capaian_belum_final import CapaianBelumFinal
from tui.widgets.dashboard.kurva_bawahan import KurvaBawahan
from tui.widgets.dashboard.menunggu_penilaian import MenungguPenilaian
from tui.widgets.dashboard.menunggu_persetujuan import MenungguPersetujuan
from tui.widgets.dashboard.panel import PanelDasbor
from tui.widgets.dashboard.skp_saya import SkpSaya
from tui.widgets.dashboard.verifikasi import KlaimMenunggu, PermintaanPenugasan
from tui.widgets.judul import Judul

TRIWULAN = (pb.PERIODE_TRIWULAN_I, pb.PERIODE_TRIWULAN_II, pb.PERIODE_TRIWULAN_III, pb.PERIODE_TRIWULAN_IV)


def periode_kini(hari_ini: dt.date) -> int:
    """The triwulan today falls in: the period being filled and rated now."""
    return TRIWULAN[(hari_ini.month - 1) // 3]


def sudah_mulai(periode: int, hari_ini: dt.date) -> bool:
    return periode == pb.PERIODE_AKHIR_TAHUN or TRIWULAN.index(periode) <= (hari_ini.month - 1) // 3


class Dasbor(VerticalScroll):
    BINDINGS = [Binding("r", "muat", "Muat Ulang", tooltip="Muat ulang Dashboard")]

    def __init__(self, id: str = "dashboard") -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Judul("Dashboard")
        b = backend(self)
        if b.sesi is not None and b.sesi.akun.nip:
            yield SkpSaya()
            yield BatasBerikutnya()
            yield MenungguPersetujuan()
            yield MenungguPenilaian()
            yield KurvaBawahan()
        if b.admin_instansi:
            yield CapaianBelumFinal()
            yield KlaimMenunggu()
            yield PermintaanPenugasan()

    def fokus(self) -> None:
        for panel in self.query(PanelDasbor):
            if panel.tabel.display:
                panel.tabel.focus()
                return
        self.focus()

    @on(PanelDasbor.MuatUlang)
    def _muat_ulang(self, event: PanelDasbor.MuatUlang) -> None:
        event.stop()
        if masih_tampil(self):
            self.action_muat()

    def action_muat(self) -> None:
        hari_ini = dt.date.today()
        if self.query(SkpSaya):
            self._muat_skp()
            self._muat_penilaian()
            self._muat_kurva(hari_ini.year, periode_kini(hari_ini))
        if self.query(CapaianBelumFinal):
            self._muat_capaian(hari_ini)
            self._muat_klaim()
            self._muat_permintaan()

    @work(exclusive=True, group="dasbor-skp")
    async def _muat_skp(self) -> None:
        saya, menunggu = self.query_one(SkpSaya), self.query_one(MenungguPersetujuan)
        try:
            with memuat(saya), memuat(menunggu):
                r = await backend(self).ringkasan_skp()
        except GagalLayanan as e:
            self._gagal(e, saya, menunggu)
            return
        if masih_tampil(self):
            saya.tampilkan(list(r.skp_saya), r.jumlah_skp_saya)
            menunggu.tampilkan(list(r.menunggu_persetujuan), r.jumlah_menunggu_persetujuan)
            self.fokus()

    @work(exclusive=True, group="dasbor-penilaian")
    async def _muat_penilaian(self) -> None:
        batas, menunggu = self.query_one(BatasBerikutnya), self.query_one(MenungguPenilaian)
        try:
            with memuat(batas), memuat(menunggu):
                r = await backend(self).ringkasan_penilaian()
        except GagalLayanan as e:
            self._gagal(e, batas, menunggu)
            return
        if masih_tampil(self):
            batas.tampilkan(list(r.batas_saya))
            menunggu.tampilkan(list(r.menunggu_penilaian), r.jumlah_menunggu_penilaian)

    @work(exclusive=True, group="dasbor-kurva")
    async def _muat_kurva(self, tahun: int, periode: int) -> None:
        kurva = self.query_one(KurvaBawahan)
        try:
            with memuat(kurva):
                k = await backend(self).kurva(tahun, periode)
        except GagalLayanan as e:
            self._gagal(e, kurva)
            return
        if masih_tampil(self):
            kurva.tampilkan(k, tahun, periode)

    @work(exclusive=True, group="dasbor-capaian")
    async def _muat_capaian(self, hari_ini: dt.date) -> None:
        panel = self.query_one(CapaianBelumFinal)
        try:
            with memuat(panel):
                daftar = await backend(self).capaian_organisasi(hari_ini.year)
        except GagalLayanan as e:
            self._gagal(e, panel)
            return
        if masih_tampil(self):
            panel.tampilkan([c for c in daftar if not c.final and sudah_mulai(c.periode, hari_ini)], hari_ini.year)
            self.fokus()

    @work(exclusive=True, group="dasbor-klaim")
    async def _muat_klaim(self) -> None:
        panel = self.query_one(KlaimMenunggu)
        try:
            with memuat(panel):
                r = await backend(self).klaim_menunggu()
        except GagalLayanan as e:
            self._gagal(e, panel)
            return
        if masih_tampil(self):
            panel.tampilkan(list(r.klaim), r.total_size)

    @work(exclusive=True, group="dasbor-permintaan")
    async def _muat_permintaan(self) -> None:
        panel = self.query_one(PermintaanPenugasan)
        try:
            with memuat(panel):
                daftar = await backend(self).permintaan_penugasan()
        except GagalLayanan as e:
            self._gagal(e, panel)
            return
        if masih_tampil(self):
            panel.tampilkan(daftar)

    def _gagal(self, e: GagalLayanan, *panel: PanelDasbor) -> None:
        """The error in words, in each panel it left empty (no toast per panel)."""
        if laporkan(self, e, diam=True):
            for p in panel:
                p.gagal(e.pesan)
