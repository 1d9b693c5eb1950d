"""Daftar SKP at 80x24: every column in sight without scrolling sideways,
a long Jabatan and Unit Kerja wrapped between words, never cut mid-word."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests import data
from tests.tui.pilot import UKURAN, aplikasi, kolom, layar, masuk
from tests.tui.skp import buka_daftar_skp
from tests.tui.test_skp_rencana import mph_endang

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

JABATAN = "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"


async def test_daftar_skp_muat_80_kolom_dengan_jabatan_panjang_terlipat_utuh(address, client):
    await mph_endang(client)  # ENDANG's SKP: her jabatan and her unit are both long
    app = aplikasi(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.ENDANG)
        await buka_daftar_skp(pilot)
        table = app.screen.query_one("#tabel-skp", DataTable)
        await pilot.pause()
        assert table.row_count == 1
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0
        # The whole jabatan is in its cell, in lines that break between words only.
        assert " ".join(kolom(app, "#tabel-skp", "Jabatan")[0].split()) == JABATAN
        kata = layar(app).split()
        for k in JABATAN.split():
            assert k in kata, k
        assert kolom(app, "#tabel-skp", "Periode") == ["1 Jan 2023 -\n31 Des 2023"]
        assert kolom(app, "#tabel-skp", "Status") == ["DRAFT\nKuantitatif"]
