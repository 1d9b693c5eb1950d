"""Capaian Organisasi & Batas: the Capaian Kinerja Organisasi of every unor
induk (set and finalized by admin instansi or the pimpinan of a unit above
it, never by its own pimpinan) and the Batas of the instansi's periods (set
by admin instansi), for one year.

It is admin instansi's main page (an account without NIP has no Profil or
SKP), where it also opens the Jejak Audit (a); a pegawai (the Sekda setting
a Dinas's capaian, or a pimpinan reading their unit's) opens it from the
command palette."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, TabbedContent, TabPane

from tui import format as fmt
from tui.commands import Perintah
from tui.layanan import aplikasi, backend
from tui.widgets.isian_tahun import IsianTahun
from tui.widgets.judul import Judul
from tui.widgets.penilaian.daftar_batas import DaftarBatas
from tui.widgets.penilaian.daftar_capaian import DaftarCapaian

TAB = [("tab-daftar-capaian", "Capaian Organisasi"), ("tab-daftar-batas", "Batas Penilaian")]


class CapaianOrganisasiScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "kembali", "Kembali"),
        # One footer entry for both years: 80 columns also hold Jejak Audit then.
        Binding("minus", "tahun(-1)", "Tahun", key_display="-/+"),
        Binding("plus,equals_sign", "tahun(1)", "Tahun +", show=False),
        Binding("1", "tab(1)", "Tab", key_display="1-2", show=False),
        Binding("2", "tab(2)", "Batas", show=False),
        Binding("r", "muat", "Muat Ulang", show=False),
        Binding("a", "jejak", "Audit", tooltip="Jejak Audit"),
        # Admin instansi acting for a penilai eksternal (docs/domain.md#penentuan-atasan).
        Binding("p", "penilai_eksternal", "Penilai Eksternal", show=False),
        Binding("b", "skp_eksternal", "SKP Penilai Eksternal", show=False),
        Binding("d", "dashboard", "Dashboard", show=False, tooltip="Capaian belum final"),
        # Shown here, on the pages one signs in to; it works on every screen (tui/app.py).
        Binding("ctrl+l", "app.keluar", "Keluar", priority=True),
        Binding("ctrl+u", "app.ubah_password", "Ubah Password", show=False),
    ]

    def __init__(self, utama: bool = False) -> None:
        """`utama`: the main page of admin instansi (nothing to go back to)."""
        super().__init__()
        self.utama = utama

    def compose(self) -> ComposeResult:
        if self.utama:
            yield Header(icon="e")
        with Vertical(id="capaian-batas"):
            yield Judul("Capaian Kinerja Organisasi & Batas Penilaian")
            with Horizontal(classes="saring"):
                yield Label("TAHUN", markup=False)
                yield IsianTahun()
                yield Label("PERIODE", markup=False)
                yield Select[int](
                    [(v, k) for k, v in fmt.PERIODE.items()], compact=True, prompt="Semua periode", id="periode-capaian"
                )
            with TabbedContent(id="tab-capaian"):
                with TabPane(TAB[0][1], id=TAB[0][0]):
                    yield DaftarCapaian()
                with TabPane(TAB[1][1], id=TAB[1][0]):
                    yield DaftarBatas(admin=backend(self).admin_instansi)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sesi = backend(self).sesi
        if self.utama and sesi is not None:
            self.sub_title = f"Hi, {sesi.akun.nama}"
        self.set_focus(self.query_one("#tabel-capaian"))  # before the loading cover, which would pass it on
        self.action_muat()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "kembali":
            return not self.utama
        if action == "jejak":
            return self._pengelola()
        if action in ("penilai_eksternal", "skp_eksternal"):
            return backend(self).admin_instansi
        return True

    def _pengelola(self) -> bool:
        """Admin instansi (or helpdesk) read the jejak audit; a pimpinan opening this page does not."""
        return backend(self).admin_instansi or backend(self).helpdesk

    def perintah(self) -> Iterable[Perintah]:
        capaian, batas = self.query_one(DaftarCapaian), self.query_one(DaftarBatas)
        yield "Set Capaian", lambda: self._di(1, capaian.action_set), "Capaian kinerja organisasi unit terpilih (c)"
        yield "Finalisasi Capaian", lambda: self._di(1, capaian.action_finalisasi), "Kunci capaian unit terpilih (f)"
        yield "Lihat Kurva", lambda: self._di(1, capaian.action_kurva), "Distribusi predikat unit induk terpilih (v)"
        yield "Batas Penilaian", lambda: self.action_tab(2), "Batas pengisian tiap periode (2)"
        if backend(self).admin_instansi:
            yield "Dashboard", self.action_dashboard, "Capaian kinerja organisasi yang belum final (d)"
        if batas.admin:
            yield "Set Batas", lambda: self._di(2, batas.action_set), "Ubah batas periode terpilih (e)"
        if backend(self).admin_instansi:
            yield (
                "Penilai Eksternal",
                self.action_penilai_eksternal,
                "Catat penilai NON ASN bagi pegawai tanpa atasan di sistem, misalnya Sekda (p)",
            )
            yield (
                "SKP Penilai Eksternal",
                self.action_skp_eksternal,
                "Setujui, nilai dan cetak SKP atas nama penilai eksternal (b)",
            )
        if self._pengelola():
            yield "Jejak Audit", self.action_jejak, "Siapa mengubah apa, kapan dan mengapa, di seluruh layanan (a)"
        yield "Tahun sebelumnya", lambda: self.action_tahun(-1), "(-)"
        yield "Tahun berikutnya", lambda: self.action_tahun(1), "(+)"
        if self.utama:
            yield "Ubah Password", aplikasi(self).action_ubah_password, "Ganti password akun ini (ctrl+u)"
            yield "Keluar", aplikasi(self).action_keluar, "Akhiri sesi dan kembali ke login (ctrl+l)"
        else:
            yield "Kembali", self.action_kembali, "(esc)"

    def _di(self, tab: int, aksi: object) -> None:
        self.action_tab(tab)
        if callable(aksi):
            aksi()

    def action_kembali(self) -> None:
        if not self.utama:
            self.dismiss(None)

    def action_dashboard(self) -> None:
        from tui.screens.dashboard import DashboardScreen

        if backend(self).admin_instansi:
            self.app.push_screen(DashboardScreen())

    def action_penilai_eksternal(self) -> None:
        from tui.screens.penilai_eksternal import PenilaiEksternalScreen

        if backend(self).admin_instansi:
            self.app.push_screen(PenilaiEksternalScreen())

    def action_skp_eksternal(self) -> None:
        from tui.screens.skp_bawahan import SkpBawahanScreen

        if backend(self).admin_instansi:
            self.app.push_screen(SkpBawahanScreen(eksternal=True))

    def action_jejak(self) -> None:
        from tui.screens.jejak_audit import JejakAuditScreen

        if self._pengelola():
            self.app.push_screen(JejakAuditScreen())

    def action_tab(self, nomor: int) -> None:
        self.query_one(TabbedContent).active = TAB[nomor - 1][0]
        (self.query_one(DaftarCapaian) if nomor == 1 else self.query_one(DaftarBatas)).fokus()

    def tahun(self) -> int | None:
        return self.query_one(IsianTahun).tahun

    def action_tahun(self, langkah: int) -> None:
        self.query_one(IsianTahun).geser(langkah)  # Changed reloads

    @on(Input.Changed, "#tahun")
    @on(Select.Changed, "#periode-capaian")
    def action_muat(self) -> None:
        tahun = self.tahun()
        if tahun is None:
            return
        periode = self.query_one("#periode-capaian", Select).value
        self.query_one(DaftarCapaian).muat(tahun, 0 if periode is Select.NULL else int(str(periode)))
        self.query_one(DaftarBatas).muat(tahun)

    @on(Input.Submitted, "#tahun")
    def _ke_tabel(self) -> None:
        self.action_tab(1)
