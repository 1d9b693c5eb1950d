"""Data Atasan (docs/domain.md#penentuan-atasan): the pejabat penilai kinerja the server
resolves today. If it is wrong, the fix is in Edit Profil or a Klaim."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.profil.label_nilai import kv


def isi_atasan(a: pb.Atasan) -> Table | Text:
    """Data Atasan as label/value rows, or why there is none (also the helpdesk's view)."""
    if a.HasField("eksternal"):
        # docs/domain.md#penentuan-atasan, step 3: recorded by the admin instansi, who acts for him.
        e = a.eksternal
        return kv(
            [
                ("NIP", e.nip or "-"),
                ("NAMA", Text(e.nama)),
                ("JABATAN", Text(e.jabatan)),
                ("STATUS", Text("NON ASN (penilai eksternal)")),
                ("KETERANGAN", Text(a.keterangan)),
            ]
        )
    if not a.HasField("atasan"):
        return Text(a.keterangan or "Atasan belum dapat ditentukan.")
    x = a.atasan
    rows: list[tuple[str, str | Text]] = [
        ("NIP", x.nip),
        ("NAMA", Text(x.nama)),
        ("UNIT KERJA", Text(x.unor_nama)),
        ("JABATAN", Text(x.jabatan)),
        ("GOLONGAN RUANG", x.golongan_ruang),
    ]
    if a.sebagai:
        # An acting head: the web app's "Plt. Kepala ..." wording.
        rows.append(("SEBAGAI", Text(f"{fmt.peran(a.sebagai)} pimpinan {a.unor.nama} (bukan pimpinan definitif)")))
    elif a.unor.nama and a.unor.nama != x.unor_nama:
        rows.append(("SEBAGAI", Text(f"Pimpinan {a.unor.nama}")))
    return kv(rows)


class DataAtasan(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static("Data Atasan (Pejabat Penilai Kinerja)", classes="subjudul", markup=False)
        yield Static("Memuat...", id="isi-atasan", markup=False)
        yield Petunjuk(
            "Apabila atasan salah, periksa JABATAN dan UNIT KERJA pada Data Pribadi lalu perbaiki "
            "dengan Edit Profil, atau minta atasan Anda melakukan Klaim Pimpinan Unit Kerja.",
        )

    @work(exclusive=True, group="atasan")
    async def muat(self) -> None:
        try:
            with memuat(self):
                atasan = await backend(self).atasan()
        except GagalLayanan as e:
            # In place, in this tab: the page's own load already raised one toast.
            if laporkan(self, e, diam=True):
                self.query_one("#isi-atasan", Static).update(f"Data atasan gagal dimuat: {e.pesan}")
            return
        if masih_tampil(self):
            self.tampilkan(atasan)

    def tampilkan(self, a: pb.Atasan) -> None:
        self.query_one("#isi-atasan", Static).update(isi_atasan(a))
