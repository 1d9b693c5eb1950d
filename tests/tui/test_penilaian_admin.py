"""Capaian Kinerja Organisasi and Batas (admin instansi), and what follows
from a final capaian: the pimpinan of that unor induk gets it as rating
hasil kerja, which their penilai cannot choose."""

import pytest
from textual.widgets import Select

from tests import data
from tests.tui.penilaian import TAHUN, pilih, skp_disetujui
from tests.tui.pilot import isi, ketik, kolom, masuk, pemberitahuan, teks, tunggu
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.lihat_kurva import LihatKurvaScreen
from tui.screens.login import LoginScreen
from tui.screens.pemantauan_evaluasi import PemantauanEvaluasiScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.rating_penilaian import RatingPenilaianScreen
from tui.widgets.penilaian.set_batas import SetBatasScreen
from tui.widgets.penilaian.set_capaian import SetCapaianScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])
BKPSDM = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"


async def capaian_akhir_tahun(pilot) -> None:
    """As admin.madiun: BKPSDM's Akhir Tahun capaian BAIK, final."""
    app = pilot.app
    await masuk(pilot, "admin.madiun")
    assert isinstance(app.screen, CapaianOrganisasiScreen)
    assert len(kolom(app, "#tabel-capaian", "Unit Kerja Induk")) == 3 * 5  # every unor induk, every period
    app.screen.query_one("#periode-capaian", Select).value = 5  # Penilaian Akhir Tahun
    await tunggu(pilot)
    assert kolom(app, "#tabel-capaian", "Unit Kerja Induk") == ["SEKRETARIAT DAERAH", BKPSDM, "KECAMATAN JIWAN"]
    pilih(pilot, "#tabel-capaian", BKPSDM)
    await pilot.press("c")
    assert isinstance(app.screen, SetCapaianScreen)
    await pilot.press("2", "enter")
    await tunggu(pilot)
    assert isinstance(app.screen, CapaianOrganisasiScreen)
    assert kolom(app, "#tabel-capaian", "Capaian")[1] == "BAIK"
    assert kolom(app, "#tabel-capaian", "Status")[1] == "Belum final"
    await pilot.press("f")
    assert isinstance(app.screen, KonfirmasiScreen)
    await pilot.press("enter")
    await tunggu(pilot)
    assert kolom(app, "#tabel-capaian", "Status")[1] == "Final"
    await pilot.press("c")  # final: no more changes
    assert isinstance(app.screen, CapaianOrganisasiScreen)
    assert "sudah final" in pemberitahuan(app)


async def test_admin_mengatur_capaian_dan_batas(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await capaian_akhir_tahun(pilot)
        await pilot.press("v")
        await tunggu(pilot)
        assert isinstance(app.screen, LihatKurvaScreen)
        kurva = isi(app, "#isi-kurva")
        assert f"Unit Kerja Induk: {BKPSDM}" in kurva and "Capaian Kinerja Organisasi: BAIK (final)" in kurva
        await pilot.press("escape")

        # Batas: set one, then back to the default.
        await pilot.press("2")
        await tunggu(pilot)
        assert kolom(app, "#tabel-batas", "Batas")[3] == f"15 Februari {TAHUN + 1}"
        pilih(pilot, "#tabel-batas", "TRIWULAN IV")
        await pilot.press("e")
        assert isinstance(app.screen, SetBatasScreen)
        await ketik(pilot, "#batas", f"31/01/{TAHUN + 1}")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, CapaianOrganisasiScreen), isi(app, "#pesan")
        assert kolom(app, "#tabel-batas", "Batas")[3] == f"31 Januari {TAHUN + 1}"
        assert kolom(app, "#tabel-batas", "Keterangan")[3] == "diatur admin"
        await pilot.press("e")
        await ketik(pilot, "#batas", "")
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-batas", "Batas")[3] == f"15 Februari {TAHUN + 1}"
        assert kolom(app, "#tabel-batas", "Keterangan")[3] == "bawaan"
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        assert isinstance(app.screen, LoginScreen)


async def test_rating_hasil_pimpinan_unit_induk_mengikuti_capaian(buka_aplikasi, client):
    await skp_disetujui(client, data.KEPALA_BKPSDM, penilai=data.SEKDA)
    async with buka_aplikasi() as (app, pilot):
        await capaian_akhir_tahun(pilot)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        # SEKDA has no approved SKP of their own: Pemantauan dan Evaluasi from the palette.
        await masuk(pilot, data.SEKDA)
        await pilot.press("ctrl+p", *"pemantauan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PemantauanEvaluasiScreen)
        pilih(pilot, "#tabel-pemantauan", "Penilaian Akhir Tahun")
        await pilot.press("n")
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        assert "KEPALA BKPSDM" in isi(app, "#kepala-periode")
        # Only the perilaku is chosen; the server takes the rating hasil from the final capaian.
        await pilot.press("h")
        await tunggu(pilot)
        assert isinstance(app.screen, RatingPenilaianScreen)
        await pilot.press("minus", "3")
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen), isi(app, "#pesan")
        nilai = isi(app, "#nilai-periode")
        assert "HASIL KERJA: SESUAI EKSPEKTASI" in nilai and "PREDIKAT KINERJA: BAIK" in nilai
        assert "Rating hasil kerja mengikuti Capaian Organisasi (BAIK)" in nilai
        # From then on the dialog does not offer it.
        await pilot.press("h")
        await tunggu(pilot)
        assert app.screen.query_one("#rating-hasil").disabled
        assert app.focused.id == "rating-perilaku"
        assert "mengikuti Capaian Kinerja Organisasi unit yang dipimpin (BAIK)" in " ".join(
            teks(s) for s in app.screen.query(".petunjuk")
        )


async def buka_capaian(pilot) -> None:
    await pilot.press("ctrl+p", *"capaian organisasi")
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, CapaianOrganisasiScreen)
    pilot.app.screen.query_one("#periode-capaian", Select).value = 5  # Penilaian Akhir Tahun
    await tunggu(pilot)


async def test_capaian_unit_induk_ditetapkan_oleh_pimpinan_di_atasnya(buka_aplikasi):
    """The Kepala BKPSDM may not set the capaian of the unit he leads (it becomes
    his rating hasil kerja); the Sekda, above BKPSDM, may."""
    from textual.widgets import Button

    async with buka_aplikasi(data.KEPALA_BKPSDM) as (app, pilot):
        await buka_capaian(pilot)
        pilih(pilot, "#tabel-capaian", BKPSDM)
        await pilot.pause()
        assert app.screen.query_one("#set-capaian", Button).disabled
        assert "ditetapkan pimpinan di atasnya" in isi(app, "#rincian-capaian")
        await pilot.press("c")
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        assert "ditetapkan oleh pimpinan organisasi di atasnya" in pemberitahuan(app)
        await pilot.press("f")
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        await pilot.press("ctrl+l")
        await tunggu(pilot)
        await masuk(pilot, data.SEKDA)
        await buka_capaian(pilot)
        pilih(pilot, "#tabel-capaian", "SEKRETARIAT DAERAH")  # the Sekda's own unit: not his to set
        await pilot.pause()
        assert app.screen.query_one("#set-capaian", Button).disabled
        pilih(pilot, "#tabel-capaian", BKPSDM)
        await pilot.pause()
        assert not app.screen.query_one("#set-capaian", Button).disabled
        await pilot.press("c")
        assert isinstance(app.screen, SetCapaianScreen)
        await pilot.press("2", "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        assert kolom(app, "#tabel-capaian", "Capaian")[1] == "BAIK"
