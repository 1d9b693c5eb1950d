"""The dialogs as people use them at 80x24 (issue 15): a refusal is seen at
once with the focus on the field it names, an old refusal goes when the
field changes, and every dialog saves the one way (tui/dialog/form_aksi.py)."""

import pytest
from textual.widgets import Checkbox, RadioButton

from tests import data
from tests.tui.pilot import ketik, kolom, layar, pemberitahuan, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail, isi_teks, tambah_rhk, tambah_skp
from tui.screens.ubah_password import UbahPasswordScreen
from tui.widgets.skp.tambah_rhk import TambahRhkScreen
from tui.widgets.skp.tambah_skp import TambahSkpScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def dalam_dialog(app) -> str:
    """The text inside the dialog's border, its lines joined (a message wraps)."""
    baris = [b[b.index("│") + 1 : b.rindex("│")] for b in layar(app).splitlines() if b.count("│") >= 2]
    return " ".join(" ".join(baris).split())


def terlihat(app, teks: str) -> None:
    assert teks in dalam_dialog(app), f"{teks!r} not on the 80x24 screen:\n{layar(app)}"


async def test_tambah_skp_menampilkan_penolakan_dan_memfokus_isiannya(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        # The end before the start (the server's rule, google.rpc.BadRequest naming skp.periode_akhir).
        await tambah_skp(pilot, "01/07/2023", "30/06/2023")
        assert isinstance(app.screen, TambahSkpScreen)
        terlihat(app, "PERIODE AKHIR: periode akhir tidak boleh sebelum periode awal")
        assert app.screen.focused is app.screen.query_one("#akhir")
        # A date that is no date.
        await ketik(pilot, "#akhir", "31/02/2023")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert app.screen.focused is app.screen.query_one("#akhir")
        terlihat(app, "PERIODE AKHIR")
        # The year, on PERIODE AWAL.
        await ketik(pilot, "#awal", "01/01/1999")
        await ketik(pilot, "#akhir", "31/12/1999")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        terlihat(app, "tahun harus antara 2000 dan 2100")
        assert app.screen.focused is app.screen.query_one("#awal")
        # The buttons stay in sight too.
        terlihat(app, "OK")
        await pilot.press("escape")
        await tunggu(pilot)
        # An overlapping period: refused by the server without a field, still seen at once.
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await tambah_skp(pilot, "01/06/2023", "31/12/2023")
        assert isinstance(app.screen, TambahSkpScreen)
        terlihat(app, "bertumpang tindih dengan SKP lain Anda")


async def test_menyimpan_rhk_kosong_menampilkan_penolakannya_di_dialog(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await tambah_rhk(pilot, "")
        assert isinstance(app.screen, TambahRhkScreen)
        terlihat(app, "RENCANA HASIL KERJA wajib diisi.")
        assert app.screen.focused is app.screen.query_one("#teks")
        await isi_teks(pilot, "#teks", "x" * 3000)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        assert app.screen.focused is app.screen.query_one("#teks")
        terlihat(app, "RENCANA HASIL KERJA")
        assert app.screen.query_one("#pesan").render().plain.strip()


async def test_mengubah_isian_menghapus_pesan_penolakan_yang_lama(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        app.action_ubah_password()
        await tunggu(pilot)
        assert isinstance(app.screen, UbahPasswordScreen)
        await ketik(pilot, "#lama", data.PASSWORD)
        await ketik(pilot, "#baru", "password-baru-1")
        await ketik(pilot, "#ulang", "password-baru-2")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        terlihat(app, "Ulangan password baru tidak sama.")
        assert app.screen.focused is app.screen.query_one("#ulang")
        await pilot.press("backspace")
        await tunggu(pilot)
        assert "Ulangan password baru tidak sama." not in layar(app)


async def test_tab_setelah_mencentang_skp_plt_pindah_ke_pilihan_unor_plt(buka_aplikasi):
    async with buka_aplikasi(data.NUR_PURWATI) as (app, pilot):
        await buka_daftar_skp(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        plt = app.screen.query_one("#plt", Checkbox)
        plt.focus()
        await pilot.press("space")
        await tunggu(pilot)
        assert plt.value
        # The focus stays on the box ticked: the next Tab is UNOR PLT/PLH, as on the web form.
        assert app.screen.focused is plt
        await pilot.press("tab")
        assert app.screen.focused is app.screen.query_one("#unor-plt")


@pytest.mark.parametrize("pilihan", ["radio", "centang"])
async def test_pilihan_terbaca_tanpa_warna(buka_aplikasi, pilihan):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        if pilihan == "radio":
            assert app.screen.query_one("#kuantitatif", RadioButton).value
            kuantitatif = app.screen.query_one("#kuantitatif", RadioButton).render_line(0).text
            kualitatif = app.screen.query_one("#kualitatif", RadioButton).render_line(0).text
            assert kuantitatif.replace("Kuantitatif", "") != kualitatif.replace("Kualitatif", "")
        else:
            plt = app.screen.query_one("#plt", Checkbox)
            mati = plt.render_line(0).text
            plt.value = True
            await tunggu(pilot)
            assert plt.render_line(0).text != mati


async def test_enter_setelah_mencari_unit_memilih_yang_pertama(buka_aplikasi):
    from tests.tui.test_plt_plh import buka_tambah
    from tui.widgets.pilih_unor import PilihUnor

    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_tambah(pilot)
        await ketik(pilot, ".cari-unor", "seksi pelayanan")
        await pilot.press("enter")  # before the search typed has answered, too
        await tunggu(pilot)
        assert app.screen.query_one(PilihUnor).terpilih == data.PELAYANAN
        assert "Dipilih: SEKSI PELAYANAN" in " ".join(layar(app).split())


async def test_ekspektasi_panjang_tampil_utuh_setelah_disimpan(buka_aplikasi, client):
    from textual.widgets import OptionList

    from tests.tui.skp import isi_teks
    from tests.tui.test_skp_bawahan import buka_detail_bawahan, buka_skp_bawahan, skp_sutikno

    await skp_sutikno(client, disetujui=False)
    # Wraps to a third line at 80 columns only once the list's scrollbar takes its two columns.
    ekspektasi = (
        "Laporan bulanan kepegawaian disampaikan tepat waktu setiap tanggal lima dengan data "
        "yang akurat kata kata kata PENUTUP"
    )
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        await buka_detail_bawahan(pilot)
        await pilot.press("3")
        daftar = app.screen.query_one("#daftar-perilaku", OptionList)
        daftar.highlighted = 0
        await pilot.press("e")
        await isi_teks(pilot, "#ekspektasi", ekspektasi)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        daftar = app.screen.query_one("#daftar-perilaku", OptionList)
        daftar.focus()
        daftar.scroll_home(animate=False)
        await pilot.pause()
        teks = " ".join(layar(app).split())
        # Wrapped whole: the row kept its last line.
        assert "kata kata kata" in teks and "PENUTUP" in teks, layar(app)


async def test_daftar_mulai_di_baris_pertama_yang_dapat_dipilih(buka_aplikasi, client):
    from textual.widgets import DataTable

    from tests.tui.test_skp_bawahan import buka_detail_bawahan, buka_skp_bawahan, skp_sutikno

    await skp_sutikno(client, disetujui=False)
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        await buka_detail_bawahan(pilot)
        await pilot.press("2")
        await tunggu(pilot)
        table = app.screen.query_one("#tabel-rhk", DataTable)
        assert str(table.get_row_at(0)[1]) == "Utama"
        # Not on the header "Utama": on the first RHK under it.
        assert table.cursor_row == 1
        assert str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value).startswith("skp/")


def kata_di_layar(app) -> set[str]:
    return set(layar(app).replace("│", " ").split())


async def test_kolom_tidak_terpotong_di_tengah_kata(buka_aplikasi, client):
    from tests.tui.test_skp_bawahan import buka_skp_bawahan, skp_sutikno

    await skp_sutikno(client, disetujui=False)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await pilot.press("3")  # Satu Unit: ENDANG's jabatan wraps in its column
        await tunggu(pilot)
        kata = kata_di_layar(app)
        assert {"Kepala", "BIDANG", "PEMBINAAN,", "KESEJAHTERAAN"} <= kata, layar(app)
    async with buka_aplikasi() as (app, pilot):
        await buka_skp_bawahan(pilot)
        kata = kata_di_layar(app)
        assert {"SUTIKNO", "PENGADMINISTRASI", "KEPEGAWAIAN", "Des", "2023"} <= kata, layar(app)


async def test_edit_lampiran_menampilkan_penolakan_dan_memfokus_isiannya(buka_aplikasi):
    from tui.widgets.skp.edit_lampiran import EditLampiranScreen

    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await pilot.press("4")
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EditLampiranScreen)
        # Too many items: the server names lampiran.dukungan_sumber_daya.
        await isi_teks(pilot, "#isi-lampiran", "\n".join(f"butir {i}" for i in range(31)))
        app.screen.query_one("#simpan").focus()
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, EditLampiranScreen)
        terlihat(app, "maksimal 30 butir")
        terlihat(app, "Simpan")
        assert app.screen.focused is app.screen.query_one("#isi-lampiran")
        # One item too long: the server names lampiran.dukungan_sumber_daya[1], the same text area.
        await isi_teks(pilot, "#isi-lampiran", "anggaran\n" + "x" * 501)
        assert not app.screen.query_one("#pesan").render().plain.strip()  # the old refusal went on change
        app.screen.query_one("#simpan").focus()
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        terlihat(app, "maksimal 500 karakter")
        assert app.screen.focused is app.screen.query_one("#isi-lampiran")
        # Unchanged: closes saying so, nothing sent.
        await isi_teks(pilot, "#isi-lampiran", "")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert not isinstance(app.screen, EditLampiranScreen)
        assert "Tidak ada perubahan." in pemberitahuan(app)


async def test_isian_teks_menampilkan_penolakan_dan_memfokus_isiannya(buka_aplikasi, client):
    from tests.tui.penilaian import RHK, buka_penilaian, pilih, skp_disetujui
    from tui.dialog.isian_teks import IsianTeksScreen
    from tui.screens.rencana_aksi import RencanaAksiScreen

    await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        pilih(pilot, "#tabel-periode", "Akhir Tahun")  # an open period
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)
        pilih(pilot, "#tabel-aksi", RHK, kolom=1)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, IsianTeksScreen)
        # Empty: refused by the form itself.
        app.screen.query_one("#simpan").focus()
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        terlihat(app, "RENCANA AKSI wajib diisi.")
        assert app.screen.focused is app.screen.query_one("#teks")
        # Too long: refused by the server naming rencana_aksi.teks, shown under the long text at 80x24.
        await isi_teks(pilot, "#teks", "kata " * 420)
        assert "wajib diisi" not in dalam_dialog(app)
        app.screen.query_one("#simpan").focus()
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, IsianTeksScreen)
        terlihat(app, "maksimal 2000 karakter")
        terlihat(app, "OK")
        assert app.screen.focused is app.screen.query_one("#teks")
        await isi_teks(pilot, "#teks", "dokumen diserahkan")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)
        assert "- dokumen diserahkan" in kolom(app, "#tabel-aksi", "Rencana Hasil Kerja / Rencana Aksi")
