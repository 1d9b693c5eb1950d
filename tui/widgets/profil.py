"""Profil Pegawai (manual chapters 3, 4, 8, 10): Data Pribadi, Data Atasan,
List Pegawai Satu Unit Kerja, List Pegawai Bawahan, Klaim Pimpinan Unit Kerja,
and PLT/PLH."""

from __future__ import annotations

import asyncio

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Static, TabbedContent, TabPane

from tui import format as fmt
from tui.backend import GagalLayanan


def kv(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in rows:
        table.add_row(label, value or "-")
    return table


class ProfilPegawai(Vertical):
    BINDINGS = [("e", "edit_profil", "Edit Profil"), ("r", "muat", "Muat Ulang")]

    def __init__(self) -> None:
        super().__init__(id="profil")
        self.pegawai: pb.Pegawai | None = None
        self._token_unor = ""

    def compose(self) -> ComposeResult:
        yield Static("Profil Pegawai", classes="judul")
        with TabbedContent(id="tab-profil"):
            with TabPane("Pribadi", id="data-pribadi"):
                with VerticalScroll():
                    yield Static("Data Pribadi", classes="subjudul")
                    yield Static("Memuat...", id="isi-pribadi")
                    with Horizontal(classes="tombol"):
                        yield Button("Edit Profil", id="edit-profil")
                        yield Button("Ubah Password", id="ubah-password")
            with TabPane("Atasan", id="data-atasan"):
                yield Static("Data Atasan (pejabat penilai kinerja)", classes="subjudul")
                yield Static("Memuat...", id="isi-atasan")
                yield Static("Jika atasan salah, perbaiki unit kerja/jabatan melalui Edit Profil, atau hubungi "
                             "admin agar pimpinan unit mengklaim unitnya.", classes="petunjuk")
            with TabPane("Satu Unit", id="satu-unit"):
                yield Static("List Pegawai Satu Unit Kerja", classes="subjudul")
                yield Static("", id="judul-unit")
                yield DataTable(id="tabel-unit", cursor_type="row", zebra_stripes=True)
                yield Button("Muat berikutnya", id="berikutnya", classes="tersembunyi")
            with TabPane("Bawahan", id="bawahan"):
                yield Static("List Pegawai Bawahan", classes="subjudul")
                yield Static("", id="judul-bawahan")
                yield DataTable(id="tabel-bawahan", cursor_type="row", zebra_stripes=True)
            with TabPane("Klaim", id="klaim"):
                yield Static("Klaim Pimpinan Unit Kerja", classes="subjudul")
                yield Static("", id="isi-klaim")
                yield Static("Klaim dilakukan oleh pejabat struktural, PLT/PLH, kepala sekolah atau kepala "
                             "puskesmas yang jabatannya memimpin unit kerja ini.", classes="petunjuk")
                yield Button("Klaim Pimpinan Unit Kerja", id="tombol-klaim", variant="primary")
            with TabPane("PLT/PLH", id="plt"):
                yield Static("Penugasan PLT / PLH", classes="subjudul")
                yield DataTable(id="tabel-plt", cursor_type="row")
                with Horizontal(classes="tombol"):
                    yield Button("Tambah PLT/PLH", id="tambah-plt")
                    yield Button("Akhiri", id="akhiri-plt")

    def on_mount(self) -> None:
        self.query_one("#tabel-unit", DataTable).add_columns("No", "NIP", "Nama", "Jabatan", "Gol")
        self.query_one("#tabel-bawahan", DataTable).add_columns("No", "NIP", "Nama", "Jabatan", "Peran")
        self.query_one("#tabel-plt", DataTable).add_columns("Jabatan", "Mulai", "Selesai")
        self.action_muat()

    @property
    def backend(self):  # type: ignore[no-untyped-def]
        return self.app.backend  # type: ignore[attr-defined]

    def _gagal(self, e: GagalLayanan) -> None:
        if e.sesi_berakhir:
            self.app.sesi_berakhir(e.pesan)  # type: ignore[attr-defined]
        else:
            self.notify(e.pesan, severity="error", title="Gagal")

    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True, group="profil")
    async def _muat(self) -> None:
        try:
            pegawai, atasan, bawahan, penugasan = await asyncio.gather(
                self.backend.pegawai(), self.backend.atasan(), self.backend.bawahan(), self.backend.penugasan())
            unit = await self.backend.pegawai_unor(pegawai.unor_id)
        except GagalLayanan as e:
            self._gagal(e)
            return
        self.pegawai = pegawai
        self._isi_pribadi(pegawai)
        self._isi_atasan(atasan)
        self._isi_unit(unit, baru=True)
        self._isi_bawahan(bawahan)
        self._isi_klaim(pegawai)
        self._isi_plt(penugasan)

    def _isi_pribadi(self, p: pb.Pegawai) -> None:
        self.query_one("#isi-pribadi", Static).update(kv([
            ("INSTANSI", p.instansi.nama), ("NIP", p.nip), ("NAMA", p.nama), ("JABATAN", p.jabatan),
            ("JENIS", fmt.jenis(p.jenis)), ("GOLONGAN RUANG", fmt.golongan(p.golongan_ruang, p.pangkat)),
            ("UNIT KERJA", p.unor.nama), ("UNIT KERJA ATASAN", p.unor_atasan.nama),
            ("UNIT KERJA INDUK", p.unor_induk.nama), ("EMAIL", p.email),
        ]))

    def _isi_atasan(self, a: pb.Atasan) -> None:
        isi = self.query_one("#isi-atasan", Static)
        if not a.HasField("atasan"):
            isi.update(a.keterangan or "Atasan belum dapat ditentukan.")
            return
        x = a.atasan
        sebagai = f"{fmt.peran(a.sebagai)} pimpinan {a.unor.nama}" if a.sebagai else f"Pimpinan {a.unor.nama}"
        isi.update(kv([("NIP", x.nip), ("NAMA", x.nama), ("UNIT KERJA", x.unor_nama), ("JABATAN", x.jabatan),
                       ("GOLONGAN RUANG", x.golongan_ruang), ("SEBAGAI", sebagai)]))

    def _isi_unit(self, resp: pb.ListPegawaiResponse, baru: bool) -> None:
        table = self.query_one("#tabel-unit", DataTable)
        if baru:
            table.clear()
        start = table.row_count
        for i, x in enumerate(resp.pegawai, start=start + 1):
            table.add_row(str(i), x.nip, x.nama, x.jabatan, x.golongan_ruang)
        self._token_unor = resp.next_page_token
        nama = self.pegawai.unor.nama if self.pegawai else ""
        self.query_one("#judul-unit", Static).update(f"{nama} — {resp.total_size} pegawai")
        self.query_one("#berikutnya", Button).set_class(not resp.next_page_token, "tersembunyi")

    @on(Button.Pressed, "#berikutnya")
    @work(exclusive=True, group="unit")
    async def _berikutnya(self) -> None:
        if not self.pegawai or not self._token_unor:
            return
        try:
            resp = await self.backend.pegawai_unor(self.pegawai.unor_id, self._token_unor)
        except GagalLayanan as e:
            self._gagal(e)
            return
        self._isi_unit(resp, baru=False)

    def _isi_bawahan(self, daftar: list[pb.Bawahan]) -> None:
        table = self.query_one("#tabel-bawahan", DataTable)
        table.clear()
        for i, b in enumerate(daftar, start=1):
            peran = f"{fmt.peran(b.sebagai)} {b.unor_peran.nama}" if b.sebagai else ""
            table.add_row(str(i), b.pegawai.nip, b.pegawai.nama, b.pegawai.jabatan, peran)
        self.query_one("#judul-bawahan", Static).update(
            f"{len(daftar)} pegawai bawahan" if daftar else "Tidak ada pegawai bawahan.")

    def _isi_klaim(self, p: pb.Pegawai) -> None:
        self.query_one("#isi-klaim", Static).update(
            f"Anda berstatus sebagai {fmt.jenis(p.jenis)} pada Unit Kerja {p.unor.nama}")
        self.query_one("#tombol-klaim", Button).disabled = p.jenis == pb.JENIS_PEGAWAI_PIMPINAN

    def _isi_plt(self, daftar: list[pb.Penugasan]) -> None:
        table = self.query_one("#tabel-plt", DataTable)
        table.clear()
        for t in daftar:
            table.add_row(t.jabatan, fmt.tanggal(t.tanggal_mulai), fmt.tanggal(t.tanggal_selesai), key=t.name)
        self._penugasan = {t.name: t for t in daftar}

    @on(Button.Pressed, "#edit-profil")
    def action_edit_profil(self) -> None:
        if self.pegawai is None:
            return
        from tui.screens.edit_profil import EditProfilScreen

        def selesai(hasil: pb.Pegawai | None) -> None:
            if hasil is not None:
                self.notify("Profil disimpan.")
            self.action_muat()  # the atasan and the lists may change with the unit

        self.app.push_screen(EditProfilScreen(self.pegawai), selesai)

    @on(Button.Pressed, "#ubah-password")
    def _ubah_password(self) -> None:
        self.app.action_ubah_password()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#tombol-klaim")
    def _klaim(self) -> None:
        from tui.screens.konfirmasi import KonfirmasiScreen

        nama = self.pegawai.unor.nama if self.pegawai else ""

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim_klaim()

        self.app.push_screen(KonfirmasiScreen(f"Klaim sebagai pimpinan {nama}?"), jawab)

    @work(exclusive=True, group="klaim")
    async def _kirim_klaim(self) -> None:
        try:
            unor = await self.backend.klaim_pimpinan()
        except GagalLayanan as e:
            self.query_one("#isi-klaim", Static).update(e.pesan)
            self._gagal(e)
            return
        self.notify(f"Anda sekarang pimpinan {unor.nama}.")
        self.action_muat()

    @on(Button.Pressed, "#tambah-plt")
    def _tambah_plt(self) -> None:
        from tui.screens.penugasan import TambahPenugasanScreen

        def selesai(hasil: pb.Penugasan | None) -> None:
            if hasil is not None:
                self.notify(f"{hasil.jabatan} ditambahkan.")
                self.action_muat()

        self.app.push_screen(TambahPenugasanScreen(), selesai)

    @on(Button.Pressed, "#akhiri-plt")
    def _akhiri_plt(self) -> None:
        from tui.screens.penugasan import AkhiriPenugasanScreen

        table = self.query_one("#tabel-plt", DataTable)
        if table.row_count == 0:
            self.notify("Belum ada penugasan PLT/PLH.")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        penugasan = self._penugasan.get(str(key))
        if penugasan is None:
            return

        def selesai(hasil: pb.Penugasan | None) -> None:
            if hasil is not None:
                self.notify("Penugasan diakhiri.")
                self.action_muat()

        self.app.push_screen(AkhiriPenugasanScreen(penugasan), selesai)
