"""Isian XLSX and Rating XLSX in the TUI (docs/isian-xlsx.md), at 80×24: the
pegawai fills a whole period from one spreadsheet; the atasan rates his
bawahan from one, seeing the refused cells as a table and the curve before
saving."""

import openpyxl
import pytest
from ekinerja.penilaian.v1 import penilaian_pb2

from bench.isi_massal import skp_bawahan
from tests import data
from tests.tui.penilaian import INDIKATOR, TAHUN, buka_penilaian, pilih, skp_disetujui
from tests.tui.pilot import baris, isi, ketik, pemberitahuan, tunggu
from tui.screens.ekspor_xlsx import EksporXlsxScreen
from tui.screens.rekap_penilaian import RekapPenilaianScreen
from tui.screens.unggah_xlsx import UnggahXlsxScreen
from tui.widgets.tabel import TabelTeks

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def _unduh_template(pilot, tmp_path):
    """ctrl+o, then Simpan into tmp_path: the path lands in the BERKAS input."""
    await pilot.press("ctrl+o")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, EksporXlsxScreen), pemberitahuan(pilot.app)
    await ketik(pilot, "#tujuan", f"{tmp_path}/")
    await pilot.press("ctrl+s")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, UnggahXlsxScreen)
    [berkas] = list(tmp_path.glob("*.xlsx"))
    assert pilot.app.screen.query_one("#berkas").value == str(berkas)
    return berkas


async def _periksa(pilot, berkas):
    await ketik(pilot, "#berkas", str(berkas))
    await pilot.press("ctrl+t")
    await tunggu(pilot)


async def test_pegawai_mengisi_satu_periode_dari_satu_spreadsheet(buka_aplikasi, client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    skp = await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.press("u")
        await tunggu(pilot)
        assert isinstance(app.screen, UnggahXlsxScreen)
        berkas = await _unduh_template(pilot, tmp_path)

        # Filled with one bad link: the check lists it, saves nothing, and offers only "Simpan yang sah".
        wb = openpyxl.load_workbook(berkas)
        wb["Rencana Aksi"]["D2"] = "Menyusun daftar arsip"
        wb["Bukti Dukung"]["D2"] = "Daftar arsip"
        wb["Bukti Dukung"]["E2"] = "drive.google.com/x"
        wb["Realisasi"]["E2"] = "12 bulan"
        wb["Realisasi"]["F2"] = "arsip"
        wb.save(berkas)
        await _periksa(pilot, berkas)
        assert "3 baris: 2 sah, 1 ditolak; 2 akan mengubah data." in isi(app, "#ringkasan")
        [salah] = baris(app.screen.query_one("#tabel-kesalahan", TabelTeks))
        assert salah[:3] == ["Bukti Dukung", "2", "E"] and salah[3].startswith("TAUTAN: tautan harus diawali http")
        assert app.screen.query_one("#simpan").disabled and not app.screen.query_one("#simpan-sah").disabled

        # Fixed: checked again, then saved whole.
        wb["Bukti Dukung"]["E2"] = "https://drive.google.com/x"
        wb.save(berkas)
        await _periksa(pilot, berkas)
        assert "3 baris: 3 sah, 0 ditolak; 3 akan mengubah data." in isi(app, "#ringkasan")
        assert not app.screen.query_one("#tabel-kesalahan").display
        await pilot.click("#simpan")
        await tunggu(pilot)
        assert "Tersimpan: 3 baris mengubah data" in isi(app, "#ringkasan")
        assert app.screen.query_one("#simpan").disabled
        await pilot.press("escape")
        await tunggu(pilot)
        assert not isinstance(app.screen, UnggahXlsxScreen)

    md = await client.login(nip=data.SUTIKNO)
    p = await client.penilaian.GetPenilaian(
        penilaian_pb2.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/akhir"), metadata=md
    )
    assert [r.teks for r in p.rencana_aksi] == ["Menyusun daftar arsip"]
    assert [(b.nama, b.tautan) for b in p.bukti_dukung] == [("Daftar arsip", "https://drive.google.com/x")]
    assert [(r.realisasi, r.sumber_data) for r in p.realisasi] == [("12 bulan", "arsip")]
    assert INDIKATOR  # the template's indikator row is the SKP's one indikator


async def test_atasan_menilai_seratus_bawahan_dari_satu_spreadsheet(
    server, buka_aplikasi, client, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    await skp_disetujui(client, data.ENDANG, penilai=data.KEPALA_BKPSDM)
    await skp_disetujui(client, data.SUTIKNO)
    await skp_disetujui(client, data.WIDANANG)
    await skp_bawahan(
        server.context.databases["skp"],
        penilai_nip=data.ENDANG,
        penilai_nama="ENDANG SUMARSIH",
        instansi_id=data.INSTANSI,
        unor_id=data.BIDANG,
        tahun=TAHUN,
        jumlah=98,
    )
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_penilaian(pilot)
        await pilot.press("2")
        await tunggu(pilot)
        pilih(pilot, "#tabel-pemantauan", "Penilaian Akhir Tahun")
        await pilot.press("k")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)
        await pilot.press("i")
        await tunggu(pilot)
        assert isinstance(app.screen, UnggahXlsxScreen)
        berkas = await _unduh_template(pilot, tmp_path)
        wb = openpyxl.load_workbook(berkas)
        ws = wb["Rating"]
        assert ws.max_row == 101
        assert {"SUTIKNO", "WIDANANG SASMITO AJI"} <= {ws.cell(r, 3).value for r in range(2, 102)}
        for r in range(2, 102):
            ws.cell(r, 5, "SESUAI EKSPEKTASI")
            ws.cell(r, 6, "DIATAS EKSPEKTASI")
        ws["E2"] = "Bagus"  # refused: shown in the table, "Simpan" not offered
        wb.save(berkas)
        await _periksa(pilot, berkas)
        assert "100 baris: 99 sah, 1 ditolak; 99 akan mengubah data." in isi(app, "#ringkasan")
        [salah] = baris(app.screen.query_one("#tabel-kesalahan", TabelTeks))
        assert salah[:3] == ["Rating", "2", "E"] and "pilih DIBAWAH EKSPEKTASI" in salah[3]
        assert app.screen.query_one("#simpan").disabled
        ws["E2"] = "SESUAI EKSPEKTASI"
        wb.save(berkas)
        await _periksa(pilot, berkas)
        assert "100 baris: 100 sah, 0 ditolak; 100 akan mengubah data." in isi(app, "#ringkasan")
        assert "Kurva bawahan bila disimpan:" in isi(app, "#ringkasan")
        kurva = isi(app, "#kurva-unggah")
        assert "Baik" in kurva and "100.0%" in kurva, kurva
        await pilot.click("#simpan")
        await tunggu(pilot)
        assert "Tersimpan: 100 baris mengubah data" in isi(app, "#ringkasan")
        await pilot.press("escape")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)
        assert "100 bawahan: dinilai 100" in isi(app, "#judul-rekap")
