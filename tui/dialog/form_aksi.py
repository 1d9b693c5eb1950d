"""What every dialog that sends one change has in common, so that each form
holds only its own fields and its one call:

- the request_id of the user's action (`IdPermintaan`): pressing again after
  a lost reply retries the same action instead of doing it twice;
- with `alasan=True` (admin or helpdesk acting for someone else) a required
  ALASAN, which the server records in the jejak audit, and a confirmation
  that repeats what will happen and why before anything is sent. The form's
  common reasons (`alasan_umum`) are numbered: one digit typed in the empty
  ALASAN box writes the whole sentence, and free text may follow it (an SK
  number, a ticket);
- the server's refusal shown in place, with every field it names marked and
  the first focused; a stale etag closes the form with "usang" for the caller
  to reload;
- with `PRATINJAU` a second button (ctrl+t) that shows what would be sent,
  refused the same way as the save and with no request_id;
- a request_id kept after a lost reply and after `GagalSimpan` (the server
  did it, the file could not be written here): saving again is the same
  action, until the values (`kunci()`) change;
- the fields scroll inside the dialog while the message and the buttons stay
  below them, so a refusal is seen at once at 80x24 however tall the form
  (the field it names scrolls into view); the message goes away as soon as
  the user changes a field.

A form yields its fields in `isian()`, reads them in `baca()` (raising
`Salah` for what it checks itself, naming one field or several,
`TidakBerubah` when there is nothing to send), says what will happen in
`pertanyaan()` and sends in `kirim()` (which may raise `TidakBerubah` when
the server changed nothing). It returns what `kirim` returned (or does
what `berhasil()` says), "usang", or None when cancelled. A form whose
fields the server names in its own words maps them in `selector_isian()`
and `pesan_tolak()`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Label, RadioSet, Select, Static, TextArea

from tui.backend import GagalLayanan, IdPermintaan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.layanan import laporkan, masih_tampil, memuat, nama_isian

Usang = Literal["usang"]


class Salah(Exception):
    """A value the form refuses before sending: why, and the inputs that hold it
    (each marked, the first focused). `tandai=False`: a question rather than a
    fault (the file exists: press again to replace it), the input focused only."""

    def __init__(self, pesan: str, selector: str, *lain: str, tandai: bool = True) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.selector = selector
        self.selectors = (selector, *lain)
        self.tandai = tandai


class GagalSimpan(Exception):
    """The server did the action, but what it sent could not be saved here (a
    folder not writable): said on `selector`; the request_id is kept, so saving
    again fetches the same answer instead of doing the action twice."""

    def __init__(self, pesan: str, selector: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.selector = selector


class TidakBerubah(Exception):
    """Nothing to send: the form closes with this message."""


def _atur_tinggi(dialog: Widget) -> None:
    """A dialog as tall as its fields while they fit; once they do not (at 80x24,
    or a message of three lines under them), as tall as the screen with the
    fields scrolling: the message and the buttons below stay in sight."""
    if dialog.has_class("dialog-besar"):
        return  # a fixed height: the fields always take what is left
    isi = dialog.query_one(IsiForm)
    sisa = dialog.content_size.height - sum(w.outer_size.height for w in dialog.children if w is not isi)
    dialog.set_class(isi.virtual_size.height > sisa, "tinggi")


class IsiForm(VerticalScroll, can_focus=False):
    """The fields of a form."""

    def on_resize(self) -> None:
        if isinstance(self.parent, Widget):
            _atur_tinggi(self.parent)

    def watch_virtual_size(self) -> None:
        self.on_resize()


class KakiForm(Vertical):
    """The message and the buttons under the fields."""

    def on_resize(self) -> None:
        if isinstance(self.parent, Widget):
            _atur_tinggi(self.parent)


class FormAksiScreen(ModalScreen[Any]):
    BINDINGS = [
        Binding("escape", "batal", "Batal"),
        Binding("ctrl+s", "simpan", "Simpan"),
        Binding("ctrl+t", "pratinjau", "Pratinjau"),
    ]

    JUDUL = ""
    TOMBOL = "Simpan"
    PROSES = "Menyimpan..."
    # The label of a second button that shows what would be sent (`pratinjau()`); "": none.
    PRATINJAU = ""
    KELAS = "dialog"
    ID: str | None = None  # of the dialog
    ID_JUDUL: str | None = None  # of its title, for a form whose title changes
    FOKUS = "#alasan"  # the input focused first
    # The server's field names (last part of the path) -> the input holding each.
    ISIAN: ClassVar[dict[str, str]] = {}
    # Shown even when not required (Edit Status: required only when lowering).
    ALASAN_SELALU = False
    # (short label, the sentence recorded) of the reasons this action usually has, with `alasan=True`.
    ALASAN_UMUM: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __init__(self, alasan: bool = False) -> None:
        super().__init__()
        self.wajib_alasan = alasan
        self._permintaan = IdPermintaan()
        self._kunci: object = None  # what the kept request_id was for

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.PRATINJAU) if action == "pratinjau" else True

    # --- what a form says -------------------------------------------------------
    def judul(self) -> str:
        return self.JUDUL

    def isian(self) -> Iterable[Widget]:
        return ()

    def baca(self) -> Any:
        """The values to send; `Salah` or `TidakBerubah` otherwise."""
        return None

    def alasan_kurang(self, nilai: Any) -> str | None:
        """The message when ALASAN is required for these values and empty."""
        return "ALASAN wajib diisi: tuliskan mengapa perubahan ini dilakukan." if self.wajib_alasan else None

    def label_alasan(self) -> str:
        if self.wajib_alasan and self.alasan_umum():
            return "ALASAN (wajib, tercatat di Jejak Audit; angka: alasan umum)"
        return "ALASAN (wajib, tercatat di Jejak Audit)"

    def alasan_umum(self) -> tuple[tuple[str, str], ...]:
        return self.ALASAN_UMUM if self.wajib_alasan else ()

    def pertanyaan(self, nilai: Any) -> str:
        return f"{self.judul()}?"

    async def kirim(self, request_id: str, nilai: Any, alasan: str) -> Any:
        raise NotImplementedError

    def kunci(self, nilai: Any) -> object:
        """What makes two saves the same action: when it changes, a new request_id.
        None (the default): one action for as long as the form is open."""
        return None

    def berhasil(self, hasil: Any) -> None:
        """After `kirim` succeeded."""
        self.dismiss(hasil)

    def baca_pratinjau(self) -> Any:
        """The values Pratinjau shows; `Salah` otherwise."""
        return self.baca()

    async def pratinjau(self, nilai: Any) -> None:
        """Shows what would be sent (a screen of its own); raises `GagalLayanan`."""
        raise NotImplementedError

    def selector_isian(self, field: str) -> str | None:
        """The input holding a field the server named."""
        return {**self.ISIAN, "alasan": "#alasan"}.get(nama_isian(field))

    def pesan_tolak(self, e: GagalLayanan) -> str:
        """The server's refusal as the form says it."""
        return e.pesan

    # --- the shared part ---------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes=f"{self.KELAS} form-aksi", id=self.ID):
            yield Static(self.judul(), classes="judul", id=self.ID_JUDUL, markup=False)
            with IsiForm(classes="isi-form"):
                yield from self.isian()
                if self.wajib_alasan or self.ALASAN_SELALU:
                    yield Label(self.label_alasan(), markup=False)
                    # The common reasons are the empty box's placeholder: no row more in a full dialog.
                    umum = "  ".join(f"{i} {label}" for i, (label, _) in enumerate(self.alasan_umum(), start=1))
                    yield Input(compact=True, id="alasan", max_length=500, placeholder=umum)
            with KakiForm(classes="kaki-form"):
                yield Static("", id="pesan", classes="pesan-galat", markup=False)
                with Horizontal(classes="tombol"):
                    yield Button(self.TOMBOL, compact=True, variant="primary", id="simpan")
                    if self.PRATINJAU:
                        yield Button(self.PRATINJAU, compact=True, id="pratinjau")
                    yield Button("Batal", compact=True, id="batal")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        fokus = self.query(self.FOKUS)
        (fokus.first() if fokus else self.query_one("#simpan")).focus()

    @on(Input.Changed, "#alasan")
    def _alasan_umum(self, event: Input.Changed) -> None:
        """One digit in the empty box: that common reason, the cursor after it for more."""
        umum = self.alasan_umum()
        if event.value.isdigit() and 1 <= int(event.value) <= len(umum):
            event.input.value = umum[int(event.value) - 1][1]
            event.input.cursor_position = len(event.input.value)

    def ke_alasan(self) -> None:
        """After a choice (a unit, a status): on to ALASAN when it is asked."""
        if self.wajib_alasan and self.query("#alasan"):
            self.query_one("#alasan", Input).focus()

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(None)

    def ke_alasan_atau_simpan(self) -> None:
        """After the form's last field: on to ALASAN while it is empty, else save."""
        alasan = self.query("#alasan")
        if self.wajib_alasan and alasan and not self.query_one("#alasan", Input).value.strip():
            alasan.first().focus()
        else:
            self.action_simpan()

    @on(Input.Submitted, "#alasan")
    @on(Button.Pressed, "#simpan")
    def action_simpan(self) -> None:
        if self.query_one("#simpan", Button).disabled:
            return  # being sent
        self.hapus_pesan()
        try:
            nilai = self.baca()
        except Salah as e:
            self._salah(e.pesan, *e.selectors, tandai=e.tandai)
            return
        except TidakBerubah as e:
            self.notify(str(e), markup=False)
            self.dismiss(None)
            return
        kunci = self.kunci(nilai)
        if kunci != self._kunci:
            self._permintaan.selesai()  # other values: another action
            self._kunci = kunci
        alasan = " ".join(self.query_one("#alasan", Input).value.split()) if self.query("#alasan") else ""
        kurang = self.alasan_kurang(nilai)
        if kurang and not alasan:
            self._salah(kurang, "#alasan")
            return
        if not self.wajib_alasan:
            self._kirim(nilai, alasan)
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._kirim(nilai, alasan)

        self.app.push_screen(
            KonfirmasiScreen(self.judul(), f"{self.pertanyaan(nilai)}\n\nALASAN: {alasan}\n\nLanjutkan?", self.TOMBOL),
            jawab,
        )

    def _salah(self, pesan: str, *selectors: str, tandai: bool = True) -> None:
        """`pesan` under the fields; each input in `selectors` marked, the first focused."""
        self.query_one("#pesan", Static).update(Text(pesan))
        tempat = [self.query(s).first() for s in dict.fromkeys(selectors) if self.query(s)]
        for i, widget in enumerate(tempat):
            widget.set_class(tandai, "salah")
            if i == 0:
                widget.focus()
                widget.scroll_visible(animate=False)

    def _tolak(self, e: GagalLayanan) -> None:
        """The server's refusal in place: every field it names marked, the first focused."""
        if not laporkan(self, e, self.query_one("#pesan", Static)):
            return
        self.query_one("#simpan", Button).disabled = False
        dinamai = [e.field] if e.field else []
        dinamai += [field for field, _ in e.pelanggaran]
        self._salah(self.pesan_tolak(e), *[s for f in dinamai if (s := self.selector_isian(f))])

    # --- Pratinjau ------------------------------------------------------------------
    @on(Button.Pressed, "#pratinjau")
    def action_pratinjau(self) -> None:
        if not self.PRATINJAU or self.query_one("#simpan", Button).disabled:
            return
        self.hapus_pesan()
        try:
            nilai = self.baca_pratinjau()
        except Salah as e:
            self._salah(e.pesan, *e.selectors, tandai=e.tandai)
            return
        self._minta_pratinjau(nilai)

    @work(exclusive=True, group="kirim")
    async def _minta_pratinjau(self, nilai: Any) -> None:
        try:
            with memuat(self.query_one(".form-aksi")):
                await self.pratinjau(nilai)
        except GagalLayanan as e:
            self._tolak(e)

    def hapus_pesan(self) -> None:
        """The refusal shown and the marks on its field go."""
        for widget in self.query(".salah"):
            widget.remove_class("salah")
        self.query_one("#pesan", Static).update("")

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(RadioSet.Changed)
    @on(Checkbox.Changed)
    def _isian_berubah(self) -> None:
        # An old refusal ("Ulangan password baru tidak sama.") must not stay while the user corrects it.
        # Not while sending: "Menyimpan..." stays until the answer.
        if not self.query_one("#simpan", Button).disabled:
            self.hapus_pesan()

    def hentikan_kirim(self, pesan: str = "") -> None:
        """Stops a save under way (the user closed what showed its progress); the
        request_id stays: saving again continues the same action."""
        if not masih_tampil(self) or not self.query_one("#simpan", Button).disabled:
            return  # nothing under way
        self.workers.cancel_group(self, "kirim")
        if masih_tampil(self):
            self.query_one("#simpan", Button).disabled = False
            self.query_one("#pesan", Static).update(Text(pesan))

    @work(exclusive=True, group="kirim")
    async def _kirim(self, nilai: Any, alasan: str) -> None:
        pesan, tombol = self.query_one("#pesan", Static), self.query_one("#simpan", Button)
        pesan.update(self.PROSES)
        tombol.disabled = True
        try:
            hasil = await self.kirim(self._permintaan.ambil(), nilai, alasan)
        except GagalSimpan as e:
            if masih_tampil(self):
                tombol.disabled = False
                self._salah(e.pesan, e.selector)
            return
        except TidakBerubah as e:
            self._permintaan.selesai()
            if masih_tampil(self):
                self.notify(str(e) or "Tidak ada perubahan.", markup=False)
                self.dismiss(None)
            return
        except GagalLayanan as e:
            self._permintaan.selesai(e)
            if e.versi_usang and masih_tampil(self):
                self.dismiss("usang")
                return
            self._tolak(e)
            return
        self._permintaan.selesai()
        if masih_tampil(self):
            self.berhasil(hasil)
