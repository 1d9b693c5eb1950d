"""The TUI against a real in-process server (80x24, keyboard only)."""

import pytest
from ekinerja.profil.v1 import profil_pb2
from textual.widgets import DataTable, Input, Static

from tests import data
from tests.tui.pilot import baris, masuk, teks, tunggu
from tui.app import EkinerjaApp
from tui.screens.edit_profil import EditProfilScreen
from tui.screens.login import LoginScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])
UKURAN = (80, 24)


async def test_login_gagal_menampilkan_pesan(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO, "password-salah")
        assert isinstance(app.screen, LoginScreen)
        assert "password salah" in teks(app.screen.query_one("#pesan", Static))


async def test_profil_lima_tab_dan_plt(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        assert isinstance(app.screen, UtamaScreen)
        await tunggu(pilot)
        pribadi = teks(app.screen.query_one("#isi-pribadi", Static))
        assert "SUTIKNO" in pribadi and "BIDANG PEMBINAAN" in pribadi and "II/a (Pengatur Muda)" in pribadi
        await pilot.press("2")
        assert "ENDANG SUMARSIH" in teks(app.screen.query_one("#isi-atasan", Static))
        await pilot.press("3")
        nama = [r[2] for r in baris(app.screen.query_one("#tabel-unit", DataTable))]
        assert "WIDANANG SASMITO AJI" in nama and "SUTIKNO" in nama
        await pilot.press("4")
        assert "Tidak ada pegawai bawahan" in teks(app.screen.query_one("#judul-bawahan", Static))
        await pilot.press("5")
        assert "Anda berstatus sebagai Pegawai" in teks(app.screen.query_one("#isi-klaim", Static))


async def test_atasan_melihat_bawahan(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.ENDANG)
        await tunggu(pilot)
        await pilot.press("4")
        nama = [r[2] for r in baris(app.screen.query_one("#tabel-bawahan", DataTable))]
        assert nama == ["SUTIKNO", "SUYANTO", "WIDANANG SASMITO AJI"]


async def test_edit_profil_mengubah_jabatan(address, client):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await tunggu(pilot)
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EditProfilScreen)
        app.screen.query_one("#jabatan", Input).value = "Pengelola Data Kepegawaian"
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "Pengelola Data Kepegawaian" in teks(app.screen.query_one("#isi-pribadi", Static))
    md = await client.login(nip=data.SUTIKNO)
    g = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert g.jabatan == "Pengelola Data Kepegawaian" and g.unor_id == data.BIDANG


async def test_klaim_ditolak_menampilkan_alasan(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.WIDANANG)
        await tunggu(pilot)
        await pilot.press("5")
        app.screen.query_one("#tombol-klaim").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        await pilot.press("enter")  # "Ya" in the confirmation
        await tunggu(pilot)
        assert "bukan jabatan pimpinan" in teks(app.screen.query_one("#isi-klaim", Static))


async def test_keluar_kembali_ke_login(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.backend.sesi is None


async def test_login_dengan_papan_ketik_saja(address):
    app = EkinerjaApp(address)
    async with app.run_test(size=UKURAN) as pilot:
        await pilot.press(*data.SUTIKNO, "enter", *data.PASSWORD, "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
