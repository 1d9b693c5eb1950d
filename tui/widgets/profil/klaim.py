"""Klaim Pimpinan Unit Kerja (docs/domain.md#klaim-pimpinan): a pejabat struktural,
kepala sekolah or kepala puskesmas whose jabatan heads the unit claims it, and
becomes Pimpinan. The server decides; a refusal is shown with its reason. A
claim resting on a unit or jabatan the pegawai set himself (or on a jabatan
fungsional) waits for admin instansi/helpdesk: its state is shown here."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.petunjuk import Petunjuk


class KlaimPimpinan(VerticalScroll):
    can_focus = False  # Tab goes straight to the buttons, which scroll into view

    class Berhasil(Message):
        """The pegawai is now the unit's pimpinan: the other tabs change too."""

    def __init__(self) -> None:
        super().__init__()
        self._pegawai: pb.Pegawai | None = None
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield Static("Klaim Pimpinan Unit Kerja", classes="subjudul", markup=False)
        yield Static("Memuat...", id="isi-klaim", markup=False)
        yield Petunjuk(
            "Klaim dilakukan oleh pejabat struktural, kepala sekolah atau kepala puskesmas yang "
            "memimpin unit kerja ini (Plt./Plh. memimpin lewat penugasan PLT/PLH). Setelah klaim, JENIS "
            "berubah menjadi Pimpinan. Klaim atas unit kerja atau jabatan yang Anda ubah sendiri lewat "
            "Edit Profil menunggu verifikasi admin instansi/helpdesk.",
        )
        yield Static("", id="status-klaim", markup=False)
        yield Button("Klaim Pimpinan Unit Kerja", compact=True, variant="primary", id="tombol-klaim")
        yield Static("", id="alasan-klaim", classes="pesan-galat", markup=False)

    def tampilkan(self, p: pb.Pegawai) -> None:
        self._pegawai = p
        self.query_one("#isi-klaim", Static).update(
            Text.assemble(
                "Anda berstatus sebagai ", (fmt.jenis(p.jenis), "bold"), " pada Unit Kerja ", (p.unor.nama, "bold")
            )
        )
        pimpinan = p.jenis == pb.JENIS_PEGAWAI_PIMPINAN
        self.query_one("#tombol-klaim", Button).disabled = pimpinan
        if pimpinan:
            self.query_one("#alasan-klaim", Static).update("")
            self.query_one("#status-klaim", Static).update("")
        else:
            self._muat_status()

    @work(exclusive=True, group="status-klaim")
    async def _muat_status(self) -> None:
        try:
            k = await backend(self).klaim_saya()
        except GagalLayanan as e:
            laporkan(self, e, diam=True)
            return
        if masih_tampil(self):
            self._status(k)

    def _status(self, k: pb.Klaim | None) -> None:
        teks = ""
        if k is not None and k.status == pb.STATUS_KLAIM_MENUNGGU:
            teks = (
                f"Klaim pimpinan {k.unor.nama} menunggu verifikasi admin instansi/helpdesk ({k.dasar}). "
                "Sampai disetujui, Anda belum menjadi pimpinan dan atasan pegawai unit ini tidak berubah."
            )
        elif k is not None and k.status == pb.STATUS_KLAIM_DITOLAK:
            teks = f"Klaim pimpinan {k.unor.nama} ditolak oleh {k.diputus_oleh}: {k.alasan_keputusan}"
        self.query_one("#status-klaim", Static).update(teks)

    @on(Button.Pressed, "#tombol-klaim")
    def klaim(self) -> None:
        """Asks first: a claim changes who rates the whole unit."""
        if self._pegawai is None:
            return
        if self._pegawai.jenis == pb.JENIS_PEGAWAI_PIMPINAN:
            self.notify("Anda sudah berstatus Pimpinan pada unit kerja ini.", markup=False)
            return
        nama = self._pegawai.unor.nama

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim()

        self.app.push_screen(
            KonfirmasiScreen(
                "Klaim Pimpinan Unit Kerja",
                f"Anda akan tercatat sebagai pimpinan {nama}. Atasan seluruh pegawai unit ini akan menjadi Anda "
                "(bila klaim perlu diverifikasi, setelah admin instansi/helpdesk menyetujuinya). Lanjutkan?",
                "Klaim",
            ),
            jawab,
        )

    @work(exclusive=True, group="klaim")
    async def _kirim(self) -> None:
        alasan = self.query_one("#alasan-klaim", Static)
        alasan.update("Memproses klaim...")
        try:
            unor = await backend(self).klaim_pimpinan(self._permintaan.ambil())
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e, alasan)
            return
        self._permintaan.selesai()
        if not masih_tampil(self):
            return
        alasan.update("")
        if unor.klaim.status == pb.STATUS_KLAIM_MENUNGGU:
            self._status(unor.klaim)
            self.notify(
                f"Klaim pimpinan {unor.nama} menunggu verifikasi admin instansi/helpdesk.",
                title="Klaim diajukan",
                markup=False,
            )
            return
        self.notify(f"Anda sekarang pimpinan {unor.nama}.", title="Klaim berhasil", markup=False)
        self.post_message(self.Berhasil())
