"""The command palette (ctrl+p) finds every page and action of the screen it
was opened on: each screen lists its own in `perintah()`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon

Perintah = tuple[str, Callable[[], object], str]  # name, action, help


class PunyaPerintah(Protocol):
    def perintah(self) -> Iterable[Perintah]: ...


class PaletPerintah(CommandPalette):
    """Textual's palette with an Indonesian prompt and a plain ASCII icon (SSH)."""

    def __init__(self) -> None:
        super().__init__(placeholder="Cari menu atau perintah...", id="--command-palette")

    def on_mount(self) -> None:
        self.query_one(SearchIcon).icon = ">"


class PerintahEkinerja(Provider):
    """The screen's own commands first, then the app's (theme, keys, quit)."""

    def _daftar(self) -> list[Perintah]:
        daftar: list[Perintah] = []
        for sumber in (self.screen, self.app):
            fn = getattr(sumber, "perintah", None)
            if callable(fn):
                daftar.extend(fn())
        return daftar

    async def discover(self) -> Hits:
        for nama, aksi, bantuan in self._daftar():
            yield DiscoveryHit(nama, aksi, help=bantuan)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for nama, aksi, bantuan in self._daftar():
            # The help text counts too: "atasan" finds "Data Atasan", "jabatan" finds Edit Profil.
            skor = max(matcher.match(nama), matcher.match(bantuan) * 0.5)
            if skor > 0:
                yield Hit(skor, matcher.highlight(nama), aksi, text=nama, help=bantuan)
