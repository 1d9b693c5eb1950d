"""Login and the Profil page against a real in-process server (80x24, keyboard)."""

import pytest
from ekinerja.profil.v1 import profil_pb2
from textual.widgets import Input

from tests import data
from tests.tui.pilot import isi, kolom, masuk, pemberitahuan, tunggu
from tui.screens.login import LoginScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.screens.utama import UtamaScreen
from tui.widgets.profil.satu_unit import PegawaiSatuUnit

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_login_gagal_menampilkan_pesan_server(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await masuk(pilot, data.SUTIKNO, "password-salah")
        assert isinstance(app.screen, LoginScreen)
        assert isi(app, "#pesan") == "NIP/username atau password salah."
        assert app.screen.query_one("#password", Input).value == ""
        assert app.backend.terbuka
    assert not app.backend.terbuka  # the channel is closed with the app


async def test_nip_kurang_dari_18_digit_ditolak_sebelum_dikirim(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await masuk(pilot, data.SUTIKNO[:17])
        assert isinstance(app.screen, LoginScreen)
        assert "18 digit" in isi(app, "#pesan")


async def test_login_dengan_papan_ketik_saja(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await pilot.press(*data.SUTIKNO, "enter", *data.PASSWORD, "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert app.screen.sub_title == "Hi, SUTIKNO"


async def test_pegawai_membuka_tab_profil_data_pribadi_atasan_dan_satu_unit(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        assert isinstance(app.screen, UtamaScreen)
        pribadi = isi(app, "#isi-pribadi")
        assert "NAMA SUTIKNO" in pribadi
        assert "UNIT KERJA PNS BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI" in pribadi
        assert "GOLONGAN RUANG II/a (Pengatur Muda)" in pribadi
        assert "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA" in pribadi  # unit atasan / induk
        await pilot.press("2")
        atasan = isi(app, "#isi-atasan")
        assert "NAMA ENDANG SUMARSIH" in atasan and f"NIP {data.ENDANG}" in atasan
        await pilot.press("3")
        assert kolom(app, "#tabel-unit", "Nama") == ["ENDANG SUMARSIH", "SUTIKNO", "SUYANTO", "WIDANANG SASMITO AJI"]
        assert "4 pegawai" in isi(app, "#judul-unit")
        await pilot.press("4")
        assert isi(app, "#judul-bawahan") == "Tidak ada pegawai bawahan."
        await pilot.press("5")
        assert "Anda berstatus sebagai Pegawai pada Unit Kerja BIDANG PEMBINAAN" in isi(app, "#isi-klaim")


async def test_berikutnya_menampilkan_halaman_kedua_pegawai_satu_unit(buka_aplikasi, monkeypatch):
    monkeypatch.setattr(PegawaiSatuUnit, "UKURAN_HALAMAN", 2)
    async with buka_aplikasi(data.WIDANANG) as (app, pilot):
        await pilot.press("3")
        assert kolom(app, "#tabel-unit", "Nama") == ["ENDANG SUMARSIH", "SUTIKNO"]
        assert "4 pegawai (tampil 2)" in isi(app, "#judul-unit")
        app.screen.query_one("#berikutnya").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-unit", "No") == ["1", "2", "3", "4"]
        assert kolom(app, "#tabel-unit", "Nama")[2:] == ["SUYANTO", "WIDANANG SASMITO AJI"]
        assert app.screen.query_one("#berikutnya").has_class("tersembunyi")


async def test_atasan_melihat_bawahan(buka_aplikasi):
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await pilot.press("4")
        assert kolom(app, "#tabel-bawahan", "Nama") == ["SUTIKNO", "SUYANTO", "WIDANANG SASMITO AJI"]
        assert kolom(app, "#tabel-bawahan", "Status") == ["Definitif"] * 3
        assert isi(app, "#judul-bawahan") == "3 pegawai bawahan"


async def test_pimpinan_tertinggi_tanpa_atasan_menampilkan_keterangan(buka_aplikasi):
    async with buka_aplikasi(data.SEKDA) as (app, pilot):
        await pilot.press("2")
        assert isi(app, "#isi-atasan").startswith("Tidak ada atasan di dalam sistem")


async def test_klaim_ditolak_menampilkan_alasan(buka_aplikasi):
    async with buka_aplikasi(data.WIDANANG) as (app, pilot):
        await pilot.press("5")
        app.screen.query_one("#tombol-klaim").focus()
        await pilot.press("enter", "escape")  # asked first; cancelled: nothing sent
        await tunggu(pilot)
        assert isi(app, "#alasan-klaim") == ""
        await pilot.press("enter")  # the button again
        await pilot.pause()
        await pilot.press("enter")  # "Klaim" in the confirmation
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "bukan jabatan pimpinan" in isi(app, "#alasan-klaim")
        assert "Anda berstatus sebagai Pegawai" in isi(app, "#isi-klaim")


async def test_keluar_mengakhiri_sesi_dan_kembali_ke_login(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        token = app.backend.sesi.token
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert app.backend.sesi is None
        assert "Anda telah keluar." in pemberitahuan(app)
        assert app.screen.query_one("#nip", Input).value == ""  # the next user starts afresh
    # The server ended that session too.
    with pytest.raises(Exception, match="Sesi Anda telah berakhir"):
        await client.profil.GetPegawai(
            profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"),
            metadata=(("authorization", f"Bearer {token}"),),
        )


async def test_menu_kiri_membuka_halaman_skp_dan_tim_kerja_yang_belum_tersedia(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        app.screen.query_one("#menu").focus()
        await pilot.press("down", "enter")  # Profil -> SKP
        await tunggu(pilot)
        assert app.screen.query_one("#halaman").current == "skp"
        assert "Belum ada SKP" in isi(app, "#judul-skp")
        await pilot.press("p")
        app.screen.query_one("#menu").focus()
        await pilot.press("down", "down", "enter")  # Profil -> SKP -> Tim Kerja
        assert "Menu Tim Kerja belum tersedia pada versi ini." in isi(app, "#belum-tersedia")
        assert "Menu Tim Kerja belum tersedia" in pemberitahuan(app)


async def test_palet_perintah_membuka_skp_bawahan_dan_tab_data_atasan(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("ctrl+p", *"SKP Bawahan")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, SkpBawahanScreen)
        await pilot.press("escape")
        await pilot.press("p")
        assert app.screen.query_one("#halaman").current == "profil"
        await pilot.press("ctrl+p", *"atasan")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter")
        assert app.screen.query_one("#tab-profil").active == "data-atasan"


async def test_akun_layanan_tanpa_menu_diberi_tahu(buka_aplikasi):
    # Helpdesk lands on its console (test_helpdesk_konsol.py); a service account has no page here.
    async with buka_aplikasi("layanan.siasn") as (app, pilot):
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)
        assert "tidak memiliki menu" in pemberitahuan(app)
