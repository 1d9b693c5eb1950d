"""What every screen and widget needs from the app: the backend, and one way
to tell the user that a call failed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, cast

from rich.text import Text
from textual.dom import DOMNode, NoScreen
from textual.widget import Widget
from textual.widgets import Static

from tui.backend import Backend, GagalLayanan


class AppEkinerja(Protocol):
    backend: Backend
    folder_sesi: Path | None

    def masuk(self) -> None: ...

    def sesi_berakhir(self, pesan: str) -> None: ...

    def action_keluar(self) -> None: ...

    def action_ubah_password(self) -> None: ...


def aplikasi(node: DOMNode) -> AppEkinerja:
    return cast(AppEkinerja, node.app)


def backend(node: DOMNode) -> Backend:
    return aplikasi(node).backend


def folder_sesi(node: DOMNode) -> Path | None:
    """Under the SSH gateway: the one folder files may be saved to (tui/berkas.py)."""
    return getattr(node.app, "folder_sesi", None)


def masih_tampil(node: DOMNode) -> bool:
    """Whether a worker's result still has somewhere to go. A call may answer
    after its screen was closed (logout, or another call found the session
    expired and went back to login): then the answer is dropped."""
    try:
        return node.is_attached and node.screen in node.app.screen_stack
    except NoScreen:
        return False


def nama_isian(field: str) -> str:
    """The input a server's field path names: its last part, without an item's
    index ("lampiran.konsekuensi[1]" -> "konsekuensi")."""
    return re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1])


def laporkan(
    node: Widget,
    e: GagalLayanan,
    tempat: Static | None = None,
    isian: Mapping[str, str] | None = None,
    diam: bool = False,
) -> bool:
    """An expired session goes back to login; otherwise the server's message
    goes into `tempat` (or a toast unless `diam`: the caller shows it in place),
    and the input it names gets the focus. False when nothing more should be
    shown (session over, screen closed)."""
    if e.sesi_berakhir:
        aplikasi(node).sesi_berakhir(e.pesan)
        return False
    if not masih_tampil(node):
        return False
    if tempat is not None:
        tempat.update(Text(e.pesan))  # the server may quote typed text: never read as markup
    elif not diam and not e.terputus:  # a lost connection has its banner on every screen (tui/app.py)
        node.notify(e.pesan, severity="error", title="Gagal", timeout=8, markup=False)
    if e.field and isian:
        selector = isian.get(nama_isian(e.field))
        if selector:
            node.screen.query_one(selector).focus()
    return True


@contextmanager
def memuat(widget: Widget) -> Iterator[None]:
    """A LoadingIndicator over `widget` while a call runs. The widget may be
    gone by the end (the session ended and its screen was closed). A covered
    widget loses the focus to the next one (a search box, where the next key
    would land): when the focus was inside `widget`, it comes back after."""
    fokus = widget.screen.focused if masih_tampil(widget) else None
    if fokus is not None and fokus is not widget and widget not in fokus.ancestors:
        fokus = None
    widget.loading = True
    try:
        yield
    finally:
        if masih_tampil(widget):
            widget.loading = False
            if fokus is not None and fokus.is_attached and widget.screen.focused is not fokus:
                fokus.focus()


def beri_tahu_usang(node: Widget, apa: str = "SKP") -> None:
    """After ABORTED (the etag read is stale): say so; the caller reloads."""
    node.notify(
        f"{apa} telah diubah di tempat lain sejak dibuka, sehingga perubahan Anda belum disimpan. Data "
        "terbaru sudah dimuat; silakan periksa lalu ulangi.",
        severity="warning",
        title="Data berubah",
        timeout=12,
        markup=False,
    )
