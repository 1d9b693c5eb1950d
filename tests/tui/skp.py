"""Pilot steps shared by the SKP tests: what a user does on the SKP screens."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, RadioButton, TextArea

from tests.tui.pilot import ketik, pilih_opsi, tunggu
from tui.screens.detail_skp import DetailSkpScreen
from tui.widgets.skp.tambah_indikator import TambahIndikatorScreen
from tui.widgets.skp.tambah_rhk import TambahRhkScreen
from tui.widgets.skp.tambah_skp import TambahSkpScreen


async def buka_daftar_skp(pilot: Pilot) -> None:
    await pilot.press("s")
    await tunggu(pilot)


async def tambah_skp(pilot: Pilot, awal: str, akhir: str, kualitatif: bool = False) -> None:
    """Tambah SKP from Daftar SKP; the form stays open when the server refuses."""
    await pilot.press("t")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, TambahSkpScreen)
    await ketik(pilot, "#awal", awal)
    await ketik(pilot, "#akhir", akhir)
    if kualitatif:
        pilot.app.screen.query_one("#kualitatif", RadioButton).value = True
    await pilot.press("ctrl+s")
    await tunggu(pilot)


async def buka_detail(pilot: Pilot, baris: int = 0) -> None:
    table = pilot.app.screen.query_one("#tabel-skp", DataTable)
    table.focus()
    table.move_cursor(row=baris)
    await pilot.press("enter")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, DetailSkpScreen)


async def isi_teks(pilot: Pilot, selector: str, teks: str) -> None:
    area = pilot.app.screen.query_one(selector, TextArea)
    area.focus()
    area.text = teks
    await pilot.pause()


async def tambah_rhk(pilot: Pilot, teks: str, jenis: str = "utama", atasan: str = "") -> None:
    """Tambah RHK from Detail SKP (t); jenis 'utama', 'tambahan' or '' (none chosen); `atasan`: the
    start of the label of the RHK atasan to intervene."""
    await pilot.press("t")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, TambahRhkScreen)
    if atasan:
        await pilih_opsi(pilot, "#rhk-atasan", atasan)
    if jenis:
        pilot.app.screen.query_one(f"#jenis-{1 if jenis == 'utama' else 2}", RadioButton).value = True
    await isi_teks(pilot, "#teks", teks)
    await pilot.press("ctrl+s")
    await tunggu(pilot)


def pilih_baris(pilot: Pilot, awalan: str) -> None:
    """Moves the HASIL KERJA cursor to the first row whose text starts with `awalan`."""
    table = pilot.app.screen.query_one("#tabel-rhk", DataTable)
    for i in range(table.row_count):
        if str(table.get_row_at(i)[1]).startswith(awalan):
            table.focus()
            table.move_cursor(row=i)
            return
    raise AssertionError(f"no row starting with {awalan!r}: {[table.get_row_at(i) for i in range(table.row_count)]}")


async def tambah_indikator(pilot: Pilot, rhk: str, teks: str, target: str, aspek: int = 1) -> None:
    pilih_baris(pilot, rhk)
    await pilot.press("i")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, TambahIndikatorScreen)
    pilot.app.screen.query_one(f"#aspek-{aspek}", RadioButton).value = True
    await isi_teks(pilot, "#indikator", teks)
    await ketik(pilot, "#target", target)
    await pilot.press("ctrl+s")
    await tunggu(pilot)
