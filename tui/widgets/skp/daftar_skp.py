"""Daftar SKP (docs/domain.md#periode-dan-pendekatan): the pegawai's SKPs, newest
period first, and what can be done with the one under the cursor."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import backend, beri_tahu_usang, laporkan, masih_tampil, memuat
from tui.widgets.buka import BukaDetailSkp, BukaMatriksPeranHasil, BukaPenilaian, BukaSkpBawahan
from tui.widgets.profil.label_nilai import kv
from tui.widgets.skp.tambah_skp import HasilForm, TambahSkpScreen
from tui.widgets.tabel import Tabel

# Eight columns of the web table do not fit 80 columns: the period is abbreviated over two
# lines, the pendekatan goes under the status, Jabatan and Unit Kerja wrap between words in
# the width left (a Plt./Plh. role says so in its jabatan), and the Status Pegawai, Jenis
# Pegawai and Keterangan of the row under the cursor are in full below the table.
KOLOM = ("Periode", "Status", "Jabatan", "Unit Kerja")
LENTUR = ("Jabatan", "Unit Kerja")


def sel_skp(s: pb.Skp) -> tuple[Text, ...]:
    """A row of the table. Text, not str: a str cell is read as markup, and typed text may hold "[...]"."""
    return (
        Text(fmt.periode_singkat(s.periode_awal, s.periode_akhir, pisah=" -\n")),
        Text(f"{fmt.status_skp(s.status)}\n{fmt.PENDEKATAN.get(s.pendekatan, '-')}"),
        Text(s.jabatan),
        Text(s.unor_nama),
    )


class DaftarSkp(Vertical):
    BINDINGS = [
        # Short labels: 80 columns hold five beside Keluar and Bantuan; Hapus is in f1 and the palette.
        Binding("t", "tambah", "Tambah", tooltip="Tambah SKP"),
        Binding("e", "edit", "Edit", tooltip="Edit SKP"),
        Binding("x", "hapus", "Hapus SKP", show=False),
        Binding("m", "matriks", "Matriks", tooltip="Matriks Peran Hasil"),
        Binding("b", "bawahan", "Bawahan", tooltip="SKP Bawahan"),
        Binding("n", "penilaian", "Penilaian", tooltip="Penilaian SKP terpilih"),
        Binding("r", "muat", "Muat Ulang", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="skp")
        self._skp: dict[str, pb.Skp] = {}
        self._hapus = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield Static("Daftar SKP - Daftar Sasaran Kinerja Pegawai", classes="judul", markup=False)
        yield Static("Memuat...", id="judul-skp", markup=False)
        yield Tabel(id="tabel-skp", lentur=LENTUR)
        yield Static("", id="rincian-skp", markup=False)
        with Horizontal(classes="tombol"):
            yield Button("Tambah SKP", compact=True, variant="primary", id="tambah-skp")
            yield Button("Edit SKP", compact=True, id="edit-skp")
            yield Button("Hapus SKP", compact=True, id="hapus-skp")
        with Horizontal(classes="tombol"):
            yield Button("Detail SKP", compact=True, variant="primary", id="detail-skp")
            yield Button("Matriks Peran Hasil", compact=True, id="matriks-skp")
            yield Button("SKP Bawahan", compact=True, id="bawahan-skp")
            yield Button("Penilaian", compact=True, id="penilaian-skp")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*KOLOM)

    def fokus(self) -> None:
        self.query_one(DataTable).focus()

    # --- loading ------------------------------------------------------------------
    def action_muat(self, pilih: str = "", lalu: str = "") -> None:
        """Reloads the list, keeping the cursor on `pilih` (a name) or the same
        SKP; then runs the action `lalu` (from the command palette)."""
        self._muat(pilih, lalu)

    @work(exclusive=True, group="daftar-skp")
    async def _muat(self, pilih: str, lalu: str) -> None:
        try:
            with memuat(self):
                daftar = await backend(self).daftar_skp()
        except GagalLayanan as e:
            if laporkan(self, e):
                self.query_one("#judul-skp", Static).update(Text(f"Daftar SKP gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self.tampilkan(daftar, pilih)
            if lalu:
                getattr(self, f"action_{lalu}")()

    def tampilkan(self, daftar: list[pb.Skp], pilih: str = "") -> None:
        table = self.query_one(DataTable)
        lama = self.terpilih()
        table.clear()
        for s in daftar:
            table.add_row(*sel_skp(s), key=s.name)
        self._skp = {s.name: s for s in daftar}
        tujuan = pilih or (lama.name if lama else "")
        if tujuan in self._skp:
            table.move_cursor(row=table.get_row_index(tujuan))
        self._rincian()
        self.query_one("#judul-skp", Static).update(
            f"{len(daftar)} SKP. Enter: Detail SKP."
            if daftar
            else "Belum ada SKP. Langkah pertama adalah membuat SKP: pilih Tambah SKP (t). Cek dulu Unit Kerja dan "
            "Atasan Anda di menu Profil."
        )

    @on(DataTable.RowHighlighted, "#tabel-skp")
    def _rincian(self) -> None:
        """What the table leaves out, of the row under the cursor (its Jabatan and Unit Kerja wrap in it)."""
        s = self.terpilih()
        self.query_one("#rincian-skp", Static).update(
            kv(
                [
                    ("Status Pegawai", fmt.STATUS_PEGAWAI.get(s.status_pegawai, "-")),
                    ("Jenis Pegawai", fmt.jenis_pegawai_skp(s.jenis_pegawai)),
                    ("Keterangan", Text(s.keterangan or "-")),
                ]
            )
            if s
            else ""
        )

    def terpilih(self) -> pb.Skp | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._skp.get(str(key))

    def _pilihan(self, untuk: str) -> pb.Skp | None:
        skp = self.terpilih()
        if skp is None:
            self.notify(f"Belum ada SKP untuk {untuk}. Buat dulu dengan Tambah SKP (t).", markup=False)
        return skp

    def _draft(self, skp: pb.Skp, untuk: str) -> bool:
        if skp.status == pb.STATUS_SKP_DRAFT:
            return True
        self.notify(
            f"SKP berstatus {fmt.status_skp(skp.status)} tidak dapat {untuk}: hanya SKP berstatus DRAFT. "
            "Minta atasan mengembalikan SKP ke DRAFT bila perlu diubah.",
            severity="warning",
            timeout=8,
            markup=False,
        )
        return False

    # --- actions --------------------------------------------------------------------
    @on(Button.Pressed, "#tambah-skp")
    def action_tambah(self) -> None:
        def selesai(hasil: HasilForm) -> None:
            if isinstance(hasil, pb.Skp):
                self.notify(
                    f"SKP {fmt.periode(hasil.periode_awal, hasil.periode_akhir)} dibuat (DRAFT). "
                    "Lanjutkan dengan Detail SKP untuk mengisi RHK.",
                    title="Tambah SKP",
                    markup=False,
                )
                self._pemberitahuan(hasil, "Tambah SKP")
                self.action_muat(hasil.name)

        self.app.push_screen(TambahSkpScreen(), selesai)

    @on(Button.Pressed, "#edit-skp")
    def action_edit(self) -> None:
        skp = self._pilihan("diubah")
        if skp is None:
            return
        # An approved SKP keeps its pencil: a cut-off in the middle of the year
        # (docs/domain.md#edit-skp). Only one waiting for approval is locked.
        if skp.status == pb.STATUS_SKP_PENGAJUAN:
            self.notify(
                "SKP berstatus PENGAJUAN sedang menunggu persetujuan atasan: Edit SKP dapat dilakukan saat "
                "DRAFT atau setelah disetujui.",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return

        def selesai(hasil: HasilForm) -> None:
            if hasil == "usang":
                beri_tahu_usang(self)
            elif isinstance(hasil, pb.Skp):
                self.notify("Periode dan pendekatan SKP disimpan.", title="Edit SKP", markup=False)
                self._pemberitahuan(hasil, "Edit SKP")
            if hasil is not None:
                self.action_muat()

        self.app.push_screen(TambahSkpScreen(skp), selesai)

    def _pemberitahuan(self, skp: pb.Skp, judul: str) -> None:
        """What the server changed in what was sent (a period clipped to 31 Desember)."""
        if skp.pemberitahuan:
            self.notify(skp.pemberitahuan, title=judul, severity="warning", timeout=15, markup=False)

    @on(Button.Pressed, "#hapus-skp")
    def action_hapus(self) -> None:
        skp = self._pilihan("dihapus")
        if skp is None or not self._draft(skp, "dihapus"):
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_hapus(skp)

        self.app.push_screen(
            KonfirmasiScreen(
                "Hapus SKP",
                f"SKP {fmt.periode(skp.periode_awal, skp.periode_akhir)} ({skp.jabatan}) akan dihapus "
                "beserta seluruh RHK, indikator dan lampirannya. Lanjutkan?",
                "Hapus",
            ),
            jawab,
        )

    @work(exclusive=True, group="hapus-skp")
    async def _kirim_hapus(self, skp: pb.Skp) -> None:
        try:
            await backend(self).hapus_skp(self._hapus.ambil(), skp)
        except GagalLayanan as e:
            self._hapus.selesai(e)
            if e.versi_usang:
                beri_tahu_usang(self)
                self.action_muat()
            else:
                laporkan(self, e)
            return
        self._hapus.selesai()
        if masih_tampil(self):
            self.notify(f"SKP {fmt.periode(skp.periode_awal, skp.periode_akhir)} dihapus.", markup=False)
            self.action_muat()

    @on(DataTable.RowSelected, "#tabel-skp")
    @on(Button.Pressed, "#detail-skp")
    def action_detail(self) -> None:
        skp = self._pilihan("dibuka")
        if skp is not None:
            self.post_message(BukaDetailSkp(skp.name, lambda _: self.action_muat()))

    @on(Button.Pressed, "#matriks-skp")
    def action_matriks(self) -> None:
        skp = self._pilihan("Matriks Peran Hasil")
        if skp is not None:
            self.post_message(BukaMatriksPeranHasil(skp))

    @on(Button.Pressed, "#bawahan-skp")
    def action_bawahan(self) -> None:
        self.post_message(BukaSkpBawahan())

    @on(Button.Pressed, "#penilaian-skp")
    def action_penilaian(self) -> None:
        skp = self._pilihan("dinilai")
        if skp is None:
            return
        if skp.status != pb.STATUS_SKP_PERSETUJUAN:
            self.notify(
                f"SKP berstatus {fmt.status_skp(skp.status)} belum dapat dinilai: penilaian dimulai setelah "
                "SKP diajukan dan disetujui atasan (PERSETUJUAN).",
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        self.post_message(BukaPenilaian(skp, lambda _: self.action_muat()))
