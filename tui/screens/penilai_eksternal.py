"""Penilai Eksternal (admin instansi; docs/domain.md#penentuan-atasan, step 3): a
pegawai with no atasan inside the system (the Sekda, rated by the Bupati; or
anyone whose whole chain above is vacant) gets a penilai eksternal (NON ASN):
nama, jabatan, NIP optional. Find the pegawai by NIP or name; his Data Atasan
shows below; e records (or replaces) the penilai, x removes him.

The admin then acts for that penilai: SKP Penilai Eksternal (b, from the
admin's main page) lists the SKPs he rates, to approve, rate and print, each
action recorded in the jejak audit under the penilai's name and the admin's
account."""

from __future__ import annotations

from collections.abc import Iterable

from ekinerja.profil.v1 import profil_pb2 as pb
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from tui.backend import GagalLayanan
from tui.commands import Perintah
from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk
from tui.widgets.profil.cari_pegawai import CariPegawai
from tui.widgets.profil.data_atasan import isi_atasan

PETUNJUK = "Ketik NIP atau nama pegawai (minimal 2 karakter), misalnya Sekretaris Daerah."


class PenilaiEksternalScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        Binding("ctrl+f", "cari", "Cari"),
        Binding("e", "catat", "Catat Penilai"),
        Binding("x", "hapus", "Hapus"),
        Binding("b", "skp", "SKP Penilai Eksternal", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.atasan: pb.Atasan | None = None  # of the pegawai under the cursor, as last read

    def compose(self) -> ComposeResult:
        with Vertical(id="penilai-eksternal"):
            yield Judul("Penilai Eksternal (NON ASN)")
            yield Petunjuk(
                "Bagi pegawai tanpa atasan di dalam sistem. Admin instansi lalu menyetujui, menilai dan "
                "mencetak SKP-nya atas nama penilai itu (SKP Penilai Eksternal, b).",
            )
            yield CariPegawai(PETUNJUK)
            yield Static("", id="atasan-pe", markup=False)
            with Horizontal(classes="tombol"):
                yield Button("Catat Penilai Eksternal (e)", compact=True, variant="primary", id="catat-pe")
                yield Button("Hapus (x)", compact=True, id="hapus-pe")
        yield Footer(compact=True)

    def perintah(self) -> Iterable[Perintah]:
        yield "Cari Pegawai", self.action_cari, "Cari pegawai menurut NIP atau nama (ctrl+f)"
        yield "Catat Penilai Eksternal", self.action_catat, "Catat atau ganti penilai eksternal pegawai terpilih (e)"
        yield "Hapus Penilai Eksternal", self.action_hapus, "Hapus penilai eksternal pegawai terpilih (x)"
        yield "SKP Penilai Eksternal", self.action_skp, "SKP yang dinilai penilai eksternal: setujui, nilai, cetak (b)"
        yield "Kembali", self.action_kembali, "(esc)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Typing in the search box is a name, not a command.
        if action in ("catat", "hapus", "skp") and isinstance(self.focused, Input):
            return False
        return True

    def action_kembali(self) -> None:
        self.dismiss(None)

    def action_cari(self) -> None:
        self.query_one(CariPegawai).fokus()

    def action_skp(self) -> None:
        from tui.screens.skp_bawahan import SkpBawahanScreen

        self.app.push_screen(SkpBawahanScreen(eksternal=True))

    def terpilih(self) -> pb.PegawaiRingkas | None:
        return self.query_one(CariPegawai).terpilih()

    @on(CariPegawai.Disorot)
    def _atasan(self, event: CariPegawai.Disorot) -> None:
        self.atasan = None
        p = event.pegawai
        self.query_one("#atasan-pe", Static).update(Text(f"Data Atasan {p.nama}: memuat...") if p else "")
        if p is not None:
            self._muat_atasan(p)

    @on(CariPegawai.Dipilih)
    def _ke_tabel(self) -> None:
        self.query_one(DataTable).focus()

    @work(exclusive=True, group="atasan-pe")
    async def _muat_atasan(self, p: pb.PegawaiRingkas) -> None:
        tempat = self.query_one("#atasan-pe", Static)
        try:
            atasan = await backend(self).atasan(p.nip)
        except GagalLayanan as e:
            if laporkan(self, e, diam=True):
                tempat.update(Text(f"Data atasan gagal dimuat: {e.pesan}"))
            return
        if masih_tampil(self) and self.terpilih() == p:
            self._tampilkan_atasan(atasan)

    def _tampilkan_atasan(self, atasan: pb.Atasan) -> None:
        self.atasan = atasan
        self.query_one("#atasan-pe", Static).update(isi_atasan(atasan))

    @on(Button.Pressed, "#catat-pe")
    def action_catat(self) -> None:
        p = self.terpilih()
        if p is None:
            self.notify("Cari dan pilih pegawainya terlebih dahulu.", markup=False)
            return
        if self.atasan is not None and self.atasan.HasField("atasan"):
            self.notify(f"{p.nama} mempunyai atasan di dalam sistem ({self.atasan.atasan.nama}).", markup=False)
            return
        lama = (
            self.atasan.eksternal
            if self.atasan is not None and self.atasan.HasField("eksternal")
            else pb.PenilaiEksternal()
        )
        self.app.push_screen(CatatPenilaiEksternalScreen(p, lama), self._selesai)

    @on(Button.Pressed, "#hapus-pe")
    def action_hapus(self) -> None:
        p = self.terpilih()
        if p is None or self.atasan is None or not self.atasan.HasField("eksternal"):
            self.notify("Pegawai terpilih tidak mempunyai penilai eksternal.", markup=False)
            return
        self.app.push_screen(HapusPenilaiEksternalScreen(p, self.atasan.eksternal), self._selesai)

    def _selesai(self, atasan: pb.Atasan | None) -> None:
        if isinstance(atasan, pb.Atasan):
            self._tampilkan_atasan(atasan)
            self.notify(
                "Penilai eksternal disimpan." if atasan.HasField("eksternal") else "Penilai eksternal dihapus.",
                markup=False,
            )


class FormPenilaiEksternal(FormAksiScreen):
    """A change to one pegawai's penilai eksternal (`lama`: the one recorded, empty when none), with its reason."""

    def __init__(self, pegawai: pb.PegawaiRingkas, lama: pb.PenilaiEksternal) -> None:
        super().__init__(alasan=True)
        self._pegawai = pegawai
        self._lama = lama

    def judul(self) -> str:
        return f"{self.JUDUL} - {self._pegawai.nama}"


class CatatPenilaiEksternalScreen(FormPenilaiEksternal):
    JUDUL = "Catat Penilai Eksternal"
    KELAS = "dialog dialog-besar"
    FOKUS = "#nama-pe"
    ISIAN = {"nama": "#nama-pe", "jabatan": "#jabatan-pe", "nip": "#nip-pe"}

    def isian(self) -> ComposeResult:
        lama = self._lama
        yield Label("NAMA PENILAI (NON ASN)", markup=False)
        yield Input(lama.nama, compact=True, id="nama-pe", max_length=200, placeholder="misalnya nama Bupati")
        yield Label("JABATAN", markup=False)
        yield Input(lama.jabatan, compact=True, id="jabatan-pe", max_length=300, placeholder="misalnya Bupati Madiun")
        yield Label("NIP (opsional, kosongkan bila tidak ada)", markup=False)
        yield Input(lama.nip, compact=True, id="nip-pe", max_length=18, restrict=r"\d*")

    @on(Input.Submitted, "#nama-pe")
    def _ke_jabatan(self) -> None:
        self.query_one("#jabatan-pe", Input).focus()

    @on(Input.Submitted, "#jabatan-pe")
    def _ke_nip(self) -> None:
        self.query_one("#nip-pe", Input).focus()

    @on(Input.Submitted, "#nip-pe")
    def _dari_nip(self) -> None:
        self.ke_alasan_atau_simpan()

    def baca(self) -> tuple[str, str, str]:
        nama = " ".join(self.query_one("#nama-pe", Input).value.split())
        jabatan = " ".join(self.query_one("#jabatan-pe", Input).value.split())
        nip = self.query_one("#nip-pe", Input).value.strip()
        if not nama:
            raise Salah("NAMA penilai wajib diisi.", "#nama-pe")
        if not jabatan:
            raise Salah("JABATAN penilai wajib diisi.", "#jabatan-pe")
        return nama, jabatan, nip

    def pertanyaan(self, nilai: tuple[str, str, str]) -> str:
        nama, jabatan, nip = nilai
        return (
            f"{nama} ({jabatan}{', NIP ' + nip if nip else ''}) menjadi penilai eksternal "
            f"{self._pegawai.nama}; admin instansi bertindak atas namanya"
        )

    async def kirim(self, request_id: str, nilai: tuple[str, str, str], alasan: str) -> pb.Atasan:
        nama, jabatan, nip = nilai
        return await backend(self).catat_penilai_eksternal(request_id, self._pegawai.nip, nama, jabatan, nip, alasan)


class HapusPenilaiEksternalScreen(FormPenilaiEksternal):
    JUDUL = "Hapus Penilai Eksternal"
    TOMBOL = "Hapus"
    PROSES = "Menghapus..."

    def isian(self) -> ComposeResult:
        yield Static(
            Text(
                f"Penilai sekarang: {self._lama.nama} ({self._lama.jabatan}). SKP yang sudah ada "
                "tetap menyebutnya sampai Muat Ulang."
            ),
            markup=False,
        )

    def pertanyaan(self, nilai: object) -> str:
        return f"Hapus {self._lama.nama} sebagai penilai eksternal {self._pegawai.nama}"

    async def kirim(self, request_id: str, nilai: object, alasan: str) -> pb.Atasan:
        return await backend(self).hapus_penilai_eksternal(request_id, self._pegawai.nip, alasan)
