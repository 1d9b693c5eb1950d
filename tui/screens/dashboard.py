"""Admin instansi's own Dashboard screen (a pegawai's is a page of the main
screen). Enter on a panel's row asks the app for a screen like any panel does
(tui/widgets/buka.py); a capaian row leads back to Capaian Organisasi & Batas."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.layanan import backend


class DashboardScreen(Screen[None]):
    """Admin instansi's Dashboard, opened from Capaian Organisasi & Batas (d)."""

    BINDINGS = [Binding("escape", "kembali", "Kembali")]

    def compose(self) -> ComposeResult:
        from tui.widgets.dashboard.dasbor import Dasbor

        yield Header(icon="e")
        yield Dasbor()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        sesi = backend(self).sesi
        self.sub_title = f"Hi, {sesi.akun.nama}" if sesi else ""
        self.query_one("#dashboard").action_muat()  # type: ignore[attr-defined]  # the Dasbor composed above

    def action_kembali(self) -> None:
        self.dismiss(None)
