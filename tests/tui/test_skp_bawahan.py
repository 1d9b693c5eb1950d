"""SKP Bawahan (docs/domain.md#status-skp) as the pejabat penilai: find the SKP by
year, Edit Status, Kembalikan, Ekspektasi Khusus Pimpinan, Riwayat, and
Sinkronisasi after a change in the organisation."""

import pytest
from ekinerja.profil.v1 import profil_pb2
from ekinerja.skp.v1 import skp_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from textual.widgets import OptionList, RadioButton

from tests import data
from tests.api.skp.bantu import get, rid, skp_siap
from tests.tui.pilot import isi, ketik, kolom, masuk, pemberitahuan, tunggu
from tests.tui.skp import buka_daftar_skp, isi_teks
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.edit_status import EditStatusScreen
from tui.screens.kembalikan_skp import KembalikanSkpScreen
from tui.screens.laporan_sinkronisasi import LaporanSinkronisasiScreen
from tui.screens.riwayat_skp import RiwayatSkpScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.widgets.skp.ekspektasi import EkspektasiScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def skp_sutikno(client, disetujui: bool) -> skp_pb2.Skp:
    """SUTIKNO's 2023 SKP, submitted (and approved by ENDANG when asked)."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    skp = await client.skp.AjukanSkp(
        skp_pb2.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md
    )
    if disetujui:
        md = await client.login(nip=data.ENDANG)
        skp = await client.skp.SetujuiSkp(
            skp_pb2.SetujuiSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md
        )
    return skp


async def buka_skp_bawahan(pilot, tahun: str = "2023") -> None:
    await masuk(pilot, data.ENDANG)
    await buka_daftar_skp(pilot)
    await pilot.press("b")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, SkpBawahanScreen)
    await ketik(pilot, "#tahun", tahun)
    await pilot.press("enter")  # on to the table
    await tunggu(pilot)


async def buka_detail_bawahan(pilot) -> None:
    pilot.app.screen.query_one("#tabel-skp-bawahan").focus()
    await pilot.press("enter")
    await tunggu(pilot)
    assert isinstance(pilot.app.screen, DetailSkpScreen) and pilot.app.screen.penilai


async def test_atasan_memilih_tahun_dan_mencari_skp_bawahan(buka_aplikasi, client):
    await skp_sutikno(client, disetujui=False)
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot, "2022")
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == []
        assert "Tidak ada SKP bawahan tahun 2022" in isi(app, "#judul-skp-bawahan")
        await pilot.press("plus")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SUTIKNO"]
        assert kolom(app, "#tabel-skp-bawahan", "Jabatan") == ["PENGADMINISTRASI KEPEGAWAIAN"]
        assert kolom(app, "#tabel-skp-bawahan", "Periode") == ["1 Jan 2023 - 31 Des 2023"]
        await ketik(pilot, "#cari", "widanang")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == []
        await ketik(pilot, "#cari", data.SUTIKNO[:8])
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SUTIKNO"]


async def test_atasan_mengubah_status_skp_bawahan_ke_draft_dengan_alasan(buka_aplikasi, client):
    skp = await skp_sutikno(client, disetujui=True)
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Status") == ["Persetujuan"]
        await buka_detail_bawahan(pilot)
        assert isi(app, "#status-skp") == "Status SKP: PERSETUJUAN"
        assert app.screen.query_one("#setujui").disabled  # already approved
        await pilot.press("u")
        assert isinstance(app.screen, EditStatusScreen)
        app.screen.query_one(f"#status-{skp_pb2.STATUS_SKP_DRAFT}", RadioButton).value = True
        await pilot.press("ctrl+s")
        assert isi(app, "#pesan") == "ALASAN wajib diisi bila status diturunkan."
        assert app.focused.id == "alasan"
        await ketik(pilot, "#alasan", "Target indikator belum terukur")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        await pilot.press("h")
        await tunggu(pilot)
        assert isinstance(app.screen, RiwayatSkpScreen)
        assert kolom(app, "#tabel-riwayat", "Status")[-1] == "PERSETUJUAN -> DRAFT"
        assert kolom(app, "#tabel-riwayat", "Oleh")[-1] == "ENDANG SUMARSIH"
        assert kolom(app, "#tabel-riwayat", "Alasan / Perubahan")[-1].endswith("Target indikator belum terukur")
        await pilot.press("escape", "escape")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Status") == ["Draft"]
    md = await client.login(nip=data.SUTIKNO)
    skp = await get(client, md, skp)
    assert skp.status == skp_pb2.STATUS_SKP_DRAFT and skp.keterangan == "Target indikator belum terukur"
    # The pegawai reads why.
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        assert "Keterangan Target indikator belum terukur" in isi(app, "#rincian-skp")


async def test_atasan_mengembalikan_skp_lalu_mengisi_ekspektasi_khusus_pimpinan(buka_aplikasi, client):
    skp = await skp_sutikno(client, disetujui=False)
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        await buka_detail_bawahan(pilot)
        # The penilai writes the ekspektasi while the SKP is PENGAJUAN.
        await pilot.press("3")
        app.screen.query_one("#daftar-perilaku", OptionList).highlighted = 1
        await pilot.press("e")
        assert isinstance(app.screen, EkspektasiScreen)
        await isi_teks(pilot, "#ekspektasi", "Laporan tepat waktu setiap bulan")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        akuntabel = str(app.screen.query_one("#daftar-perilaku", OptionList).get_option_at_index(1).prompt)
        assert akuntabel.startswith("2. Akuntabel")
        assert akuntabel.endswith("Ekspektasi Khusus Pimpinan: Laporan tepat waktu setiap bulan")
        await pilot.press("k")
        assert isinstance(app.screen, KembalikanSkpScreen)
        await pilot.press("enter")
        assert isi(app, "#pesan") == "ALASAN wajib diisi."
        await ketik(pilot, "#alasan", "Tambahkan RHK layanan KARPEG")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        assert "Status SKP sekarang DRAFT." in pemberitahuan(app)
    md = await client.login(nip=data.SUTIKNO)
    skp = await get(client, md, skp)
    assert skp.status == skp_pb2.STATUS_SKP_DRAFT and skp.keterangan == "Tambahkan RHK layanan KARPEG"
    assert {p.kode: p.ekspektasi for p in skp.perilaku}["AKUNTABEL"] == "Laporan tepat waktu setiap bulan"


async def test_sinkronisasi_melaporkan_pergantian_penilai(buka_aplikasi, client):
    await skp_sutikno(client, disetujui=False)
    # SUTIKNO moves to SEKSI PELAYANAN: CAMAT JIWAN rates him from now on.
    md = await client.login(nip=data.SUTIKNO)
    p = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    await client.profil.UpdatePegawai(
        profil_pb2.UpdatePegawaiRequest(
            request_id=rid(),
            pegawai=profil_pb2.Pegawai(name=p.name, etag=p.etag, unor_id=data.PELAYANAN),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=md,
    )
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SUTIKNO"]  # still named as penilai
        await pilot.press("y")
        await tunggu(pilot)
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LaporanSinkronisasiScreen)
        laporan = isi(app, "#laporan-sinkronisasi")
        assert "Diperiksa: 1 SKP" in laporan
        assert "- SUTIKNO: ENDANG SUMARSIH -> CAMAT JIWAN" in laporan
        await pilot.press("escape")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == []


async def test_sinkronisasi_menanyakan_dahulu_skp_yang_sudah_disetujui(buka_aplikasi, client):
    """An approved SKP keeps its penilai until the user, shown it in the report, chooses Ganti Penilai."""
    await skp_sutikno(client, disetujui=True)
    md = await client.login(nip=data.SUTIKNO)
    p = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.SUTIKNO}"), metadata=md)
    await client.profil.UpdatePegawai(
        profil_pb2.UpdatePegawaiRequest(
            request_id=rid(),
            pegawai=profil_pb2.Pegawai(name=p.name, etag=p.etag, unor_id=data.PELAYANAN),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=md,
    )
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        await pilot.press("y")
        await tunggu(pilot)
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, LaporanSinkronisasiScreen)
        laporan = isi(app, "#laporan-sinkronisasi")
        assert "Perubahan penilai: 0" in laporan
        assert "Belum diubah, SKP sudah disetujui (mungkin sudah dinilai): 1" in laporan
        assert "- SUTIKNO: ENDANG SUMARSIH -> CAMAT JIWAN" in laporan
        await pilot.press("escape")  # Tutup: left as it is
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SUTIKNO"]
        await pilot.press("y", "enter")
        await tunggu(pilot)
        await pilot.press("g")  # Ganti Penilai
        await tunggu(pilot)
        assert isinstance(app.screen, LaporanSinkronisasiScreen)
        laporan = isi(app, "#laporan-sinkronisasi")
        assert "- SUTIKNO: ENDANG SUMARSIH -> CAMAT JIWAN" in laporan and "Belum diubah" not in laporan
        await pilot.press("escape")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == []
