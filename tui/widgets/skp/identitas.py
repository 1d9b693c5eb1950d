"""The two identity columns of Detail SKP: PEGAWAI YANG DINILAI and PEJABAT
PENILAI KINERJA, as the SKP stored them. Muat Ulang (the SKP's pegawai)
refreshes one from Profil; for the penilai that re-resolves the atasan, the
fix the web app gives after a change of atasan or a Plt (docs/domain.md#snapshot-dan-muat-ulang)."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from tui import format as fmt
from tui.backend import GagalLayanan, IdPermintaan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.profil.label_nilai import kv
from tui.widgets.skp.skp_berubah import SkpBerubah

PIHAK: dict[int, str] = {pb.PIHAK_SKP_PEGAWAI: "PEGAWAI YANG DINILAI", pb.PIHAK_SKP_PENILAI: "PEJABAT PENILAI KINERJA"}


def baris(x: pb.Identitas) -> list[tuple[str, str]]:
    if x.eksternal:
        # A penilai eksternal (NON ASN) the admin instansi recorded; the admin acts for him.
        return [
            ("NAMA", x.nama),
            ("NIP", x.nip or "-"),
            ("PANGKAT / GOL. RUANG", "NON ASN"),
            ("JABATAN", x.jabatan),
            ("STATUS", "Penilai eksternal: admin instansi bertindak atas namanya"),
        ]
    return [
        ("NAMA", x.nama),
        ("NIP", x.nip),
        ("PANGKAT / GOL. RUANG", fmt.golongan(x.golongan_ruang, x.pangkat)),
        ("JABATAN", x.jabatan),
        ("UNIT KERJA", f"{x.unor_nama}\nID : {x.unor_id}" if x.unor_id else x.unor_nama),
    ]


class IdentitasSkp(VerticalScroll):
    can_focus = False  # Tab goes straight to the buttons, which scroll into view

    def __init__(self) -> None:
        super().__init__()
        self._skp: pb.Skp | None = None
        self._permintaan = IdPermintaan()

    def compose(self) -> ComposeResult:
        yield Static(PIHAK[pb.PIHAK_SKP_PEGAWAI], classes="subjudul", markup=False)
        yield Static("Memuat...", id="isi-pegawai-skp", markup=False)
        yield Button("Muat Ulang", compact=True, id="muat-pegawai")
        yield Static(PIHAK[pb.PIHAK_SKP_PENILAI], classes="subjudul", markup=False)
        yield Static("", id="isi-penilai-skp", markup=False)
        yield Button("Muat Ulang", compact=True, id="muat-penilai")
        yield Petunjuk(
            "Periksa kedua data di atas. Bila jabatan, unit kerja atau atasan sudah berubah di Profil, pilih "
            "Muat Ulang pada kolom itu.",
            id="petunjuk-identitas",
        )

    def tampilkan(self, skp: pb.Skp, pemilik: bool) -> None:
        self._skp = skp
        self.query_one("#isi-pegawai-skp", Static).update(kv(baris(skp.pegawai)))
        self.query_one("#isi-penilai-skp", Static).update(
            kv(baris(skp.penilai))
            if skp.HasField("penilai") and (skp.penilai.nip or skp.penilai.eksternal)
            else "Tidak ada pejabat penilai di dalam sistem (puncak instansi): setiap RHK mengacu pada Perjanjian "
            "Kinerja. Admin instansi dapat mencatat penilai eksternal (NON ASN), lalu pilih Muat Ulang."
        )
        # Only the SKP's pegawai refreshes it.
        for selector in ("#muat-pegawai", "#muat-penilai", "#petunjuk-identitas"):
            self.query_one(selector).set_class(not pemilik, "tersembunyi")

    @on(Button.Pressed, "#muat-pegawai")
    def muat_pegawai(self) -> None:
        self._muat_ulang(pb.PIHAK_SKP_PEGAWAI)

    @on(Button.Pressed, "#muat-penilai")
    def muat_penilai(self) -> None:
        self._muat_ulang(pb.PIHAK_SKP_PENILAI)

    @work(exclusive=True, group="muat-ulang")
    async def _muat_ulang(self, pihak: int) -> None:
        if self._skp is None:
            return
        lama = self._skp.penilai.nama if self._skp.HasField("penilai") else ""
        try:
            with memuat(self):
                skp = await backend(self).muat_ulang_skp(self._permintaan.ambil(), self._skp.name, pihak)
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            laporkan(self, e)
            return
        self._permintaan.selesai()
        if not masih_tampil(self):
            return
        pesan = f"Data {PIHAK[pihak]} dimuat ulang dari Profil."
        baru = skp.penilai.nama if skp.HasField("penilai") else ""
        if pihak == pb.PIHAK_SKP_PENILAI and baru != lama:
            pesan += f" Pejabat penilai berubah: {lama or '-'} -> {baru or '-'}."
        self.notify(pesan, title="Muat Ulang", markup=False)
        self.post_message(SkpBerubah())
