"""Data Pribadi (docs/domain.md#pegawai): who the pegawai is and where the
system places them. The unit kerja and jabatan decide the atasan, so the
web app asks to check them here first."""

from __future__ import annotations

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from tui import format as fmt
from tui.widgets.profil.label_nilai import kv


def baris_pribadi(p: pb.Pegawai) -> list[tuple[str, str | Text]]:
    """The rows of Data Pribadi (also the helpdesk's view of a pegawai); typed text as Text."""
    return [
        ("INSTANSI", p.instansi.nama),
        ("NIP", p.nip),
        ("NAMA", Text(p.nama)),
        ("JABATAN", Text(p.jabatan)),
        ("JENIS", fmt.jenis(p.jenis)),
        ("GOLONGAN RUANG", fmt.golongan(p.golongan_ruang, p.pangkat)),
        ("UNIT KERJA PNS" if p.jenis_asn != pb.JENIS_ASN_PPPK else "UNIT KERJA", Text(p.unor.nama)),
        ("UNIT KERJA ATASAN", Text(p.unor_atasan.nama)),
        ("UNIT KERJA INDUK (UNIT JPT / UNIT MANDIRI)", Text(p.unor_induk.nama)),
        ("EMAIL", Text(p.email)),
    ]


class DataPribadi(VerticalScroll):
    can_focus = False  # Tab goes straight to the buttons, which scroll into view

    def compose(self) -> ComposeResult:
        yield Static("Data Pribadi", classes="subjudul", markup=False)
        yield Static("Memuat...", id="isi-pribadi", markup=False)
        with Horizontal(classes="tombol"):
            yield Button("Edit Profil", compact=True, variant="primary", id="edit-profil")
            yield Button("Ubah Password", compact=True, id="ubah-password")

    def tampilkan(self, p: pb.Pegawai) -> None:
        self.query_one("#isi-pribadi", Static).update(kv(baris_pribadi(p)))

    def gagal(self, pesan: str) -> None:
        self.query_one("#isi-pribadi", Static).update(
            f"Data pribadi gagal dimuat: {pesan}\nTekan r untuk mencoba lagi."
        )
