"""A form of one text: Tambah/Edit Rencana Aksi and Tambah/Edit Feedback.
What it saves, and how, is the caller's (`simpan`); saving and its messages
are the shared form's (form_aksi.py): it returns what was saved, "usang" or
None."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.widgets import Label, TextArea

from tui.dialog.form_aksi import FormAksiScreen, Salah
from tui.widgets.petunjuk import Petunjuk

Simpan = Callable[[str, str], Awaitable[object]]  # (request_id, teks) -> what was saved


class IsianTeksScreen(FormAksiScreen):
    TOMBOL = "OK"
    KELAS = "dialog dialog-lebar"
    FOKUS = "#teks"
    ISIAN = {"teks": "#teks"}

    def __init__(
        self, judul: str, label: str, simpan: Simpan, teks: str = "", konteks: str = "", petunjuk: str = ""
    ) -> None:
        """`konteks`: what it is about (the RHK), `petunjuk`: the web app's hint."""
        super().__init__()
        self._judul = judul
        self._label = label
        self._simpan_ke = simpan
        self._teks = teks
        self._konteks = konteks
        self._petunjuk = petunjuk

    def judul(self) -> str:
        return self._judul

    def isian(self) -> ComposeResult:
        if self._konteks:
            yield Petunjuk(self._konteks)
        yield Label(self._label, markup=False)
        yield TextArea(self._teks, compact=True, id="teks")
        if self._petunjuk:
            yield Petunjuk(self._petunjuk)

    def on_mount(self) -> None:
        super().on_mount()
        area = self.query_one("#teks", TextArea)
        area.move_cursor(area.document.end)

    def baca(self) -> str:
        teks = " ".join(self.query_one("#teks", TextArea).text.split())
        if not teks:
            raise Salah(f"{self._label} wajib diisi.", "#teks")
        return teks

    async def kirim(self, request_id: str, nilai: str, alasan: str) -> object:
        return await self._simpan_ke(request_id, nilai)
