"""Lupa Password (docs/domain.md#akun): NIP and registered email, then the mailed
code with a new password. The server answers the same whether or not the pair
matches, so this screen never says which."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Footer, Input, Label, Static

from tui.backend import GagalLayanan, IdPermintaan
from tui.commands import Perintah
from tui.layanan import backend, laporkan, masih_tampil
from tui.widgets.judul import Judul
from tui.widgets.petunjuk import Petunjuk

ISIAN = {"nip": "#nip-2", "email": "#email", "kode": "#kode", "password_baru": "#baru"}


class LupaPasswordScreen(Screen[str | None]):
    """Dismissed with the NIP whose password was reset (None: back without one)."""

    BINDINGS = [Binding("escape", "kembali", "Kembali ke Login")]

    def __init__(self, nip: str = "") -> None:
        super().__init__()
        self._nip = nip if nip.isdigit() else ""
        self._minta = IdPermintaan()
        self._reset = IdPermintaan()

    def compose(self) -> ComposeResult:
        with Vertical(classes="kotak", id="kotak-lupa"):
            yield Judul("Lupa Password")
            with ContentSwitcher(initial="langkah-1"):
                with Vertical(id="langkah-1"):
                    yield Petunjuk(
                        "Masukkan NIP dan Email Anda yang terdaftar untuk melakukan reset password. "
                        "Untuk ganti email silakan hubungi BKPSDM.",
                    )
                    yield Label("NIP", markup=False)
                    yield Input(compact=True, value=self._nip, placeholder="18 digit NIP", id="nip", max_length=18)
                    yield Label("Email", markup=False)
                    yield Input(compact=True, placeholder="email terdaftar", id="email")
                    with Horizontal(classes="tombol"):
                        yield Button("Lanjutkan", compact=True, variant="primary", id="lanjutkan")
                        yield Button("Sudah punya kode", compact=True, id="punya-kode")
                        yield Button("Kembali ke Login", compact=True, id="kembali")
                with Vertical(id="langkah-2"):
                    yield Petunjuk("", id="jawaban")
                    yield Label("NIP", markup=False)
                    yield Input(compact=True, placeholder="18 digit NIP", id="nip-2", max_length=18)
                    yield Label("Kode reset (8 angka dari email)", markup=False)
                    yield Input(compact=True, placeholder="12345678", id="kode", max_length=8, restrict=r"\d*")
                    yield Label("Password baru", markup=False)
                    yield Input(compact=True, password=True, id="baru")
                    yield Label("Ulangi password baru", markup=False)
                    yield Input(compact=True, password=True, id="ulang")
                    with Horizontal(classes="tombol"):
                        yield Button("Simpan Password", compact=True, variant="primary", id="simpan")
                        yield Button("Minta kode lagi", compact=True, id="minta-lagi")
                        yield Button("Kembali ke Login", compact=True, id="kembali-2")
            yield Static("", id="pesan", classes="pesan-galat", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#email" if self._nip else "#nip", Input).focus()

    def perintah(self) -> Iterable[Perintah]:
        yield "Kembali ke Login", self.action_kembali, "Tutup Lupa Password"
        yield "Sudah punya kode", self._punya_kode, "Masukkan kode reset dari email"

    def _pesan(self, teks: str) -> None:
        self.query_one("#pesan", Static).update(teks)

    @on(Button.Pressed, "#kembali")
    @on(Button.Pressed, "#kembali-2")
    def action_kembali(self) -> None:
        self.dismiss(None)

    # --- step 1 ---------------------------------------------------------------
    @on(Input.Submitted, "#nip")
    def _ke_email(self) -> None:
        self.query_one("#email", Input).focus()

    @on(Input.Submitted, "#email")
    @on(Button.Pressed, "#lanjutkan")
    def _lanjutkan(self) -> None:
        nip = self.query_one("#nip", Input).value.strip()
        email = self.query_one("#email", Input).value.strip()
        if not nip or not email:
            self._pesan("NIP dan email wajib diisi.")
            self.query_one("#email" if nip else "#nip", Input).focus()
            return
        self._minta_kode(nip, email)

    @work(exclusive=True)
    async def _minta_kode(self, nip: str, email: str) -> None:
        self._pesan("Mengirim permintaan...")
        try:
            jawaban = await backend(self).lupa_password(self._minta.ambil(), nip, email)
        except GagalLayanan as e:
            self._minta.selesai(e)
            laporkan(self, e, self.query_one("#pesan", Static), {"nip": "#nip", "email": "#email"})
            return
        self._minta.selesai()
        if masih_tampil(self):
            self._langkah_2(jawaban)

    @on(Button.Pressed, "#punya-kode")
    def _punya_kode(self) -> None:
        self._langkah_2("Masukkan kode reset dari email Anda beserta password baru.")

    def _langkah_2(self, jawaban: str) -> None:
        self._pesan("")
        self.query_one("#jawaban", Static).update(jawaban)
        self.query_one("#nip-2", Input).value = self.query_one("#nip", Input).value.strip()
        self.query_one(ContentSwitcher).current = "langkah-2"
        self.query_one("#kode" if self.query_one("#nip-2", Input).value else "#nip-2", Input).focus()

    # --- step 2 ---------------------------------------------------------------
    @on(Button.Pressed, "#minta-lagi")
    def _minta_lagi(self) -> None:
        self._pesan("")
        self.query_one(ContentSwitcher).current = "langkah-1"
        self.query_one("#email", Input).focus()

    @on(Input.Submitted, "#nip-2")
    @on(Input.Submitted, "#kode")
    @on(Input.Submitted, "#baru")
    def _berikutnya(self, event: Input.Submitted) -> None:
        urutan = ["#nip-2", "#kode", "#baru", "#ulang"]
        self.query_one(urutan[urutan.index(f"#{event.input.id}") + 1], Input).focus()

    @on(Input.Submitted, "#ulang")
    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        nip = self.query_one("#nip-2", Input).value.strip()
        kode = self.query_one("#kode", Input).value.strip()
        baru = self.query_one("#baru", Input).value
        if not nip.isdigit() or len(nip) != 18:
            self._gagal("NIP terdiri dari 18 digit angka.", "#nip-2")
        elif len(kode) != 8:
            self._gagal("Kode reset terdiri dari 8 angka (lihat email Anda).", "#kode")
        elif not baru:
            self._gagal("Password baru wajib diisi.", "#baru")
        elif baru != self.query_one("#ulang", Input).value:
            self._gagal("Ulangan password baru tidak sama.", "#ulang")
        else:
            self._kirim_reset(nip, kode, baru)

    def _gagal(self, pesan: str, isian: str) -> None:
        self._pesan(pesan)
        self.query_one(isian, Input).focus()

    @work(exclusive=True)
    async def _kirim_reset(self, nip: str, kode: str, baru: str) -> None:
        self._pesan("Menyimpan password baru...")
        try:
            await backend(self).reset_password(self._reset.ambil(), nip, kode, baru)
        except GagalLayanan as e:
            self._reset.selesai(e)
            laporkan(self, e, self.query_one("#pesan", Static), ISIAN)
            return
        self._reset.selesai()
        if not masih_tampil(self):
            return
        self.dismiss(nip)
        self.app.notify(
            "Password berhasil diganti. Silakan masuk dengan password baru.",
            title="Reset password",
            timeout=8,
            markup=False,
        )
