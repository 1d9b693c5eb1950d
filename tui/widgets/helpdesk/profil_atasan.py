"""A pegawai as helpdesk sees them first: Data Pribadi (email as the server
gives it), the unit's pimpinan, and who rates them: the atasan of their
definitive role and of each PLT/PLH role, which is what most "atasan salah"
calls are about."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.backend_helpdesk import AtasanPeran
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.profil.data_atasan import isi_atasan
from tui.widgets.profil.data_pribadi import baris_pribadi
from tui.widgets.profil.label_nilai import kv


def pimpinan_unit(unor: pb.Unor) -> Text:
    x = unor.pimpinan
    return Text(f"{x.nama} ({x.nip})" if x.nip else "belum ada (tidak ada yang mengklaim)")


def isi_peran(peran: list[AtasanPeran]) -> Group | Text:
    if not peran:
        return Text("Tidak ada penugasan PLT/PLH.")
    bagian: list[RenderableType] = []
    for r in peran:
        t = r.penugasan
        bagian.append(
            Text.assemble(
                (t.jabatan, "bold"),
                f" ({fmt.periode(t.tanggal_mulai, t.tanggal_selesai)}), "
                f"atasan pada {fmt.tanggal(fmt.dari_date(r.tanggal))}:",
            )
        )
        if r.gagal:
            bagian.append(Text(r.gagal))
        elif r.atasan is not None:
            bagian.append(isi_atasan(r.atasan))
    return Group(*bagian)


# Data Pribadi's rows, without what every pegawai of the instansi shares, and with labels short
# enough for one line each: the atasan below should show without scrolling at 80x24.
TANPA = {"INSTANSI"}
SINGKAT = {"UNIT KERJA INDUK (UNIT JPT / UNIT MANDIRI)": "UNIT KERJA INDUK"}


class ProfilAtasan(VerticalScroll):
    def __init__(self) -> None:
        super().__init__()
        # As last read: the atasan of the definitive role, and of each PLT/PLH role.
        self.atasan: pb.Atasan | None = None
        self.peran: list[AtasanPeran] = []

    def compose(self) -> ComposeResult:
        yield Static("Data Pribadi", classes="subjudul", markup=False)
        yield Static("Memuat...", id="hd-pribadi", markup=False)
        yield Static("Data Atasan (Pejabat Penilai Kinerja)", classes="subjudul", markup=False)
        yield Static("Memuat...", id="hd-atasan", markup=False)
        yield Static("Atasan peran PLT/PLH", classes="subjudul", markup=False)
        yield Static("Memuat...", id="hd-atasan-plt", markup=False)
        with Horizontal(classes="tombol"):
            yield Button("Edit Profil (e)", compact=True, variant="primary", id="hd-edit-profil")
            yield Button("Kirim Kode Reset (k)", compact=True, id="hd-kode-reset")
            yield Button("Jadikan Pimpinan (j)", compact=True, id="hd-pimpinan")

    def tampilkan(self, p: pb.Pegawai, unor: pb.Unor | None) -> None:
        rows = [(SINGKAT.get(label, label), nilai) for label, nilai in baris_pribadi(p) if label not in TANPA]
        if unor is not None:
            rows.append(("PIMPINAN UNIT", pimpinan_unit(unor)))
            rows.append(("JAB. PIMPINAN UNIT", Text(unor.jabatan_pimpinan or "-")))
        self.query_one("#hd-pribadi", Static).update(kv(rows))

    def gagal(self, pesan: str) -> None:
        self.query_one("#hd-pribadi", Static).update(Text(f"Data pribadi gagal dimuat: {pesan}"))

    @work(exclusive=True, group="hd-atasan")
    async def muat_atasan(self, nip: str) -> None:
        isi, plt = self.query_one("#hd-atasan", Static), self.query_one("#hd-atasan-plt", Static)
        try:
            with memuat(isi):
                atasan = await backend(self).atasan(nip)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                isi.update(Text(f"Data atasan gagal dimuat: {e.pesan}"))
        else:
            if masih_tampil(self):
                self.atasan = atasan
                isi.update(isi_atasan(atasan))
        try:
            with memuat(plt):
                peran = await backend(self).atasan_plt(nip)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                plt.update(Text(f"Penugasan PLT/PLH gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            self.peran = peran
            plt.update(isi_peran(peran))
