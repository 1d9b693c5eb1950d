"""SKP Bawahan (docs/domain.md#status-skp): the SKPs whose pejabat penilai is the
signed-in pegawai, in one year, searchable by name or NIP. Enter opens one
as Detail SKP Bawahan (approve, return, Edit Status, ekspektasi).
Sinkronisasi re-resolves the penilai of the year's SKPs after changes in
the organisation and reports what changed.

For admin instansi (`eksternal=True`): SKP Penilai Eksternal, the SKPs of the
instansi whose penilai is a penilai eksternal (NON ASN), for whom the admin
approves and rates (docs/domain.md#penentuan-atasan); no Sinkronisasi."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.commands import Perintah
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.isian_tahun import IsianTahun
from tui.widgets.judul import Judul
from tui.widgets.tabel import Tabel


class SkpBawahanScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("minus", "tahun(-1)", "Tahun -", key_display="-"),
        Binding("plus,equals_sign", "tahun(1)", "Tahun +", key_display="+"),
        Binding("y", "sinkronisasi", "Sinkronisasi"),
        Binding("n", "pemantauan", "Penilaian"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self, eksternal: bool = False) -> None:
        super().__init__()
        self._skp: dict[str, pb.Skp] = {}
        self._permintaan = IdPermintaan()
        self.eksternal = eksternal

    def compose(self) -> ComposeResult:
        with Vertical(id="skp-bawahan"):
            yield Judul(
                "SKP Penilai Eksternal - admin bertindak atas nama penilai (NON ASN)"
                if self.eksternal
                else "SKP Bawahan - Sasaran Kinerja Bawahan",
            )
            with Horizontal(id="saring-bawahan"):
                yield Label("TAHUN", markup=False)
                yield IsianTahun()
                yield Label("CARI", markup=False)
                yield Input(compact=True, placeholder="nama atau NIP", id="cari")
            yield Static("Memuat...", id="judul-skp-bawahan", markup=False)
            yield Tabel(id="tabel-skp-bawahan", lentur=("Nama", "Jabatan"))
            with Horizontal(classes="tombol"):
                yield Button("Detail", compact=True, variant="primary", id="detail-bawahan")
                if not self.eksternal:
                    yield Button("Sinkronisasi SKP Bawahan", compact=True, id="sinkronisasi")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Nama", "Jabatan", "Status", "Periode")
        self.query_one(DataTable).focus()
        self.action_muat()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A penilai eksternal's SKPs are re-resolved one by one (Muat Ulang), not by a penilai's Sinkronisasi.
        return not (action == "sinkronisasi" and self.eksternal)

    def perintah(self) -> Iterable[Perintah]:
        yield "Detail SKP Bawahan", self.action_detail, "Buka SKP bawahan terpilih"
        if not self.eksternal:
            yield (
                "Sinkronisasi SKP Bawahan",
                self.action_sinkronisasi,
                "Perbarui pejabat penilai SKP bawahan tahun ini",
            )
        yield (
            "Pemantauan dan Evaluasi",
            self.action_pemantauan,
            "Penilaian Bawahan, Rekap Penilaian Bawahan, Lihat Kurva tahun ini (n)",
        )
        yield "Tahun sebelumnya", lambda: self.action_tahun(-1), "SKP Bawahan tahun sebelumnya (-)"
        yield "Tahun berikutnya", lambda: self.action_tahun(1), "SKP Bawahan tahun berikutnya (+)"
        yield "Kembali", self.action_kembali, "(esc)" if self.eksternal else "Kembali ke Daftar SKP (esc)"

    def action_kembali(self) -> None:
        self.dismiss(None)

    def tahun(self) -> int | None:
        return self.query_one(IsianTahun).tahun

    def action_tahun(self, langkah: int) -> None:
        self.query_one(IsianTahun).geser(langkah)  # Changed reloads

    @on(Input.Changed)
    def _saring(self) -> None:
        if self.tahun() is not None:
            self._muat(tunda=True)

    @on(Input.Submitted)
    def _ke_tabel(self) -> None:
        self.query_one(DataTable).focus()

    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True, group="skp-bawahan")
    async def _muat(self, tunda: bool = False) -> None:
        tahun = self.tahun()
        judul = self.query_one("#judul-skp-bawahan", Static)
        if tahun is None:
            judul.update("Isi TAHUN dengan 4 angka, misalnya 2023.")
            return
        if tunda:
            await asyncio.sleep(0.25)  # typing: ask once the user pauses (a newer call cancels this one)
        query = self.query_one("#cari", Input).value.strip()
        daftar: list[pb.Skp] = []
        try:
            with memuat(self.query_one(DataTable)):
                token = ""
                while True:
                    resp = await backend(self).skp_bawahan(tahun, query, token)
                    daftar.extend(resp.skp)
                    token = resp.next_page_token
                    if not token:
                        break
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                judul.update(Text(f"SKP Bawahan gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self._tampilkan(daftar, tahun, query)

    def _tampilkan(self, daftar: list[pb.Skp], tahun: int, query: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for s in daftar:
            table.add_row(
                Text(s.pegawai.nama),
                Text(s.jabatan),
                fmt.status_skp(s.status).capitalize(),
                fmt.periode_singkat(s.periode_awal, s.periode_akhir),
                key=s.name,
            )
        self._skp = {s.name: s for s in daftar}
        cari = f" yang memuat '{query}'" if query else ""
        apa = "SKP berpenilai eksternal" if self.eksternal else "SKP bawahan"
        self.query_one("#judul-skp-bawahan", Static).update(
            Text(
                f"{len(daftar)} {apa} tahun {tahun}{cari}. Enter: Detail."
                if daftar
                else f"Tidak ada {apa} tahun {tahun}{cari}. Ganti tahun dengan - / +."
            )
        )

    @on(DataTable.RowSelected, "#tabel-skp-bawahan")
    @on(Button.Pressed, "#detail-bawahan")
    def action_detail(self) -> None:
        from tui.screens.detail_skp import DetailSkpScreen

        name = self.query_one(Tabel).kunci()
        if not name:
            self.notify("Tidak ada SKP bawahan untuk dibuka.", markup=False)
            return
        self.app.push_screen(DetailSkpScreen(name, penilai=True), lambda _: self.action_muat())

    def action_pemantauan(self) -> None:
        from tui.screens.pemantauan_evaluasi import PemantauanEvaluasiScreen

        self.app.push_screen(PemantauanEvaluasiScreen(self.tahun()), lambda _: self.action_muat())

    @on(Button.Pressed, "#sinkronisasi")
    def action_sinkronisasi(self) -> None:
        from tui.dialog.konfirmasi import KonfirmasiScreen

        if self.eksternal:
            return
        tahun = self.tahun()
        if tahun is None:
            self.notify("Isi TAHUN dengan 4 angka.", markup=False)
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._sinkronisasi(tahun)

        self.app.push_screen(
            KonfirmasiScreen(
                "Sinkronisasi SKP Bawahan",
                f"Pejabat penilai setiap SKP tahun {tahun} yang menyebut Anda sebagai penilai, dan setiap SKP bawahan "
                "Anda saat ini, akan ditentukan ulang menurut data Profil terbaru. Lanjutkan?",
                "Sinkronisasi",
            ),
            jawab,
        )

    @work(exclusive=True, group="sinkronisasi")
    async def _sinkronisasi(self, tahun: int, konfirmasi: bool = False) -> None:
        """The approved SKPs whose penilai would change are left alone until the
        user, shown the list in the report, chooses Ganti Penilai."""
        from tui.screens.laporan_sinkronisasi import LaporanSinkronisasiScreen

        try:
            with memuat(self.query_one(DataTable)):
                laporan = await backend(self).sinkronisasi_skp_bawahan(self._permintaan.ambil(), tahun, konfirmasi)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e)
            return
        self._permintaan.selesai()

        def selesai(ganti: bool | None) -> None:
            if ganti:
                self._sinkronisasi(tahun, konfirmasi=True)
            else:
                self.action_muat()

        if masih_tampil(self):
            self.app.push_screen(LaporanSinkronisasiScreen(laporan, tahun), selesai)
