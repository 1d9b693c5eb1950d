"""Penilai Eksternal (docs/domain.md#penentuan-atasan, step 3) at 80x24: the
admin instansi records the Bupati as the Sekda's penilai, the Sekda sees him
as his atasan, then the admin approves and rates the Sekda's SKP for him
through the atasan's own screens, recorded in the penilai's name."""

import pytest
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.skp.bantu import buat_skp, get, rid, tambah_indikator, tambah_rhk
from tests.tui.penilaian import TAHUN, pilih
from tests.tui.pilot import isi, ketik, kolom, pemberitahuan, tunggu
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.pemantauan_evaluasi import PemantauanEvaluasiScreen
from tui.screens.penilai_eksternal import (
    CatatPenilaiEksternalScreen,
    HapusPenilaiEksternalScreen,
    PenilaiEksternalScreen,
)
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.rating_penilaian import RatingPenilaianScreen
from tui.screens.riwayat_skp import RiwayatSkpScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.widgets.penilaian.pilih_bawahan import PilihBawahanScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])
BUPATI = "BUPATI MADIUN"


async def skp_sekda_diajukan(client) -> s.Skp:
    """The Sekda's SKP of this year (his RHK from the Perjanjian Kinerja), submitted."""
    md = await client.login(nip=data.SEKDA)
    skp = await buat_skp(client, md, awal=(TAHUN, 1, 1), akhir=(TAHUN, 12, 31))
    rhk = await tambah_rhk(
        client,
        md,
        skp,
        teks="Meningkatnya tata kelola pemerintahan",
        intervensi=False,
        klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI,
        perjanjian_kinerja="Sasaran RPJMD 1",
    )
    await tambah_indikator(client, md, rhk, teks="Indeks reformasi birokrasi", target="80 nilai")
    skp = await get(client, md, skp)
    return await client.skp.AjukanSkp(s.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md)


async def test_admin_mencatat_penilai_eksternal_lalu_menyetujui_dan_menilai_atas_namanya(buka_aplikasi, client):
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        await pilot.press("p")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaiEksternalScreen)
        await ketik(pilot, "#cari-pegawai", "sekda")
        await tunggu(pilot)
        assert kolom(app, "#tabel-cari", "Nama") == ["SEKDA MADIUN"]
        await pilot.press("enter")  # on to the table
        await tunggu(pilot)
        assert "Admin instansi dapat mencatat penilai eksternal" in isi(app, "#atasan-pe")
        await pilot.press("e")
        assert isinstance(app.screen, CatatPenilaiEksternalScreen)
        await ketik(pilot, "#nama-pe", BUPATI)
        await ketik(pilot, "#jabatan-pe", "Bupati Madiun")
        await ketik(pilot, "#alasan", "SK pelantikan Bupati")
        await pilot.press("enter")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaiEksternalScreen), isi(app, "#pesan")
        atasan = isi(app, "#atasan-pe")
        assert f"NAMA {BUPATI}" in atasan and "NON ASN (penilai eksternal)" in atasan
        assert "Penilai eksternal disimpan." in pemberitahuan(app)

        # The Sekda submits; the admin finds it under SKP Penilai Eksternal and approves it.
        skp = await skp_sekda_diajukan(client)
        await pilot.press("b")
        await tunggu(pilot)
        assert isinstance(app.screen, SkpBawahanScreen) and app.screen.eksternal
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SEKDA MADIUN"]
        assert not app.screen.query("#sinkronisasi")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen) and app.screen.penilai
        await pilot.press("s")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: PERSETUJUAN"
        await pilot.press("h")
        await tunggu(pilot)
        assert isinstance(app.screen, RiwayatSkpScreen)
        assert kolom(app, "#tabel-riwayat", "Oleh")[-1] == f"{BUPATI} (penilai eksternal), oleh ADMIN.MADIUN"
        await pilot.press("escape", "escape")
        await tunggu(pilot)

        # Rated for him: the Sekda leads a unor induk, his rating hasil is the unit's final capaian.
        admin = await client.login(username="admin.madiun")
        cap = await client.penilaian.SetCapaianOrganisasi(
            n.SetCapaianOrganisasiRequest(
                unor_induk_id=data.SETDA, tahun=TAHUN, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
            ),
            metadata=admin,
        )
        await client.penilaian.FinalisasiCapaianOrganisasi(
            n.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.SETDA, tahun=TAHUN, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
            ),
            metadata=admin,
        )
        assert isinstance(app.screen, SkpBawahanScreen)
        await pilot.press("n")
        await tunggu(pilot)
        assert isinstance(app.screen, PemantauanEvaluasiScreen)
        pilih(pilot, "#tabel-pemantauan", "Penilaian Akhir Tahun")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PilihBawahanScreen)
        assert kolom(app, "#tabel-pilih-bawahan", "Nama") == ["SEKDA MADIUN"]
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        await pilot.press("h")
        await tunggu(pilot)
        assert isinstance(app.screen, RatingPenilaianScreen)
        await pilot.press("2")  # perilaku Sesuai Ekspektasi; hasil follows the capaian
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)

    sekda = await client.login(nip=data.SEKDA)
    nilai = await client.penilaian.GetPenilaian(
        n.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/akhir"), metadata=sekda
    )
    assert nilai.dinilai_oleh == BUPATI and nilai.periode.predikat == n.PREDIKAT_BAIK


async def test_sekda_melihat_penilai_eksternal_sebagai_atasannya(buka_aplikasi, client):
    admin = await client.login(username="admin.madiun")
    await client.profil.SetPenilaiEksternal(
        p.SetPenilaiEksternalRequest(
            name=f"pegawai/{data.SEKDA}", alasan="SK", penilai=p.PenilaiEksternal(nama=BUPATI, jabatan="Bupati Madiun")
        ),
        metadata=admin,
    )
    async with buka_aplikasi(data.SEKDA) as (app, pilot):
        await pilot.press("2")  # Profil > Data Atasan
        await tunggu(pilot)
        teks_atasan = isi(app, "#isi-atasan")
        assert f"NAMA {BUPATI}" in teks_atasan and "admin instansi bertindak atas namanya" in teks_atasan


async def test_admin_menghapus_penilai_eksternal_dengan_alasan(buka_aplikasi, client):
    admin = await client.login(username="admin.madiun")
    await client.profil.SetPenilaiEksternal(
        p.SetPenilaiEksternalRequest(
            name=f"pegawai/{data.SEKDA}", alasan="SK", penilai=p.PenilaiEksternal(nama=BUPATI, jabatan="Bupati Madiun")
        ),
        metadata=admin,
    )
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        await pilot.press("p")
        await tunggu(pilot)
        await ketik(pilot, "#cari-pegawai", data.SEKDA[:10])
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert f"NAMA {BUPATI}" in isi(app, "#atasan-pe")
        await pilot.press("x")
        assert isinstance(app.screen, HapusPenilaiEksternalScreen)
        await pilot.press("ctrl+s")
        assert isi(app, "#pesan").startswith("ALASAN wajib diisi")
        await ketik(pilot, "#alasan", "Masa jabatan berakhir")
        await pilot.press("enter")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaiEksternalScreen)
        assert isi(app, "#atasan-pe").startswith("Tidak ada atasan di dalam sistem")
        assert "Penilai eksternal dihapus." in pemberitahuan(app)
        # Someone with an atasan inside the system: nothing to record.
        await ketik(pilot, "#cari-pegawai", "sutikno")
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, PenilaiEksternalScreen)
        assert "mempunyai atasan di dalam sistem (ENDANG SUMARSIH)" in pemberitahuan(app)
