"""The report of Sinkronisasi SKP Bawahan: how many SKPs were checked, each
change of pejabat penilai (old -> new), and the SKPs that could not be
refreshed, with why. Approved SKPs whose penilai would change were left
as they are: the report lists them and asks (Ganti Penilai, g) before the
caller syncs again with konfirmasi (docs/domain.md#snapshot-dan-muat-ulang).
Returns True when the user chose to change them."""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from tui.widgets.judul import Judul


def nama_penilai(p: pb.PerubahanPenilai, baru: bool) -> str:
    x = p.penilai_baru if baru else p.penilai_lama
    return x.nama if x.nip else "(tidak ada penilai di sistem)"


def laporan(r: pb.SinkronisasiSkpBawahanResponse) -> Text:
    teks = Text.assemble(("Diperiksa: ", "bold"), f"{r.diperiksa} SKP\n")
    teks.append(f"\nPerubahan penilai: {len(r.perubahan)}\n", style="bold")
    for p in r.perubahan:
        teks.append(f"- {p.pegawai_nama}: {nama_penilai(p, False)} -> {nama_penilai(p, True)}")
        teks.append(f" ({p.keterangan})\n" if p.keterangan else "\n")
    if not r.perubahan:
        teks.append("Tidak ada perubahan: semua penilai sudah sesuai.\n")
    if r.gagal:
        teks.append(f"\nGagal: {len(r.gagal)}\n", style="bold")
        for p in r.gagal:
            teks.append(f"- {p.pegawai_nama}: {p.keterangan or '-'}\n")
    if r.menunggu_konfirmasi:
        teks.append(
            f"\nBelum diubah, SKP sudah disetujui (mungkin sudah dinilai): {len(r.menunggu_konfirmasi)}\n", style="bold"
        )
        for p in r.menunggu_konfirmasi:
            teks.append(f"- {p.pegawai_nama}: {nama_penilai(p, False)} -> {nama_penilai(p, True)}\n")
        teks.append("Ganti Penilai (g) mengganti pejabat penilai SKP-SKP ini; Tutup membiarkannya.\n")
    return teks


class LaporanSinkronisasiScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "tutup", "Tutup"), Binding("g", "ganti", "Ganti Penilai")]

    def __init__(self, hasil: pb.SinkronisasiSkpBawahanResponse, tahun: int) -> None:
        super().__init__()
        self._hasil = hasil
        self._tahun = tahun

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-lebar"):
            yield Judul(f"Sinkronisasi SKP Bawahan {self._tahun}")
            with VerticalScroll(id="isi-laporan"):
                yield Static(laporan(self._hasil), id="laporan-sinkronisasi", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Tutup", compact=True, variant="primary", id="tutup")
                if self._hasil.menunggu_konfirmasi:
                    yield Button("Ganti Penilai", compact=True, id="ganti")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#tutup", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "ganti":
            return bool(self._hasil.menunggu_konfirmasi)
        return True

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#ganti")
    def action_ganti(self) -> None:
        if self._hasil.menunggu_konfirmasi:
            self.dismiss(True)
