"""Konsol Helpdesk: a helpdesk account lands on it, finds a pegawai of its
instansi by name or NIP, and sees in one place their profile, atasan (also
of a PLT/PLH role), SKPs with their Riwayat, and the penilaian progress."""

import datetime as dt

import pytest
from ekinerja.profil.v1 import profil_pb2
from textual.widgets import DataTable, Tabs

from tests import data
from tests.api.skp.bantu import buat_skp, hari
from tests.tui.helpdesk import HELPDESK, buka_pegawai, cari, masuk_ke_pegawai, tampak
from tests.tui.penilaian import skp_disetujui
from tests.tui.pilot import UKURAN, baris, isi, kolom, tunggu
from tui.screens.konsol_helpdesk import KonsolHelpdeskScreen
from tui.screens.login import LoginScreen
from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def plt(client, nip: str, unor_id: str) -> None:
    """An assignment of `nip` as Plt. of `unor_id` from today, as admin instansi registers it."""
    hari_ini = dt.date.today()
    await client.profil.CreatePenugasan(
        profil_pb2.CreatePenugasanRequest(
            alasan="SK 800/5/2026",
            penugasan=profil_pb2.Penugasan(
                nip=nip,
                unor_id=unor_id,
                jenis=profil_pb2.JENIS_PENUGASAN_PLT,
                tanggal_mulai=hari(hari_ini),
                tanggal_selesai=hari(hari_ini + dt.timedelta(days=30)),
            ),
        ),
        metadata=await client.login(username="admin.madiun"),
    )


async def test_helpdesk_masuk_ke_konsol_dan_mencari_pegawai(buka_aplikasi):
    async with buka_aplikasi(HELPDESK) as (app, pilot):
        assert isinstance(app.screen, KonsolHelpdeskScreen)
        assert app.screen.sub_title == "Hi, HELPDESK.BKPSDM"
        assert app.focused.id == "cari-pegawai"  # ready to type
        await cari(pilot, "s")
        assert "minimal 2 karakter" in isi(app, "#judul-cari")
        await cari(pilot, "sutik")
        assert kolom(app, "#tabel-cari", "Nama") == ["SUTIKNO"]
        assert kolom(app, "#tabel-cari", "NIP") == [data.SUTIKNO]
        await cari(pilot, data.ENDANG[:8])  # a NIP prefix
        assert kolom(app, "#tabel-cari", "Nama") == ["ENDANG SUMARSIH"]
        assert "UNIT KERJA BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI" in isi(app, "#rincian-cari")
        await cari(pilot, "PEGAWAI INSTANSI LAIN")  # another instansi's pegawai is not found
        assert kolom(app, "#tabel-cari", "Nama") == []
        assert "Tidak ada pegawai" in isi(app, "#judul-cari")
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)


async def test_membuka_pegawai_menampilkan_profil_dan_atasannya(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        screen = await masuk_ke_pegawai(pilot, "sutikno")
        assert isi(app, "#hd-judul") == f"Konsol Helpdesk > SUTIKNO ({data.SUTIKNO})"
        pribadi = isi(app, "#hd-pribadi")
        for teks in (
            f"NIP {data.SUTIKNO}",
            "NAMA SUTIKNO",
            "JABATAN PENGADMINISTRASI KEPEGAWAIAN",
            "GOLONGAN RUANG II/a",
            "UNIT KERJA PNS BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI",
            f"EMAIL {data.email_of(data.SUTIKNO)}",
            "PIMPINAN UNIT ENDANG SUMARSIH",
        ):
            assert teks in pribadi, (teks, pribadi)
        assert "NAMA ENDANG SUMARSIH" in isi(app, "#hd-atasan")
        assert isi(app, "#hd-atasan-plt") == "Tidak ada penugasan PLT/PLH."
        await pilot.press("escape")
        assert isinstance(app.screen, KonsolHelpdeskScreen)
        assert screen not in app.screen_stack


async def test_membuka_pegawai_plt_menampilkan_atasan_peran_plt(buka_aplikasi, client):
    """NUR PURWATI acts as Plt. of SEKSI PELAYANAN from today: the atasan of that role is its
    parent's pimpinan; her past assignment is shown on its last day."""
    await plt(client, data.NUR_PURWATI, data.PELAYANAN)
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, "nur purwati")
        peran = isi(app, "#hd-atasan-plt")
        assert peran.count("Plt. Kepala Seksi Pelayanan") == 2, peran
        assert peran.count("NAMA CAMAT JIWAN") == 2, peran
        assert "atasan pada 3 Maret 2023" in peran  # the past one, on its last day
        await pilot.press("4")
        assert sorted(kolom(app, "#tabel-plt", "Status")) == ["Berlaku", "Selesai"]


async def test_membuka_pegawai_menampilkan_skp_riwayat_dan_kemajuan_penilaian(buka_aplikasi, client):
    await skp_disetujui(client)  # SUTIKNO's SKP of this year, approved by ENDANG
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.SUTIKNO)
        await pilot.press("2")
        await tunggu(pilot)
        assert kolom(app, "#hd-tabel-skp", "Status") == ["PERSETUJUAN"]
        assert kolom(app, "#hd-tabel-skp", "Penilai") == ["ENDANG SUMARSIH"]
        assert f"PENILAI ENDANG SUMARSIH ({data.ENDANG})" in isi(app, "#hd-rincian-skp")
        assert kolom(app, "#hd-tabel-riwayat", "Status") == [
            "PENGAJUAN -> PERSETUJUAN",
            "DRAFT -> PENGAJUAN",
            "baru -> DRAFT",
        ]  # newest first
        await pilot.press("3")
        await tunggu(pilot)
        assert kolom(app, "#hd-tabel-penilaian", "Periode") == [
            "Triwulan I",
            "Triwulan II",
            "Triwulan III",
            "Triwulan IV",
            "Akhir Tahun",
        ]
        # One indikator, none realised yet; nothing rated.
        assert set(kolom(app, "#hd-tabel-penilaian", "Realisasi")) == {"0/1"}
        assert set(kolom(app, "#hd-tabel-penilaian", "Predikat/Status")) == {"Belum dinilai"}
        assert "PERIODE TRIWULAN I" in isi(app, "#hd-rincian-penilaian")


async def test_skp_yang_belum_disetujui_tidak_menampilkan_penilaian(buka_aplikasi, client):
    await buat_skp(client, await client.login(nip=data.SUTIKNO))
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.SUTIKNO)
        await pilot.press("3")
        await tunggu(pilot)
        assert "belum ada penilaian" in isi(app, "#hd-judul-penilaian")
        assert app.screen.query_one("#hd-tabel-penilaian", DataTable).row_count == 0


async def test_setiap_tampilan_konsol_muat_di_80x24_tanpa_terpotong(buka_aplikasi, client):
    await skp_disetujui(client)
    await plt(client, data.SUTIKNO, data.SEKRETARIAT)
    async with buka_aplikasi(HELPDESK) as (app, pilot):
        await cari(pilot, "sutikno")
        for selector in ("#cari-pegawai", "#judul-cari", "#tabel-cari", "#rincian-cari"):
            tampak(app.screen.query_one(selector))
        await buka_pegawai(pilot, "sutikno")
        screen = app.screen
        assert isinstance(screen, PegawaiHelpdeskScreen)
        tampak(screen.query_one("#hd-judul"))
        tampak(screen.query_one("#tab-helpdesk Tabs", Tabs))
        # Each tab: what it is for is on screen, and its buttons too.
        await pilot.press("1")
        tampak(screen.query_one("#hd-atasan"))  # the atasan shows without scrolling
        await pilot.press("2")
        await tunggu(pilot)
        for selector in ("#hd-tabel-skp", "#hd-rincian-skp", "#hd-tabel-riwayat", "#hd-muat-ulang", "#hd-edit-status"):
            tampak(screen.query_one(selector))
        # Status and penilai of an SKP are read without scrolling sideways.
        lebar = sum(
            c.get_render_width(screen.query_one("#hd-tabel-skp", DataTable))
            for c in list(screen.query_one("#hd-tabel-skp", DataTable).columns.values())[:4]
        )
        assert lebar <= UKURAN[0] - 2
        await pilot.press("3")
        await tunggu(pilot)
        penilaian = screen.query_one("#hd-tabel-penilaian", DataTable)
        tampak(penilaian)
        assert sum(c.get_render_width(penilaian) for c in penilaian.columns.values()) <= UKURAN[0] - 2
        assert baris(penilaian)[-1][0] == "Akhir Tahun"
        await pilot.press("4")
        for selector in ("#tabel-plt", "#tambah-plt", "#akhiri-plt"):
            tampak(screen.query_one(selector))
        # Every form of the console: its fields, ALASAN and the buttons.
        for tombol, tab in (("e", "1"), ("k", "1"), ("j", "1"), ("m", "2"), ("u", "2"), ("t", "4"), ("x", "4")):
            await pilot.press(tab, tombol)
            await tunggu(pilot)
            form = app.screen
            assert form is not screen, tombol
            for selector in ("#alasan", "#simpan", "#batal", ".judul"):
                tampak(form.query_one(selector))
            await pilot.press("escape")
            await tunggu(pilot)
            assert app.screen is screen


async def test_cari_dengan_papan_ketik_saja(buka_aplikasi):
    """Typed key by key, faster than the search answers: Enter on one match opens it; ↓ reaches the
    list of several (issue 15 item 9)."""
    async with buka_aplikasi(HELPDESK) as (app, pilot):
        await pilot.press(*"sutikno", "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PegawaiHelpdeskScreen) and app.screen.nip == data.SUTIKNO
        await pilot.press("escape")
        await pilot.press("ctrl+f", "ctrl+u", *"19", "down")  # a NIP prefix: several pegawai
        await tunggu(pilot)
        assert isinstance(app.focused, DataTable) and app.focused.row_count > 1
        kedua = kolom(app, "#tabel-cari", "NIP")[1]
        await pilot.press("down", "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PegawaiHelpdeskScreen) and app.screen.nip == kedua
