"""Pilot steps shared by the penilaian tests: an approved SKP of this year
(its Triwulan IV and Akhir Tahun are still open; Triwulan I is past its
batas), and the way to its Penilaian SKP screen."""

from __future__ import annotations

import datetime as dt

from ekinerja.skp.v1 import skp_pb2
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests import data
from tests.api.skp.bantu import buat_skp, get, rid, tambah_indikator, tambah_rhk
from tests.tui.pilot import tunggu
from tests.tui.skp import buka_daftar_skp
from tui.screens.penilaian_skp import PenilaianSkpScreen

TAHUN = dt.date.today().year
RHK = "Terlaksananya penomoran dan pengarsipan SK Pensiun"  # skp_siap's
INDIKATOR = "pengarsipan dokumen kepegawaian"


async def skp_disetujui(client, nip: str = data.SUTIKNO, penilai: str = data.ENDANG) -> skp_pb2.Skp:
    """An SKP of this year with one RHK and one indikator, approved by its
    penilai (ENDANG for her staff). A pimpinan's RHK is Organisasi: her
    bawahan's RHK Utama intervene it (docs/domain.md#rhk)."""
    md = await client.login(nip=nip)
    skp = await buat_skp(client, md, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    pimpinan = skp.jenis_pegawai == skp_pb2.JENIS_PEGAWAI_PIMPINAN
    rhk = await tambah_rhk(client, md, skp, RHK, klasifikasi=skp_pb2.KLASIFIKASI_RHK_ORGANISASI if pimpinan else 0)
    await tambah_indikator(client, md, rhk, teks=INDIKATOR)
    skp = await get(client, md, skp)
    await client.skp.AjukanSkp(skp_pb2.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md)
    skp = await get(client, md, skp)
    md = await client.login(nip=penilai)
    await client.skp.SetujuiSkp(skp_pb2.SetujuiSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md)
    return await get(client, md, skp)


async def buka_penilaian(pilot: Pilot) -> None:
    """Daftar SKP > Penilaian (n) on the first SKP."""
    await buka_daftar_skp(pilot)
    await pilot.press("n")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, PenilaianSkpScreen)


def pilih(pilot: Pilot, selector: str, awalan: str, kolom: int = 0) -> None:
    """Moves the cursor of a table to the first row whose cell `kolom` starts with `awalan`."""
    table = pilot.app.screen.query_one(selector, DataTable)
    for i in range(table.row_count):
        if str(table.get_row_at(i)[kolom]).startswith(awalan):
            table.focus()
            table.move_cursor(row=i)
            return
    raise AssertionError(f"no row starting with {awalan!r}: {[table.get_row_at(i) for i in range(table.row_count)]}")
