"""Pilot steps shared by the helpdesk tests: log in as helpdesk, find a
pegawai, and the reason-and-confirm of every helpdesk action."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from tests.tui.pilot import UKURAN, isi, ketik, masuk, tunggu
from tui.dialog.form_aksi import FormAksiScreen
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.konsol_helpdesk import KonsolHelpdeskScreen
from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen

HELPDESK = "helpdesk.bkpsdm"


async def cari(pilot: Pilot, query: str) -> None:
    assert isinstance(pilot.app.screen, KonsolHelpdeskScreen)
    await ketik(pilot, "#cari-pegawai", query)
    await tunggu(pilot)


async def buka_pegawai(pilot: Pilot, query: str) -> PegawaiHelpdeskScreen:
    """From the console: search, Enter (one match opens), else Enter again on the first row."""
    await cari(pilot, query)
    await pilot.press("enter")
    await tunggu(pilot)
    if not isinstance(pilot.app.screen, PegawaiHelpdeskScreen):
        await pilot.press("enter")
        await tunggu(pilot)
    assert isinstance(pilot.app.screen, PegawaiHelpdeskScreen)
    return pilot.app.screen


async def masuk_ke_pegawai(pilot: Pilot, query: str) -> PegawaiHelpdeskScreen:
    await masuk(pilot, HELPDESK)
    return await buka_pegawai(pilot, query)


async def alasan_kosong_ditolak(pilot: Pilot) -> None:
    """ctrl+s with ALASAN empty: refused on the ALASAN field, nothing sent."""
    form = pilot.app.screen
    assert isinstance(form, FormAksiScreen)
    await pilot.press("ctrl+s")
    await tunggu(pilot)
    assert pilot.app.screen is form
    assert isi(pilot.app, "#pesan").startswith("ALASAN wajib diisi")
    assert pilot.app.focused is not None and pilot.app.focused.id == "alasan"
    assert pilot.app.focused.has_class("salah")


async def beri_alasan(pilot: Pilot, alasan: str) -> str:
    """Types the reason, sends, and confirms; returns the confirmation's text."""
    await ketik(pilot, "#alasan", alasan)
    await pilot.press("enter")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, KonfirmasiScreen), isi(pilot.app, "#pesan")
    pertanyaan = isi(pilot.app, "#pertanyaan")
    assert f"ALASAN: {alasan}" in pertanyaan
    await pilot.press("enter")
    await tunggu(pilot)
    return pertanyaan


def tampak(widget: Widget) -> None:
    """The widget is on the 80x24 screen, whole, and not covered by another."""
    r = widget.region
    assert r.width > 0 and r.height > 0, f"{widget} tidak tampak"
    assert r.right <= UKURAN[0] and r.bottom <= UKURAN[1], f"{widget} terpotong: {r}"
    di_sana, _ = widget.screen.get_widget_at(r.x, r.y)
    assert di_sana is widget or widget in di_sana.ancestors, f"{widget} tertutup {di_sana}"
