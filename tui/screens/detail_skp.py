"""Detail SKP (docs/domain.md#skp) and, for the pejabat penilai, Detail SKP
Bawahan (docs/domain.md#status-skp). One tab per part of the web page so that each fits
80x24: the two identity columns, HASIL KERJA, PERILAKU KERJA and LAMPIRAN.

The SKP's pegawai edits it while DRAFT and submits it (Ajukan SKP); the
penilai approves it, returns it, sets its status and writes the Ekspektasi
Khusus Pimpinan. What a role may not do is not offered; the server checks
again and its refusal is shown. Every write sends the etag read last; when
the SKP changed elsewhere the screen says so and reads it again."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from ekinerja.cetak.v1 import cetak_pb2
from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static, TabbedContent, TabPane, Tabs

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.commands import Perintah
from tui.layanan import backend, beri_tahu_usang, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul
from tui.widgets.skp.hasil_kerja import HasilKerja
from tui.widgets.skp.identitas import IdentitasSkp
from tui.widgets.skp.lampiran import LampiranSkp
from tui.widgets.skp.perilaku_kerja import PerilakuKerja
from tui.widgets.skp.skp_berubah import SkpBerubah

TAB = [
    ("identitas", "Pegawai & Penilai"),
    ("hasil-kerja", "Hasil Kerja"),
    ("perilaku", "Perilaku Kerja"),
    ("lampiran", "Lampiran"),
]
# Buttons of each role: (id, label, action).
TOMBOL_PEGAWAI = [
    ("tambah-rhk", "Tambah RHK", "tambah_rhk"),
    ("lihat-matriks", "Lihat Matriks", "matriks"),
    ("cetak", "Cetak", "cetak"),
    ("ajukan", "Ajukan SKP", "ajukan"),
    ("riwayat", "Riwayat", "riwayat"),
]
TOMBOL_PENILAI = [
    ("setujui", "Setujui", "setujui"),
    ("kembalikan", "Kembalikan", "kembalikan"),
    ("edit-status", "Edit Status", "edit_status"),
    ("cetak", "Cetak", "cetak"),
    ("riwayat", "Riwayat", "riwayat"),
]
# Actions that need the SKP in a given status (the rest are always offered: Cetak too, a
# plan not approved yet prints marked as a draft).
BUTUH_STATUS = {
    "tambah_rhk": (pb.STATUS_SKP_DRAFT,),
    "ajukan": (pb.STATUS_SKP_DRAFT,),
    "setujui": (pb.STATUS_SKP_PENGAJUAN,),
    "kembalikan": (pb.STATUS_SKP_PENGAJUAN, pb.STATUS_SKP_PERSETUJUAN),
}


class DetailSkpScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        # 80 columns: the tabs show their names, the rarer keys are in f1 and the palette.
        Binding("1", "tab(1)", "Tab", key_display="1-4", show=False),
        *(Binding(str(i), f"tab({i})", nama, show=False) for i, (_, nama) in enumerate(TAB[1:], start=2)),
        Binding("t", "tambah_rhk", "Tambah RHK"),
        Binding("m", "matriks", "Lihat Matriks", show=False),
        Binding("a", "ajukan", "Ajukan", tooltip="Ajukan SKP"),
        Binding("s", "setujui", "Setujui"),
        Binding("k", "kembalikan", "Kembalikan"),
        Binding("u", "edit_status", "Status", tooltip="Edit Status"),
        Binding("c", "cetak", "Cetak"),
        Binding("h", "riwayat", "Riwayat", show=False),
        Binding("p", "riwayat_cetak", "Riwayat Cetak", show=False),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, name: str, penilai: bool = False) -> None:
        """`penilai`: opened from SKP Bawahan, as the pejabat penilai."""
        super().__init__()
        self._nama_skp = name
        self.penilai = penilai
        self.skp: pb.Skp | None = None
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-skp"):
            with Horizontal(id="kepala-skp"):
                yield Judul("Detail SKP Bawahan" if self.penilai else "Detail SKP")
                yield Static("Status SKP: -", id="status-skp", markup=False)
            yield Static("Memuat...", id="periode-skp", markup=False)
            with Horizontal(classes="tombol"):
                for id_, label, _ in TOMBOL_PENILAI if self.penilai else TOMBOL_PEGAWAI:
                    yield Button(
                        label, compact=True, id=id_, variant="primary" if id_ in ("ajukan", "setujui") else "default"
                    )
            yield Static("", id="pesan-skp", classes="pesan-galat", markup=False)
            with TabbedContent(id="tab-skp"):
                for (pane_id, label), isi in zip(
                    TAB, (IdentitasSkp(), HasilKerja(), PerilakuKerja(), LampiranSkp()), strict=True
                ):
                    with TabPane(label, id=pane_id):
                        yield isi
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#tab-skp Tabs", Tabs).focus()
        self.action_muat()

    def perintah(self) -> Iterable[Perintah]:
        for i, (_, nama) in enumerate(TAB, start=1):
            yield nama, partial(self.action_tab, i), f"Detail SKP > {nama} (tombol {i})"
        for _, label, aksi in TOMBOL_PENILAI if self.penilai else TOMBOL_PEGAWAI:
            if self.check_action(aksi, ()):
                yield label, getattr(self, f"action_{aksi}"), f"Detail SKP > {label}"
        yield "Riwayat Cetak", self.action_riwayat_cetak, "Siapa mencetak dokumen SKP ini dan kapan (p)"
        yield "Muat Ulang", self.action_muat, "Baca ulang SKP dari server (r)"
        yield "Kembali", self.action_kembali, "Tutup Detail SKP (esc)"

    # --- what each role may do ---------------------------------------------------
    def _boleh(self, aksi: str) -> bool:
        if self.skp is None:
            return False
        status = BUTUH_STATUS.get(aksi)
        return status is None or self.skp.status in status

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        peran = {a for _, _, a in (TOMBOL_PENILAI if self.penilai else TOMBOL_PEGAWAI)}
        semua = {a for _, _, a in TOMBOL_PEGAWAI + TOMBOL_PENILAI}
        if action in semua:
            if action not in peran:
                return False  # the other role's: not shown at all
            return True if self._boleh(action) else None  # shown, greyed out
        return True

    # --- loading ----------------------------------------------------------------
    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True, group="skp")
    async def _muat(self) -> None:
        # The first read covers the tabs; a reload only the heading, so the focus stays where the user is.
        tempat = self.query_one("#tab-skp" if self.skp is None else "#kepala-skp")
        try:
            with memuat(tempat):
                skp = await backend(self).ambil_skp(self._nama_skp)
        except GagalLayanan as e:
            if laporkan(self, e):
                self.query_one("#periode-skp", Static).update(Text(f"SKP gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self.tampilkan(skp)

    def tampilkan(self, skp: pb.Skp) -> None:
        self.skp = skp
        self.query_one("#status-skp", Static).update(f"Status SKP: {fmt.status_skp(skp.status)}")
        periode = (
            f"{skp.instansi_nama}  PERIODE PENILAIAN: {fmt.periode_penilaian(skp.periode_awal, skp.periode_akhir)}"
        )
        if self.penilai:
            periode += f"\n{skp.pegawai.nama} - {skp.jabatan}"
        elif skp.keterangan and skp.status == pb.STATUS_SKP_DRAFT:
            periode += f"\nDikembalikan: {skp.keterangan}"
        self.query_one("#periode-skp", Static).update(Text(periode))
        draft = skp.status == pb.STATUS_SKP_DRAFT
        pemilik = not self.penilai
        self.query_one(IdentitasSkp).tampilkan(skp, pemilik)
        self.query_one(HasilKerja).tampilkan(skp, pemilik and draft)
        self.query_one(PerilakuKerja).tampilkan(
            skp, self.penilai and skp.status in (pb.STATUS_SKP_DRAFT, pb.STATUS_SKP_PENGAJUAN)
        )
        self.query_one(LampiranSkp).tampilkan(skp, pemilik and draft)
        for id_, _, aksi in TOMBOL_PENILAI if self.penilai else TOMBOL_PEGAWAI:
            self.query_one(f"#{id_}", Button).disabled = not self._boleh(aksi)
        self.refresh_bindings()

    @on(SkpBerubah)
    def _berubah(self, event: SkpBerubah) -> None:
        if event.usang:
            beri_tahu_usang(self)
        self.action_muat()

    # --- navigation ----------------------------------------------------------------
    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_tab(self, nomor: int) -> None:
        """Opens a tab with the focus on its content, where its keys work."""
        pane = TAB[nomor - 1][0]
        self.query_one(TabbedContent).active = pane
        isi = {"hasil-kerja": "#tabel-rhk", "perilaku": "#daftar-perilaku", "lampiran": "#daftar-lampiran"}
        if pane in isi:
            self.query_one(isi[pane]).focus()
        else:
            self.query_one("#tab-skp Tabs", Tabs).focus()

    @on(Button.Pressed)
    def _tombol(self, event: Button.Pressed) -> None:
        for id_, _, aksi in TOMBOL_PEGAWAI + TOMBOL_PENILAI:
            if event.button.id == id_:
                event.stop()
                getattr(self, f"action_{aksi}")()
                return

    # --- the pegawai -------------------------------------------------------------------
    def action_tambah_rhk(self) -> None:
        if not self._boleh("tambah_rhk"):
            return
        self.query_one(TabbedContent).active = "hasil-kerja"
        hasil = self.query_one(HasilKerja)
        hasil.fokus()
        hasil.tambah_rhk()

    def action_matriks(self) -> None:
        from tui.screens.matriks_peran_hasil import MatriksPeranHasilScreen

        if self.skp is not None and not self.penilai:
            self.app.push_screen(MatriksPeranHasilScreen(self.skp))

    def action_cetak(self) -> None:
        from tui.screens.cetak_dokumen import CetakDokumenScreen

        if self.skp is None or not self._boleh("cetak"):
            return
        s = self.skp
        pihak = cetak_pb2.PIHAK_TANDA_TANGAN_PENILAI if self.penilai else cetak_pb2.PIHAK_TANDA_TANGAN_PEGAWAI
        if not backend(self).nip:
            pihak = (
                cetak_pb2.PIHAK_TANDA_TANGAN_UNSPECIFIED
            )  # admin instansi for a penilai eksternal: he signs on paper, never the admin
        self.app.push_screen(
            CetakDokumenScreen(
                s.name,
                f"{s.pegawai.nama} - PERIODE PENILAIAN: {fmt.periode_penilaian(s.periode_awal, s.periode_akhir)}",
                [cetak_pb2.JENIS_CETAK_RENCANA_SKP],
                pihak,
            )
        )

    def action_riwayat_cetak(self) -> None:
        from tui.screens.riwayat_cetak import RiwayatCetakScreen

        if self.skp is not None:
            s = self.skp
            self.app.push_screen(
                RiwayatCetakScreen(s.name, f"{s.pegawai.nama} - SKP {fmt.periode(s.periode_awal, s.periode_akhir)}")
            )

    def action_ajukan(self) -> None:
        from tui.dialog.konfirmasi import KonfirmasiScreen

        if self.skp is None or not self._boleh("ajukan"):
            return
        skp = self.skp

        def jawab(ya: bool | None) -> None:
            if ya:
                self._ubah_status("ajukan", skp)

        self.app.push_screen(
            KonfirmasiScreen(
                "Ajukan SKP",
                f"SKP {fmt.periode(skp.periode_awal, skp.periode_akhir)} akan diajukan kepada "
                f"{skp.penilai.nama or 'pejabat penilai'} untuk disetujui. Setelah diajukan, SKP tidak dapat diubah "
                "kecuali dikembalikan. Lanjutkan?",
                "Ajukan SKP",
            ),
            jawab,
        )

    # --- the penilai --------------------------------------------------------------------
    def action_setujui(self) -> None:
        from tui.dialog.konfirmasi import KonfirmasiScreen

        if self.skp is None or not self._boleh("setujui"):
            return
        skp = self.skp

        def jawab(ya: bool | None) -> None:
            if ya:
                self._ubah_status("setujui", skp)

        self.app.push_screen(
            KonfirmasiScreen(
                "Setujui SKP",
                f"Setujui SKP {skp.pegawai.nama} periode {fmt.periode(skp.periode_awal, skp.periode_akhir)} "
                "sebagaimana tampil?",
                "Setujui",
            ),
            jawab,
        )

    def action_kembalikan(self) -> None:
        from tui.screens.kembalikan_skp import KembalikanSkpScreen

        if self.skp is not None and self._boleh("kembalikan"):
            self.app.push_screen(KembalikanSkpScreen(self.skp), self._setelah_status)

    def action_edit_status(self) -> None:
        from tui.screens.edit_status import EditStatusScreen

        if self.skp is not None and self.penilai:
            self.app.push_screen(EditStatusScreen(self.skp), self._setelah_status)

    def _setelah_status(self, hasil: pb.Skp | str | None) -> None:
        if hasil == "usang":
            beri_tahu_usang(self)
            self.action_muat()
        elif isinstance(hasil, pb.Skp):
            self.notify(f"Status SKP sekarang {fmt.status_skp(hasil.status)}.", title="SKP", markup=False)
            self.action_muat()

    def action_riwayat(self) -> None:
        from tui.screens.riwayat_skp import RiwayatSkpScreen

        if self.skp is not None:
            self.app.push_screen(RiwayatSkpScreen(self.skp))

    # --- Ajukan / Setujui -----------------------------------------------------------------
    @work(exclusive=True, group="status")
    async def _ubah_status(self, aksi: str, skp: pb.Skp) -> None:
        pesan = self.query_one("#pesan-skp", Static)
        pesan.update("Memproses...")
        try:
            if aksi == "ajukan":
                await backend(self).ajukan_skp(self._permintaan.ambil(), skp)
            else:
                await backend(self).setujui_skp(self._permintaan.ambil(), skp)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang:
                pesan.update("")
                beri_tahu_usang(self)
                self.action_muat()
            else:
                # In place, where it stays while the user fixes it (Ajukan lists every reason).
                laporkan(self, e, pesan)
            return
        self._permintaan.selesai()
        if not masih_tampil(self):
            return
        pesan.update("")
        self.notify(
            "SKP diajukan. Tunggu persetujuan atasan Anda." if aksi == "ajukan" else "SKP disetujui.",
            title="SKP",
            markup=False,
        )
        self.action_muat()
