"""PLT/PLH (docs/domain.md#plt-dan-plh): the pegawai requests an assignment, admin
instansi registers it from the Dashboard, it acts; end it."""

import datetime as dt

import pytest
from ekinerja.profil.v1 import profil_pb2
from textual.widgets import RadioButton

from tests import data
from tests.tui.pilot import baris, isi, ketik, kolom, pemberitahuan, tunggu
from tui import format as fmt
from tui.format import BULAN
from tui.screens.dashboard import DashboardScreen
from tui.screens.putuskan_verifikasi import PutuskanPenugasanScreen
from tui.screens.utama import UtamaScreen
from tui.widgets.dashboard.verifikasi import PermintaanPenugasan
from tui.widgets.profil.akhiri_penugasan import AkhiriPenugasanScreen
from tui.widgets.profil.tambah_penugasan import TambahPenugasanScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

HARI_INI = dt.date.today()


def ddmmyyyy(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


async def buka_tambah(pilot) -> None:
    await pilot.press("6")
    pilot.app.screen.query_one("#tambah-plt").focus()
    await pilot.press("enter")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, TambahPenugasanScreen)


async def pilih_unit(pilot, cari: str) -> None:
    await ketik(pilot, ".cari-unor", cari)
    await tunggu(pilot)
    await pilot.press("enter", "enter")


async def test_pegawai_mengajukan_plt_admin_mendaftarkan_lalu_atasan_melihatnya(buka_aplikasi):
    async with buka_aplikasi(data.NUR_PURWATI) as (app, pilot):
        await pilot.press("6")
        # The seeded assignment of 2022/2023 is over.
        assert kolom(app, "#tabel-plt", "Status") == ["Selesai"]
        await buka_tambah(pilot)
        assert "Ajukan PLT / PLH" in isi(app, ".judul")
        await pilih_unit(pilot, "pelayanan")
        await ketik(pilot, "#mulai", ddmmyyyy(HARI_INI))
        await ketik(pilot, "#selesai", ddmmyyyy(HARI_INI + dt.timedelta(days=30)))
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert sorted(kolom(app, "#tabel-plt", "Status")) == ["Diajukan", "Selesai"]
        assert "menunggu didaftarkan admin" in isi(app, "#judul-plt")
        assert "Permintaan Plt. Kepala Seksi Pelayanan diajukan" in pemberitahuan(app)
    # A request grants nothing: BUDI SANTOSO's atasan is still the Camat.
    async with buka_aplikasi(data.STAF_PELAYANAN) as (app, pilot):
        await pilot.press("2")
        assert "NAMA CAMAT JIWAN" in isi(app, "#isi-atasan")
    # Admin instansi registers it from the Dashboard, with the SK as ALASAN.
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        await pilot.press("d")
        await tunggu(pilot)
        panel = app.screen.query_one(PermintaanPenugasan)
        assert baris(panel.tabel)[0][0] == "NUR PURWATI NINGSIH"
        panel.tabel.focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PutuskanPenugasanScreen)
        assert "Plt. Kepala Seksi Pelayanan" in isi(app, ".petunjuk")
        await ketik(pilot, "#alasan", "SK Camat Jiwan 800/21/2026")
        await pilot.press("enter")  # ALASAN submitted: the confirmation
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert "didaftarkan" in pemberitahuan(app)
        assert not app.screen.query_one(PermintaanPenugasan).tabel.display
    # BUDI SANTOSO of SEKSI PELAYANAN now has NUR PURWATI as atasan, acting as Plt.
    async with buka_aplikasi(data.STAF_PELAYANAN) as (app, pilot):
        await pilot.press("2")
        atasan = isi(app, "#isi-atasan")
        assert "NAMA NUR PURWATI NINGSIH" in atasan
        assert "Plt. pimpinan SEKSI PELAYANAN" in atasan


async def test_tanggal_yang_salah_ditolak_formulir_sebelum_dikirim(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_tambah(pilot)
        app.screen.query_one("#plh", RadioButton).value = True
        await pilih_unit(pilot, "pelayanan")
        await ketik(pilot, "#selesai", "31/02/2024")
        await pilot.press("enter")
        assert "PERIODE AKHIR '31/02/2024' bukan tanggal yang benar" in isi(app, "#pesan")
        await ketik(pilot, "#selesai", ddmmyyyy(HARI_INI - dt.timedelta(days=1)))
        await pilot.press("enter")
        assert isi(app, "#pesan") == "PERIODE AKHIR tidak boleh sebelum PERIODE AWAL."


async def test_penugasan_yang_tumpang_tindih_ditolak_server_dan_formulir_tetap_terbuka(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_tambah(pilot)
        app.screen.query_one("#plh", RadioButton).value = True
        await pilih_unit(pilot, "pelayanan")
        # NUR PURWATI is Plt. of SEKSI PELAYANAN until 03/03/2023: the server refuses an overlap.
        await ketik(pilot, "#mulai", "01/11/2022")
        await ketik(pilot, "#selesai", "31/12/2022")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahPenugasanScreen)
        assert isi(app, "#pesan") not in ("", "Menyimpan...")


async def test_mengakhiri_penugasan_plt(buka_aplikasi, client):
    admin = await client.login(username="admin.madiun")
    await client.profil.CreatePenugasan(
        profil_pb2.CreatePenugasanRequest(
            alasan="SK Camat Jiwan 800/22/2026",
            penugasan=profil_pb2.Penugasan(
                nip=data.NUR_PURWATI,
                unor_id=data.PELAYANAN,
                jenis=profil_pb2.JENIS_PENUGASAN_PLT,
                tanggal_mulai=fmt.dari_date(HARI_INI),
                tanggal_selesai=fmt.dari_date(HARI_INI + dt.timedelta(days=60)),
            ),
        ),
        metadata=admin,
    )
    async with buka_aplikasi(data.NUR_PURWATI) as (app, pilot):
        await pilot.press("6")
        await tunggu(pilot)
        table = app.screen.query_one("#tabel-plt")
        baris_baru = kolom(app, "#tabel-plt", "Status").index("Berlaku")
        table.move_cursor(row=baris_baru)
        app.screen.query_one("#akhiri-plt").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, AkhiriPenugasanScreen)
        await ketik(pilot, "#selesai", ddmmyyyy(HARI_INI + dt.timedelta(days=10)))
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        periode = kolom(app, "#tabel-plt", "Periode")
        akhir = HARI_INI + dt.timedelta(days=10)
        assert any(p.endswith(f" - {akhir.day} {BULAN[akhir.month - 1]} {akhir.year}") for p in periode), periode
        assert "berakhir" in pemberitahuan(app)
