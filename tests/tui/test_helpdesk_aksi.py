"""What helpdesk fixes from the console, each with a reason (refused empty, on
the ALASAN field) and a confirmation, the change visible once reloaded:
unit kerja / jabatan, Muat Ulang of an SKP's penilai, Edit Status, PLT/PLH,
Kirim Kode Reset, and (replacing a pimpinan) Jadikan Pimpinan."""

import datetime as dt
import re

import pytest
from ekinerja.profil.v1 import profil_pb2
from ekinerja.skp.v1 import skp_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from textual.widgets import RadioButton

from tests import data
from tests.api.skp.bantu import buat_skp, get, rid, skp_siap
from tests.tui.helpdesk import alasan_kosong_ditolak, beri_alasan, masuk_ke_pegawai
from tests.tui.pilot import isi, ketik, kolom, tunggu
from tui.format import BULAN
from tui.screens.edit_status import EditStatusScreen
from tui.screens.ganti_pimpinan import GantiPimpinanScreen
from tui.screens.kirim_kode_reset import KirimKodeResetScreen
from tui.screens.muat_ulang_penilai import MuatUlangPenilaiScreen
from tui.screens.pegawai_helpdesk import PegawaiHelpdeskScreen
from tui.widgets.profil.akhiri_penugasan import AkhiriPenugasanScreen
from tui.widgets.profil.edit_profil import EditProfilScreen
from tui.widgets.profil.tambah_penugasan import TambahPenugasanScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

HARI_INI = dt.date.today()


async def pegawai(client, nip: str) -> profil_pb2.Pegawai:
    md = await client.login(username="admin.madiun")
    return await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{nip}"), metadata=md)


def ddmmyyyy(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


async def test_helpdesk_mengubah_jabatan_dengan_alasan(buka_aplikasi, client):
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, "sutikno")
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EditProfilScreen)
        await ketik(pilot, "#jabatan", "Pengelola Data Kepegawaian")
        await alasan_kosong_ditolak(pilot)
        pertanyaan = await beri_alasan(pilot, "Jabatan salah ketik saat impor, tiket 17")
        assert "JABATAN: PENGADMINISTRASI KEPEGAWAIAN -> Pengelola Data Kepegawaian" in pertanyaan
        assert isinstance(app.screen, PegawaiHelpdeskScreen)
        assert "JABATAN Pengelola Data Kepegawaian" in isi(app, "#hd-pribadi")
        assert "Profil SUTIKNO disimpan" in isi(app, "#hd-hasil")
    assert (await pegawai(client, data.SUTIKNO)).jabatan == "Pengelola Data Kepegawaian"


async def test_helpdesk_memindah_unit_kerja_lalu_memuat_ulang_penilai_skp(buka_aplikasi, client):
    """SUTIKNO moves to SEKSI PELAYANAN: his atasan becomes CAMAT JIWAN, but his SKP keeps ENDANG
    as penilai until Muat Ulang."""
    await buat_skp(client, await client.login(nip=data.SUTIKNO))
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.SUTIKNO)
        await pilot.press("e")
        await tunggu(pilot)
        await ketik(pilot, ".cari-unor", "seksi")
        await tunggu(pilot)
        await pilot.press("enter", "enter")  # into the list, choose SEKSI PELAYANAN
        pertanyaan = await beri_alasan(pilot, "Mutasi per SK 821/45")
        assert "UNIT KERJA: BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI -> SEKSI PELAYANAN" in pertanyaan
        assert "UNIT KERJA PNS SEKSI PELAYANAN" in isi(app, "#hd-pribadi")
        assert "NAMA CAMAT JIWAN" in isi(app, "#hd-atasan")

        await pilot.press("2")
        await tunggu(pilot)
        assert kolom(app, "#hd-tabel-skp", "Penilai") == ["ENDANG SUMARSIH"]
        await pilot.press("m")
        await tunggu(pilot)
        assert isinstance(app.screen, MuatUlangPenilaiScreen)
        petunjuk = isi(app, ".petunjuk")
        assert f"Penilai tercatat di SKP: ENDANG SUMARSIH ({data.ENDANG})" in petunjuk
        assert f"Atasan menurut Profil hari ini: CAMAT JIWAN ({data.CAMAT})" in petunjuk
        await alasan_kosong_ditolak(pilot)
        await beri_alasan(pilot, "Penilai ikut unit baru")
        assert isinstance(app.screen, PegawaiHelpdeskScreen)
        assert kolom(app, "#hd-tabel-skp", "Penilai") == ["CAMAT JIWAN"]
        assert "sekarang: CAMAT JIWAN" in isi(app, "#hd-hasil")
        # The change of penilai is in the SKP's Riwayat, by helpdesk.
        perubahan = kolom(app, "#hd-tabel-riwayat", "Alasan/Perubahan")[0]
        assert "ENDANG SUMARSIH" in perubahan and "CAMAT JIWAN" in perubahan, perubahan
        assert kolom(app, "#hd-tabel-riwayat", "Oleh")[0] == "HELPDESK.BKPSDM"
    g = await pegawai(client, data.SUTIKNO)
    assert g.unor_id == data.PELAYANAN and g.jabatan == "PENGADMINISTRASI KEPEGAWAIAN"


async def test_helpdesk_mengubah_status_skp_dengan_alasan(buka_aplikasi, client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    skp = await client.skp.AjukanSkp(
        skp_pb2.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md
    )
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.SUTIKNO)
        await pilot.press("2")
        await tunggu(pilot)
        assert kolom(app, "#hd-tabel-skp", "Status") == ["PENGAJUAN"]
        await pilot.press("u")
        await tunggu(pilot)
        assert isinstance(app.screen, EditStatusScreen)
        app.screen.query_one(f"#status-{skp_pb2.STATUS_SKP_DRAFT}", RadioButton).value = True
        await alasan_kosong_ditolak(pilot)
        pertanyaan = await beri_alasan(pilot, "Diajukan keliru, permintaan pegawai")
        assert "diubah dari PENGAJUAN menjadi DRAFT" in pertanyaan
        assert isinstance(app.screen, PegawaiHelpdeskScreen), isi(app, "#pesan")
        assert kolom(app, "#hd-tabel-skp", "Status") == ["DRAFT"]
        assert kolom(app, "#hd-tabel-riwayat", "Status")[0] == "PENGAJUAN -> DRAFT"
        assert "Diajukan keliru, permintaan pegawai" in kolom(app, "#hd-tabel-riwayat", "Alasan/Perubahan")[0]
        assert "sekarang DRAFT" in isi(app, "#hd-hasil")
    assert (await get(client, md, skp)).status == skp_pb2.STATUS_SKP_DRAFT


async def test_helpdesk_menambah_lalu_mengakhiri_plt(buka_aplikasi):
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.STAF_SEKRETARIAT)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahPenugasanScreen)
        assert "SRI WAHYUNI" in isi(app, ".judul")
        await ketik(pilot, ".cari-unor", "sekretariat bkpsdm")
        await tunggu(pilot)
        await pilot.press("enter", "enter")
        await ketik(pilot, "#selesai", ddmmyyyy(HARI_INI + dt.timedelta(days=60)))
        await pilot.press("enter")  # the last date: on to ALASAN, nothing sent yet
        assert app.focused.id == "alasan" and isinstance(app.screen, TambahPenugasanScreen)
        await alasan_kosong_ditolak(pilot)
        pertanyaan = await beri_alasan(pilot, "SK Plt Sekretaris nomor 800/12")
        assert "SRI WAHYUNI dicatat sebagai Plt. pimpinan SEKRETARIAT BKPSDM" in pertanyaan
        assert isinstance(app.screen, PegawaiHelpdeskScreen), isi(app, "#pesan")
        assert kolom(app, "#tabel-plt", "Jabatan") == ["Plt. Sekretaris BKPSDM"]
        assert kolom(app, "#tabel-plt", "Status") == ["Berlaku"]
        assert "Plt. Sekretaris BKPSDM ditambahkan" in isi(app, "#hd-hasil")
        assert "Plt. Sekretaris BKPSDM" in isi(app, "#hd-atasan-plt")

        await pilot.press("x")
        await tunggu(pilot)
        assert isinstance(app.screen, AkhiriPenugasanScreen)
        # The server's refusal lands on the field it names.
        await ketik(pilot, "#selesai", ddmmyyyy(HARI_INI - dt.timedelta(days=400)))
        await ketik(pilot, "#alasan", "Pejabat definitif sudah dilantik")
        await pilot.press("enter", "enter")
        await tunggu(pilot)
        assert isinstance(app.screen, AkhiriPenugasanScreen)
        assert isi(app, "#pesan").startswith("PERIODE AKHIR"), isi(app, "#pesan")
        assert app.focused.id == "selesai" and app.focused.has_class("salah")
        akhir = HARI_INI + dt.timedelta(days=10)
        await ketik(pilot, "#selesai", ddmmyyyy(akhir))
        await beri_alasan(pilot, "Pejabat definitif sudah dilantik")
        assert isinstance(app.screen, PegawaiHelpdeskScreen), isi(app, "#pesan")
        periode = kolom(app, "#tabel-plt", "Periode")[0]
        assert periode.endswith(f" - {akhir.day} {BULAN[akhir.month - 1]} {akhir.year}"), periode
        assert "berakhir" in isi(app, "#hd-hasil")


async def test_helpdesk_mengirim_kode_reset_ke_email_pegawai(buka_aplikasi, server):
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, "widanang")
        await pilot.press("k")
        await tunggu(pilot)
        assert isinstance(app.screen, KirimKodeResetScreen)
        await alasan_kosong_ditolak(pilot)
        await beri_alasan(pilot, "Pegawai menelepon, lupa password")
        assert isinstance(app.screen, PegawaiHelpdeskScreen), isi(app, "#pesan")
        hasil = isi(app, "#hd-hasil")
        assert re.fullmatch(r"Kode reset dikirim ke \S*\*\S*@contoh\.go\.id, berlaku sampai .+\.", hasil), hasil
        assert data.WIDANANG not in hasil  # the address is masked
    # The code went by mail only: it is nowhere on the screen.
    surat = [p.read_text() for p in (server.context.settings.data_dir / "outbox").glob("*.eml")]
    kode = {k for s in surat for k in re.findall(r"\b\d{8}\b", s)}
    assert kode and not any(k in hasil for k in kode)


async def test_helpdesk_menjadikan_pimpinan_menggantikan_pimpinan_lama(buka_aplikasi, client):
    """WIDANANG becomes the head of his bidang (his jabatan now says so), replacing ENDANG."""
    md = await client.login(nip=data.WIDANANG)
    g = await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{data.WIDANANG}"), metadata=md)
    await client.profil.UpdatePegawai(
        profil_pb2.UpdatePegawaiRequest(
            request_id=rid(),
            pegawai=profil_pb2.Pegawai(
                name=g.name, etag=g.etag, jabatan="Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"
            ),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=md,
    )
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, "widanang")
        await pilot.press("j")
        await tunggu(pilot)
        assert isinstance(app.screen, GantiPimpinanScreen)
        assert f"Pimpinan sekarang: ENDANG SUMARSIH ({data.ENDANG})" in isi(app, ".petunjuk")
        await alasan_kosong_ditolak(pilot)
        pertanyaan = await beri_alasan(pilot, "Pelantikan kepala bidang baru")
        assert "menggantikan ENDANG SUMARSIH" in pertanyaan
        assert isinstance(app.screen, PegawaiHelpdeskScreen), isi(app, "#pesan")
        assert f"PIMPINAN UNIT WIDANANG SASMITO AJI ({data.WIDANANG})" in isi(app, "#hd-pribadi")
        assert "JENIS Pimpinan" in isi(app, "#hd-pribadi")
