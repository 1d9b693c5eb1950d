"""Matriks Peran Hasil (docs/domain.md#matriks-peran-hasil): the atasan assigns a
bawahan to one of their RHK; the bawahan then finds it among the RHK atasan
yang diintervensi of their own SKP."""

import pytest
from ekinerja.skp.v1 import skp_pb2
from textual.widgets import DataTable, RadioButton, Select

from tests import data
from tests.tui.pilot import isi, opsi, pilih_opsi, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail, isi_teks, tambah_skp
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.matriks_peran_hasil import MatriksPeranHasilScreen
from tui.widgets.skp.tambah_rhk import TambahRhkScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

RHK_ATASAN = "Tersedianya data yang akurat dan terlaksananya layanan ASN"


async def test_atasan_menugaskan_lalu_bawahan_mengintervensi(buka_aplikasi, client):
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        # A pimpinan's SKP asks the KLASIFIKASI RHK too.
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        app.screen.query_one("#jenis-1", RadioButton).value = True
        await isi_teks(pilot, "#teks", RHK_ATASAN)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isi(app, "#pesan") == "KLASIFIKASI RHK: klasifikasi RHK wajib dipilih: Organisasi atau Individu"
        assert app.focused.id == "klasifikasi"
        app.screen.query_one("#klasifikasi", Select).value = skp_pb2.KLASIFIKASI_RHK_ORGANISASI
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        [rhk] = [str(r[1]) for r in map(app.screen.query_one("#tabel-rhk").get_row_at, range(4)) if str(r[0]) == "1"]
        assert rhk == f"{RHK_ATASAN}\nOrganisasi: BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"

        await pilot.press("m")
        await tunggu(pilot)
        assert isinstance(app.screen, MatriksPeranHasilScreen)
        table = app.screen.query_one("#tabel-mph", DataTable)
        kolom = [str(c.label) for c in table.columns.values()]
        assert sorted(kolom[2:]) == ["SUTIKNO", "SUYANTO", "WIDANANG SA."]
        table.move_cursor(row=0, column=kolom.index("SUTIKNO"))
        await pilot.press("space")
        await tunggu(pilot)
        assert str(table.get_cell_at(table.cursor_coordinate)) == "[A]"  # anggota until told otherwise
        assert "SUTIKNO (PENGADMINISTRASI KEPEGAWAIAN): ditugaskan" in isi(app, "#sel-mph")

    md = await client.login(nip=data.ENDANG)
    [skp_atasan] = (await client.skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{data.ENDANG}"), metadata=md)).skp
    m = await client.skp.GetMatriksPeranHasil(skp_pb2.GetMatriksPeranHasilRequest(name=skp_atasan.name), metadata=md)
    assert [list(p.nip) for p in m.peran] == [[data.SUTIKNO]]

    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        label = f"{RHK_ATASAN} (BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI)"
        assert opsi(app.screen.query_one("#rhk-atasan", Select)) == [label]
        assert app.screen.query_one("#petunjuk-intervensi").has_class("tersembunyi")
        await pilih_opsi(pilot, "#rhk-atasan", label)
        app.screen.query_one("#jenis-1", RadioButton).value = True
        await isi_teks(pilot, "#teks", "Terlayaninya KARPEG, KARIS, KARSU dengan baik dan benar")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        rows = [str(app.screen.query_one("#tabel-rhk").get_row_at(i)[1]) for i in range(4)]
        assert f"Terlayaninya KARPEG, KARIS, KARSU dengan baik dan benar\nRHK atasan: {RHK_ATASAN}" in rows


async def test_enter_pada_sel_mph_mengisi_peran_hasil_lalu_lepas_menghapusnya(buka_aplikasi, client):
    """Enter on a cell opens its Peran Hasil: the text that becomes the bawahan's RHK and the role."""
    from textual.widgets import Input

    from tests.tui.skp_mph_bantu import skp_endang_dengan_rhk
    from tui.screens.peran_hasil import PeranHasilScreen

    await skp_endang_dengan_rhk(client, RHK_ATASAN)
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        await pilot.press("m")
        await tunggu(pilot)
        table = app.screen.query_one("#tabel-mph", DataTable)
        kolom = [str(c.label) for c in table.columns.values()]
        table.move_cursor(row=0, column=kolom.index("SUTIKNO"))
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PeranHasilScreen)
        assert f"RHK: {RHK_ATASAN}" in isi(app, ".petunjuk")
        app.screen.query_one("#peran-hasil", Input).value = "Terlaksananya pemutakhiran data kepegawaian"
        app.screen.query_one(f"#peran-{skp_pb2.PERAN_TIM_KETUA_TIM}", RadioButton).value = True
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, MatriksPeranHasilScreen)
        assert str(table.get_cell_at(table.cursor_coordinate)) == "[T]"
        rincian = isi(app, "#sel-mph")
        assert "ditugaskan, Ketua Tim" in rincian and "Terlaksananya pemutakhiran data kepegawaian" in rincian
        # Enter again shows what is stored; Lepas unassigns.
        await pilot.press("enter")
        await tunggu(pilot)
        assert app.screen.query_one("#peran-hasil", Input).value == "Terlaksananya pemutakhiran data kepegawaian"
        app.screen.query_one("#lepas").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, MatriksPeranHasilScreen)
        assert str(table.get_cell_at(table.cursor_coordinate)) == "[ ]"


async def test_atasan_menambah_pegawai_unit_lain_ke_mph_lalu_menghapusnya(buka_aplikasi, client):
    """Tambah Pegawai searches the instansi and adds a pegawai of another unit as a column (*)."""
    from textual.widgets import Input, OptionList

    from tests.tui.pilot import pemberitahuan
    from tests.tui.skp_mph_bantu import skp_endang_dengan_rhk
    from tui.dialog.konfirmasi import KonfirmasiScreen
    from tui.screens.tambah_pegawai_mph import TambahPegawaiMphScreen

    await skp_endang_dengan_rhk(client, RHK_ATASAN)
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        await pilot.press("m")
        await tunggu(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahPegawaiMphScreen)
        app.screen.query_one("#cari-pegawai", Input).value = "su"
        await pilot.press("enter")
        await tunggu(pilot)
        hasil = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert not any(x.startswith(("SUTIKNO", "SUYANTO")) for x in hasil)  # already bawahan columns
        app.screen.query_one("#cari-pegawai", Input).value = "budi"
        app.screen.query_one("#cari-pegawai", Input).focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert [str(o.prompt) for o in app.screen.query_one(OptionList).options] == [
            "BUDI SANTOSO — Pengadministrasi Umum, SEKSI PELAYANAN"
        ]
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, MatriksPeranHasilScreen)
        table = app.screen.query_one("#tabel-mph", DataTable)
        kolom = [str(c.label) for c in table.columns.values()]
        assert "BUDI SANTOSO*" in kolom
        table.move_cursor(row=0, column=kolom.index("BUDI SANTOSO*"))
        await pilot.press("space")
        await tunggu(pilot)
        assert str(table.get_cell_at(table.cursor_coordinate)) == "[A]"
        assert "Pegawai unit lain: BUDI SANTOSO (Pengadministrasi Umum, SEKSI PELAYANAN)" in isi(app, "#sel-mph")
        table.move_cursor(row=0, column=kolom.index("SUTIKNO"))
        await pilot.press("x")
        assert "Hanya pegawai yang ditambahkan dari unit lain" in pemberitahuan(app)
        table.move_cursor(row=0, column=kolom.index("BUDI SANTOSO*"))
        await pilot.press("x")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert "BUDI SANTOSO*" not in [str(c.label) for c in table.columns.values()]
