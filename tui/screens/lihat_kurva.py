"""Lihat Kurva (docs/domain.md#kurva-distribusi): the
predikat of the penilai's bawahan in a period (or, for admin instansi and
the unit's pimpinan, of every rated SKP of a unor induk) against what the
Capaian Kinerja Organisasi of the unor induk allows. Each predikat is a bar
of its percentage over the band the rule allows; the rules broken are
listed in words, as the server states them."""

from __future__ import annotations

from ekinerja.penilaian.v1 import penilaian_pb2 as pb
from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui import format as fmt
from tui.backend import GagalLayanan
from tui.layanan import backend, laporkan, masih_tampil, memuat
from tui.widgets.judul import Judul

LEBAR_BATANG = 30
PENUH, LEBIH, IZIN, LUAR = "█", "▓", "░", "·"


def batang(b: pb.BatasKurva, lebar: int = LEBAR_BATANG) -> Text:
    """One bar over a 0-100% scale: the share inside the allowed band (█),
    the share outside it (▓), the rest of the band (░) and the rest (·)."""
    isi = round(b.persen / 100 * lebar)
    if b.persen > 0 and isi == 0:
        isi = 1  # one pegawai is still visible
    teks = Text()
    for i in range(lebar):
        tengah = (i + 0.5) / lebar * 100
        boleh = b.persen_min <= tengah <= b.persen_maks
        if i < isi:
            teks.append(PENUH if boleh else LEBIH, style="green" if boleh else "red")
        else:
            teks.append(IZIN if boleh else LUAR, style="" if boleh else "dim")
    return teks


def aturan(b: pb.BatasKurva) -> str:
    if b.persen_min <= 0 and b.persen_maks >= 100:
        return "bebas"
    if b.persen_maks <= 0:
        return "tidak boleh ada"
    if b.persen_min > 0 and b.persen_maks < 100:
        return f"{b.persen_min:g}-{b.persen_maks:g}%"
    return f"min {b.persen_min:g}%" if b.persen_min > 0 else f"maks {b.persen_maks:g}%"


def gambar(k: pb.Kurva) -> Group:
    bagian: list[Text] = []
    if k.unor_induk_nama:
        bagian.append(Text.assemble(("Unit Kerja Induk: ", "bold"), k.unor_induk_nama))
    if k.capaian:
        bagian.append(
            Text.assemble(
                ("Capaian Kinerja Organisasi: ", "bold"),
                fmt.capaian(k.capaian),
                " (final)" if k.capaian_final else " (belum final)",
            )
        )
    else:
        bagian.append(
            Text("Capaian Kinerja Organisasi belum ditetapkan: distribusi belum dapat diperiksa.", style="bold")
        )
    bagian.append(Text(f"Dinilai {k.jumlah_dinilai} pegawai, belum dinilai {k.jumlah_belum_dinilai}.\n"))
    for b in k.distribusi:
        baris = Text(f"{fmt.predikat(b.predikat):<17} ")
        baris.append_text(batang(b))
        baris.append(f" {b.jumlah:>3} {b.persen:5.1f}%  ")
        baris.append(aturan(b) if k.capaian else "", style="" if b.sesuai else "bold red")
        bagian.append(baris)
    bagian.append(
        Text(f"\n{' ' * 18}{PENUH} dalam rentang  {LEBIH} di luar rentang  {IZIN} rentang yang diizinkan", style="dim")
    )
    if k.capaian and k.jumlah_dinilai:
        if k.sesuai:
            bagian.append(Text("\nDistribusi predikat SESUAI dengan kurva capaian organisasi.", style="bold green"))
        else:
            bagian.append(Text("\nDistribusi predikat BELUM SESUAI:", style="bold red"))
            bagian.extend(Text(f"- {p}") for p in k.pelanggaran)
    elif not k.jumlah_dinilai:
        bagian.append(Text("\nBelum ada pegawai yang dinilai pada periode ini."))
    return Group(*bagian)


class LihatKurvaScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("r", "muat", "Muat Ulang"),
    ]

    def __init__(self, tahun: int, periode: int, unor_induk_id: str = "") -> None:
        super().__init__()
        self._tahun = tahun
        self._periode = periode
        self._unor_induk_id = unor_induk_id

    def compose(self) -> ComposeResult:
        with Vertical(id="lihat-kurva"):
            yield Judul(
                f"Kurva Distribusi Predikat - {fmt.nama_periode(self._periode)} {self._tahun}",
            )
            with VerticalScroll(id="gulir-kurva"):
                yield Static("Memuat...", id="isi-kurva", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#gulir-kurva").focus()
        self.action_muat()

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_muat(self) -> None:
        self._muat()

    @work(exclusive=True)
    async def _muat(self) -> None:
        isi = self.query_one("#isi-kurva", Static)
        try:
            with memuat(isi):
                kurva = await backend(self).kurva(self._tahun, self._periode, self._unor_induk_id)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                isi.update(Text(f"Kurva gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self):
            isi.update(gambar(kurva))
