"""Edit Profil: JABATAN and UNIT KERJA, sent with update_mask and etag."""

import pytest
from ekinerja.profil.v1 import profil_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from textual.widgets import OptionList

from tests import data
from tests.tui.pilot import isi, ketik, pemberitahuan, tunggu
from tui.screens.utama import UtamaScreen
from tui.widgets.profil.edit_profil import EditProfilScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def pegawai(client, nip: str) -> profil_pb2.Pegawai:
    md = await client.login(nip=nip)
    return await client.profil.GetPegawai(profil_pb2.GetPegawaiRequest(name=f"pegawai/{nip}"), metadata=md)


async def test_edit_profil_mengubah_jabatan(buka_aplikasi, client):
    before = await pegawai(client, data.SUTIKNO)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EditProfilScreen)
        await ketik(pilot, "#jabatan", "   ")
        await pilot.press("ctrl+s")
        assert isi(app, "#pesan") == "JABATAN wajib diisi."
        await ketik(pilot, "#jabatan", before.jabatan)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "Tidak ada perubahan." in pemberitahuan(app)  # and nothing sent: the etag below is unchanged
        assert (await pegawai(client, data.SUTIKNO)).etag == before.etag
        await pilot.press("e")
        await tunggu(pilot)
        await ketik(pilot, "#jabatan", "Pengelola Data Kepegawaian")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "JABATAN Pengelola Data Kepegawaian" in isi(app, "#isi-pribadi")
        assert "Profil disimpan" in pemberitahuan(app)
    g = await pegawai(client, data.SUTIKNO)
    assert g.jabatan == "Pengelola Data Kepegawaian" and g.unor_id == data.BIDANG


async def test_edit_profil_pindah_unit_kerja_lewat_pencarian_mengubah_atasan(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("e")
        await tunggu(pilot)
        daftar = app.screen.query_one(".daftar-unor", OptionList)
        assert [str(daftar.get_option_at_index(i).prompt) for i in range(3)] == [
            "  SEKRETARIAT DAERAH",  # the tree, indented by kedalaman
            "    BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            "*     BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI",  # * marks the current unit
        ]
        await pilot.press("enter")  # JABATAN unchanged: on to the search
        await pilot.press(*"seksi")
        await tunggu(pilot)
        assert [str(daftar.get_option_at_index(i).prompt).strip() for i in range(daftar.option_count)] == [
            "SEKSI PELAYANAN"
        ]
        await pilot.press("enter", "enter")  # into the list, choose
        assert "Dipilih: SEKSI PELAYANAN" in isi(app, ".unor-terpilih")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert "UNIT KERJA PNS SEKSI PELAYANAN" in isi(app, "#isi-pribadi")
        await pilot.press("2")
        assert "NAMA CAMAT JIWAN" in isi(app, "#isi-atasan")  # SEKSI PELAYANAN has no pimpinan today
    g = await pegawai(client, data.SUTIKNO)
    assert g.unor_id == data.PELAYANAN and g.jabatan == "PENGADMINISTRASI KEPEGAWAIAN"


async def test_profil_diubah_di_tempat_lain_memberi_tahu_dan_memuat_ulang(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("e")
        await tunggu(pilot)
        # Meanwhile, in another session, the same pegawai changes the jabatan.
        g = await pegawai(client, data.SUTIKNO)
        md = await client.login(nip=data.SUTIKNO)
        await client.profil.UpdatePegawai(
            profil_pb2.UpdatePegawaiRequest(
                request_id="lain-sesi-0001",
                pegawai=profil_pb2.Pegawai(name=g.name, etag=g.etag, jabatan="Dari Sesi Lain"),
                update_mask=FieldMask(paths=["jabatan"]),
            ),
            metadata=md,
        )
        await ketik(pilot, "#jabatan", "Dari TUI")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "diubah di tempat lain" in pemberitahuan(app)
        assert "JABATAN Dari Sesi Lain" in isi(app, "#isi-pribadi")  # reloaded, not overwritten
    assert (await pegawai(client, data.SUTIKNO)).jabatan == "Dari Sesi Lain"
