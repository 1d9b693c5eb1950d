"""Dashboard (menu DASHBOARD, or d) at 80x24, per role: the pegawai sees his
SKPs with status and the next Batas; the atasan what waits for him (SKPs to
approve, periods to rate) and the curve of his bawahan; admin instansi the
capaian not yet final. Enter on a row opens the screen it belongs to."""

import datetime as dt

import pytest
from ekinerja.profil.v1 import profil_pb2
from ekinerja.skp.v1 import skp_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from rich.text import Text

from tests import data
from tests.api.skp.bantu import buat_skp, get, rid, tambah_indikator, tambah_rhk
from tests.tui.penilaian import TAHUN, skp_disetujui
from tests.tui.pilot import baris, isi, teks, tunggu
from tests.tui.test_sesi_dan_jaringan import port_kosong
from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.lihat_kurva import LihatKurvaScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.widgets.dashboard.batas_berikutnya import BatasBerikutnya
from tui.widgets.dashboard.capaian_belum_final import CapaianBelumFinal
from tui.widgets.dashboard.kurva_bawahan import KurvaBawahan
from tui.widgets.dashboard.menunggu_penilaian import MenungguPenilaian
from tui.widgets.dashboard.menunggu_persetujuan import MenungguPersetujuan
from tui.widgets.dashboard.panel import PanelDasbor
from tui.widgets.dashboard.skp_saya import SkpSaya

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def keterangan(panel: PanelDasbor) -> str:
    return teks(panel.query_one(".keterangan-panel"))


async def enter_di(pilot, panel: PanelDasbor, baris_ke: int = 0) -> None:
    panel.tabel.focus()
    panel.tabel.move_cursor(row=baris_ke)
    await pilot.press("enter")
    await tunggu(pilot)


async def test_pegawai_membuka_dasbor_melihat_skp_dan_batas_penilaian_berikutnya(buka_aplikasi, client):
    md = await client.login(nip=data.SUTIKNO)
    g = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    await client.profil.UpdatePegawai(
        profil_pb2.UpdatePegawaiRequest(
            pegawai=profil_pb2.Pegawai(name=g.name, jabatan="Pengelola [b]Data[/b]", etag=g.etag),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=md,
    )
    skp = await skp_disetujui(client, data.SUTIKNO)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("d")
        await tunggu(pilot)
        saya = app.screen.query_one(SkpSaya)
        assert baris(saya.tabel) == [
            [f"1 Januari {TAHUN} - 31 Desember {TAHUN}", "PERSETUJUAN", "Pengelola [b]Data[/b]"]
        ]
        jabatan = saya.tabel.get_row_at(0)[2]
        assert isinstance(jabatan, Text) and jabatan.plain == "Pengelola [b]Data[/b]"  # data, never markup
        batas = app.screen.query_one(BatasBerikutnya)
        [[tanggal, periode, status]] = baris(batas.tabel)
        assert dt.datetime.strptime(tanggal, "%d/%m/%Y").date() >= dt.date.today()
        assert periode.endswith(str(TAHUN)) and status == "Belum dinilai"
        # Not an atasan: the atasan's panels say there is nothing waiting.
        assert keterangan(app.screen.query_one(MenungguPersetujuan)) == (
            "Tidak ada SKP bawahan yang menunggu persetujuan."
        )
        assert keterangan(app.screen.query_one(MenungguPenilaian)) == (
            "Tidak ada periode bawahan yang menunggu penilaian."
        )

        await enter_di(pilot, saya)
        assert isinstance(app.screen, DetailSkpScreen) and not app.screen.penilai
        # An SKP made meanwhile (elsewhere, or on the screen opened): back on the Dashboard it is read again.
        await buat_skp(client, md, awal=(TAHUN - 1, 1, 1), akhir=(TAHUN - 1, 12, 31))
        await pilot.press("escape")
        await tunggu(pilot)
        assert len(baris(app.screen.query_one(SkpSaya).tabel)) == 2
        await enter_di(pilot, app.screen.query_one(BatasBerikutnya))
        assert isinstance(app.screen, PenilaianSkpScreen)
        assert f"SKP Tahun {skp.periode_akhir.year}" in isi(app, "#kepala-penilaian")  # the row's SKP
        await buat_skp(client, md, awal=(TAHUN - 2, 1, 1), akhir=(TAHUN - 2, 12, 31))
        await pilot.press("escape")
        await tunggu(pilot)
        assert len(baris(app.screen.query_one(SkpSaya).tabel)) == 3


async def test_atasan_membuka_dasbor_melihat_persetujuan_penilaian_dan_kurva(buka_aplikasi, client):
    await skp_disetujui(client, data.SUTIKNO)
    md = await client.login(nip=data.WIDANANG)
    diajukan = await buat_skp(client, md, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    await tambah_indikator(client, md, await tambah_rhk(client, md, diajukan))
    await client.skp.AjukanSkp(skp_pb2.AjukanSkpRequest(request_id=rid(), name=diajukan.name), metadata=md)
    diajukan = await get(client, md, diajukan)
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await pilot.press("d")
        await tunggu(pilot)
        persetujuan = app.screen.query_one(MenungguPersetujuan)
        assert [r[:2] for r in baris(persetujuan.tabel)] == [["WIDANANG SASMITO AJI", data.WIDANANG]]
        penilaian = app.screen.query_one(MenungguPenilaian)
        rows = baris(penilaian.tabel)
        assert rows and {r[1] for r in rows} == {"SUTIKNO"}
        assert f"Penilaian Akhir Tahun {TAHUN}" in [r[2] for r in rows]
        kurva = app.screen.query_one(KurvaBawahan)
        assert "0 dinilai, 1 belum" in keterangan(kurva)

        await enter_di(pilot, persetujuan)
        assert isinstance(app.screen, DetailSkpScreen) and app.screen.penilai  # Setujui, Kembalikan
        await pilot.press("escape")
        await tunggu(pilot)
        await enter_di(pilot, app.screen.query_one(MenungguPenilaian))
        assert isinstance(app.screen, PenilaianBawahanScreen) and app.screen.bawahan.nama == "SUTIKNO"
        # Approved meanwhile: back on the Dashboard every panel is read again.
        await client.skp.SetujuiSkp(
            skp_pb2.SetujuiSkpRequest(request_id=rid(), name=diajukan.name, etag=diajukan.etag),
            metadata=await client.login(nip=data.ENDANG),
        )
        await pilot.press("escape")
        await tunggu(pilot)
        assert keterangan(app.screen.query_one(MenungguPersetujuan)) == (
            "Tidak ada SKP bawahan yang menunggu persetujuan."
        )
        await enter_di(pilot, app.screen.query_one(KurvaBawahan))
        assert isinstance(app.screen, LihatKurvaScreen)


async def test_admin_membuka_dasbor_melihat_capaian_yang_belum_final(buka_aplikasi, client):
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        halaman_utama = app.screen
        await pilot.press("d")
        await tunggu(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert not app.screen.query(SkpSaya)  # an account without NIP has no SKP
        capaian = app.screen.query_one(CapaianBelumFinal)
        mulai = (dt.date.today().month - 1) // 3 + 1 + 1  # the triwulan started so far, and Akhir Tahun
        rows = baris(capaian.tabel)
        assert len(rows) == 3 * mulai and {r[1] for r in rows} == {"belum diisi"}  # every unor induk
        await enter_di(pilot, capaian)
        assert app.screen is halaman_utama  # back where the capaian is set, not a second copy on top


async def test_dasbor_saat_server_tak_terjangkau_mengatakannya_di_setiap_panel(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        # The network goes away after login: each panel says so in words, none stays "Memuat...".
        await app.backend.close()
        app.backend.address, app.backend.timeout = f"127.0.0.1:{port_kosong()}", 2
        await pilot.press("d")
        await tunggu(pilot)
        for panel in app.screen.query(PanelDasbor):
            assert keterangan(panel).startswith("Gagal dimuat:") and "dihubungi" in keterangan(panel)
            assert not panel.tabel.display
