"""The Cetak dialog on the shared form (tui/dialog/form_aksi.py): a refusal
naming several fields marks each and focuses the first; a print whose file
could not be saved is fetched again with the same request_id, so it is not
printed twice; Pratinjau is a button beside Cetak."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tests import data
from tests.api.penilaian.bantu import skp_disetujui
from tests.tui.penilaian import buka_penilaian, pilih
from tests.tui.pilot import UKURAN, aplikasi, isi, ketik, kolom, masuk, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail
from tui.dialog.form_aksi import FormAksiScreen
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.pratinjau_dokumen import PratinjauDokumenScreen
from tui.screens.riwayat_cetak import RiwayatCetakScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_dua_tanggal_salah_keduanya_ditandai_yang_pertama_difokus(address, client):
    await skp_disetujui(client)
    app = aplikasi(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await buka_penilaian(pilot)
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isinstance(app.screen, FormAksiScreen)
        app.screen.query_one("#jenis-3").value = True  # Dokumen Evaluasi Kinerja: a date per signer
        await tunggu(pilot)
        tanggal = [w for w in app.screen.query(Input) if str(w.id).startswith("isian-tanggal")]
        assert len(tanggal) == 2, [w.id for w in tanggal]
        await ketik(pilot, f"#{tanggal[0].id}", "31/02/2027")
        await ketik(pilot, f"#{tanggal[1].id}", "kemarin")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        pesan = isi(app, "#pesan")
        assert "'31/02/2027' bukan tanggal yang benar" in pesan and "'kemarin'" in pesan, pesan
        assert all(w.has_class("salah") for w in tanggal)
        assert app.screen.focused is tanggal[0]
        # Correcting one: the message and the marks go, as in every form.
        await ketik(pilot, f"#{tanggal[1].id}", "05/09/2027")
        assert isi(app, "#pesan") == ""
        assert not any(w.has_class("salah") for w in tanggal)


async def test_gagal_disimpan_lalu_cetak_lagi_mengambil_dokumen_yang_sama(address, client, tmp_path):
    await skp_disetujui(client)
    bukan_folder = tmp_path / "berkas"
    bukan_folder.write_text("sebuah berkas, bukan folder")
    app = aplikasi(address)
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)

        # Pratinjau, the button beside Cetak.
        await pilot.click("#pratinjau")
        await tunggu(pilot)
        assert isinstance(app.screen, PratinjauDokumenScreen)
        assert "SASARAN KINERJA PEGAWAI" in app.screen.query_one("#isi-pratinjau", TextArea).text
        await pilot.press("escape")
        assert isinstance(app.screen, CetakDokumenScreen)

        # Printed, but SIMPAN KE is under a file: not saved, said on SIMPAN KE.
        await ketik(pilot, "#simpan-ke", str(bukan_folder / "cetak"))
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert "Dokumen sudah dicetak tetapi gagal disimpan" in isi(app, "#pesan")
        assert app.screen.focused is app.screen.query_one("#simpan-ke")
        assert app.screen.query_one("#simpan-ke").has_class("salah")
        assert not app.screen.query_one("#simpan").disabled

        # Again into a folder that can be written: the same print, fetched again.
        await ketik(pilot, "#simpan-ke", str(tmp_path / "cetak"))
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        assert len(list((tmp_path / "cetak").glob("*.pdf"))) == 1
        await pilot.press("p")
        await tunggu(pilot)
        assert isinstance(app.screen, RiwayatCetakScreen)
        assert kolom(app, "#tabel-riwayat-cetak", "Dokumen") == ["Rencana SKP"]  # printed once
