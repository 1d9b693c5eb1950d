"""The keys at 80x24 (issue 15, items 6 and 7): on every screen the footer fits
beside ^p Cari, the keys it cannot hold are in the palette and in the help
page (f1, ?), and ctrl+l (Keluar) works wherever one is signed in."""

import pytest
from textual.widgets import Static

from tests import data
from tests.api.skp.bantu import buat_skp
from tests.tui.helpdesk import HELPDESK, buka_pegawai, masuk_ke_pegawai
from tests.tui.papan_ketik import footer_muat
from tests.tui.pilot import masuk, teks, tunggu
from tui.dialog.form_aksi import FormAksiScreen
from tui.screens.bantuan import BantuanScreen
from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.jejak_audit import JejakAuditScreen
from tui.screens.konsol_helpdesk import KonsolHelpdeskScreen
from tui.screens.login import LoginScreen
from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen
from tui.screens.utama import UtamaScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def bantuan(pilot) -> str:
    await pilot.press("f1")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, BantuanScreen)
    isi = teks(pilot.app.screen.query_one("#teks-bantuan", Static))
    await pilot.press("escape")
    await tunggu(pilot)
    return isi


async def test_helpdesk_footer_muat_dan_setiap_aksi_ada_di_bantuan(buka_aplikasi, client):
    await buat_skp(client, await client.login(nip=data.SUTIKNO))
    async with buka_aplikasi() as (app, pilot):
        assert footer_muat(app) == ["^r Lupa Password", "f1 Bantuan"]
        await masuk(pilot, HELPDESK)
        assert isinstance(app.screen, KonsolHelpdeskScreen)
        # The search box takes letters: "a" is a letter of a name there, not Jejak Audit...
        assert footer_muat(app) == ["^f Cari", "^l Keluar", "f1 Bantuan"]
        assert " a Jejak Audit" in await bantuan(pilot)  # ...but it is listed
        await pilot.press("a")
        assert isinstance(app.screen, KonsolHelpdeskScreen)
        await buka_pegawai(pilot, "sutikno")
        for tab in "1234":
            await pilot.press(tab)
            await tunggu(pilot)
            assert footer_muat(app) == [
                "esc Kembali",
                "e Profil",
                "m Penilai",
                "u Status",
                "k Reset",
                "t PLT",
                "f1 Bantuan",
            ]
        isi = await bantuan(pilot)
        for kunci, nama in [
            ("e", "Edit Profil"),
            ("m", "Muat Ulang Penilai"),
            ("u", "Edit Status"),
            ("k", "Kirim Kode Reset"),
            ("t", "Tambah PLT/PLH"),
            ("x", "Akhiri PLT/PLH"),
            ("j", "Jadikan Pimpinan"),
            ("a", "Jejak Audit"),
            ("r", "Muat Ulang"),
            ("esc", "Kembali"),
            ("^l", "Keluar"),
        ]:
            assert f" {kunci} {nama}" in isi, (kunci, nama, isi)
        assert isinstance(app.screen, PegawaiHelpdeskScreen)
        for kunci in "emukj":
            await pilot.press(kunci)
            await tunggu(pilot)
            assert isinstance(app.screen, FormAksiScreen), kunci
            footer_muat(app)
            await pilot.press("escape")
            await tunggu(pilot)
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, JejakAuditScreen)
        footer_muat(app)
        assert "esc" in await bantuan(pilot)


async def test_footer_atasan_muat_dan_aksi_lainnya_ada_di_bantuan(buka_aplikasi):
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        assert isinstance(app.screen, UtamaScreen)
        assert footer_muat(app) == ["e Edit Profil", "1-6 Tab", "^l Keluar", "f1 Bantuan"]
        isi = await bantuan(pilot)
        assert " p Profil" in isi and " s SKP" in isi and " d Dashboard" in isi and " ^u Ubah Password" in isi
        await pilot.press("s")
        await tunggu(pilot)
        assert footer_muat(app) == [
            "t Tambah",
            "e Edit",
            "m Matriks",
            "b Bawahan",
            "n Penilaian",
            "1-6 Tab",
            "^l Keluar",
            "f1 Bantuan",
        ]
        assert " x Hapus SKP" in await bantuan(pilot)
        await pilot.press("d")
        await tunggu(pilot)
        footer_muat(app)


async def test_footer_admin_muat_di_capaian_organisasi(buka_aplikasi):
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        footer_muat(app)


async def test_keluar_dari_layar_mana_pun(buka_aplikasi, client):
    """ctrl+l from a sub-page and from inside a dialog, not only from the main page."""
    await buat_skp(client, await client.login(nip=data.SUTIKNO))
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, "sutikno")
        await pilot.press("u")
        await tunggu(pilot)
        assert isinstance(app.screen, FormAksiScreen)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen) and app.backend.sesi is None
        await pilot.press("ctrl+l")  # nothing to leave here: the key does nothing
        assert isinstance(app.screen, LoginScreen) and "^l Keluar" not in footer_muat(app)
        await masuk(pilot, data.ENDANG)
        await pilot.press("s")
        await tunggu(pilot)
        await pilot.press("b")
        await tunggu(pilot)
        assert not isinstance(app.screen, UtamaScreen | LoginScreen)
        footer_muat(app)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen) and app.backend.sesi is None


async def test_pegawai_footer_muat_di_setiap_halaman(buka_aplikasi, client):
    """Profil tabs, Detail SKP tabs (Hasil Kerja's row keys too), SKP Bawahan, Matriks, Pemantauan
    dan Evaluasi, Capaian: with f1 Bantuan added everywhere, nothing is cut."""
    md = await client.login(nip=data.ENDANG)
    await buat_skp(client, md)
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        for t in "23456":
            await pilot.press(t)
            await tunggu(pilot)
            footer_muat(app)
        await pilot.press("s")
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        footer_muat(app)
        for t in "1234":
            await pilot.press(t)
            await tunggu(pilot)
            footer_muat(app)
        await pilot.press("escape")
        await tunggu(pilot)
        for k in "bnm":
            await pilot.press(k)
            await tunggu(pilot)
            footer_muat(app)
            await pilot.press("escape")
            await tunggu(pilot)
        for nama in ("Pemantauan dan Evaluasi", "Capaian Organisasi"):
            await pilot.press("ctrl+p", *nama, "enter")
            await tunggu(pilot)
            footer_muat(app)
            await pilot.press("escape")
            await tunggu(pilot)
