"""PLT/PLH (docs/domain.md#plt-dan-plh): the pegawai's assignments as Plt./Plh. of a
unit. While one is in force they act as its pimpinan (a Plt. on a unit without
a definitive pimpinan, a Plh. even over one) and their second SKP is for that
role. The signed-in pegawai only requests one (status Diajukan) until admin or
helpdesk registers it; admin/helpdesk (`untuk`) register another pegawai's
with a reason (the SK)."""

from __future__ import annotations

import datetime as dt

from ekinerja.profil.v1 import profil_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.tabel import Tabel


def status(t: pb.Penugasan, hari_ini: dt.date) -> str:
    if t.status == pb.STATUS_PENUGASAN_DIAJUKAN:
        return "Diajukan"
    if t.status == pb.STATUS_PENUGASAN_DITOLAK:
        return "Ditolak"
    mulai, selesai = fmt.ke_date(t.tanggal_mulai), fmt.ke_date(t.tanggal_selesai)
    if mulai and hari_ini < mulai:
        return "Akan datang"
    if selesai and hari_ini > selesai:
        return "Selesai"
    return "Berlaku"


class PenugasanPlt(Vertical):
    class Berubah(Message):
        """An assignment was added or ended: atasan and bawahan may change."""

        def __init__(self, pesan: str) -> None:
            super().__init__()
            self.pesan = pesan  # what happened, in words

    def __init__(self) -> None:
        super().__init__()
        self._penugasan: dict[str, pb.Penugasan] = {}
        self.pegawai: pb.Pegawai | None = None  # someone else's (helpdesk); None: the signed-in pegawai

    def untuk(self, pegawai: pb.Pegawai) -> None:
        self.pegawai = pegawai
        self.muat()

    def compose(self) -> ComposeResult:
        yield Static("PLT / PLH", classes="subjudul", markup=False)
        yield Static("Memuat...", id="judul-plt", markup=False)
        yield Tabel(id="tabel-plt", lentur=("Jabatan", "Unit Kerja"))
        with Horizontal(classes="tombol"):
            yield Button(
                "Tambah PLT/PLH" if self.pegawai else "Ajukan PLT/PLH", compact=True, variant="primary", id="tambah-plt"
            )
            yield Button("Akhiri", compact=True, id="akhiri-plt")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Jenis", "Jabatan", "Status", "Periode", "Unit Kerja")

    @work(exclusive=True, group="plt")
    async def muat(self) -> None:
        try:
            with memuat(self):
                daftar = await backend(self).penugasan(self.pegawai.nip if self.pegawai else None)
        except GagalLayanan as e:
            # In place, in this tab: the page's own load already raised one toast.
            if laporkan(self, e, diam=True):
                self.query_one("#judul-plt", Static).update(f"Penugasan gagal dimuat: {e.pesan}")
            return
        if masih_tampil(self):
            self.tampilkan(daftar)

    def tampilkan(self, daftar: list[pb.Penugasan]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        hari_ini = dt.date.today()
        for t in daftar:
            table.add_row(
                fmt.jenis_penugasan(t.jenis),
                t.jabatan,
                status(t, hari_ini),
                fmt.periode(t.tanggal_mulai, t.tanggal_selesai),
                t.unor_nama,
                key=t.name,
            )
        self._penugasan = {t.name: t for t in daftar}
        kosong = (
            "Belum ada penugasan PLT/PLH."
            if self.pegawai
            else "Belum ada penugasan PLT/PLH. Pilih Ajukan PLT/PLH bila Anda ditugaskan sebagai Plt. atau Plh.; "
            "penugasan berlaku setelah didaftarkan admin instansi/helpdesk."
        )
        judul = f"{len(daftar)} penugasan Plt./Plh." if daftar else kosong
        diajukan = sum(t.status == pb.STATUS_PENUGASAN_DIAJUKAN for t in daftar)
        if diajukan:
            judul += f" {diajukan} menunggu didaftarkan admin instansi/helpdesk."
        ditolak = next((t for t in daftar if t.status == pb.STATUS_PENUGASAN_DITOLAK), None)
        if ditolak is not None:
            judul += f" Permintaan {ditolak.jabatan} ditolak: {ditolak.alasan_keputusan}"
        self.query_one("#judul-plt", Static).update(judul)
        self.query_one("#tambah-plt", Button).label = "Tambah PLT/PLH" if self.pegawai else "Ajukan PLT/PLH"
        table.set_class(not daftar, "tersembunyi")
        self.query_one("#akhiri-plt", Button).disabled = not daftar

    @on(Button.Pressed, "#tambah-plt")
    def tambah(self) -> None:
        def selesai(hasil: pb.Penugasan | None) -> None:
            if hasil is not None:
                periode = fmt.periode(hasil.tanggal_mulai, hasil.tanggal_selesai)
                if hasil.status == pb.STATUS_PENUGASAN_DIAJUKAN:
                    self._berubah(
                        f"Permintaan {hasil.jabatan} diajukan ({periode}). Berlaku setelah didaftarkan "
                        "admin instansi/helpdesk."
                    )
                else:
                    self._berubah(f"{hasil.jabatan} ditambahkan ({periode}).")

        from tui.widgets.profil.tambah_penugasan import TambahPenugasanScreen  # loaded when first opened

        self.app.push_screen(TambahPenugasanScreen(self.pegawai, alasan=self.pegawai is not None), selesai)

    @on(Button.Pressed, "#akhiri-plt")
    def akhiri(self) -> None:
        if self.query_one(DataTable).row_count == 0:
            self.notify("Belum ada penugasan PLT/PLH.", markup=False)
            return
        penugasan = self._penugasan.get(self.query_one(Tabel).kunci())
        if penugasan is None:
            return

        def selesai(hasil: pb.Penugasan | None) -> None:
            if hasil is not None:
                self._berubah(f"{hasil.jabatan} berakhir {fmt.tanggal(hasil.tanggal_selesai)}.")

        from tui.widgets.profil.akhiri_penugasan import AkhiriPenugasanScreen  # loaded when first opened

        self.app.push_screen(AkhiriPenugasanScreen(penugasan, alasan=self.pegawai is not None), selesai)

    def _berubah(self, pesan: str) -> None:
        if self.pegawai is None:
            self.notify(pesan, markup=False)  # the helpdesk console shows it in its own place
        self.post_message(self.Berubah(pesan))
