"""TTE and Verifikasi Dokumen from the terminal at 80x24: a pegawai signs his
Rencana SKP through the TTE service with his NIK and passphrase (a wrong
passphrase is shown on its field), then checks the saved PDF in Verifikasi
Dokumen: printed by e-Kinerja, signature valid; a changed copy is not."""

import re

import pytest
from textual.widgets import Input

from tests import data
from tests.api.cetak import bsre_palsu
from tests.api.cetak.test_tte import layanan
from tests.api.cetak.test_verifikasi import tambah_isi_halaman
from tests.api.penilaian.bantu import skp_disetujui
from tests.tui.pilot import UKURAN, aplikasi, isi, ketik, kolom, masuk, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.verifikasi_dokumen import VerifikasiDokumenScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def test_tanda_tangan_tte_lalu_verifikasi_dokumen(settings, tmp_path):
    folder = tmp_path / "cetak"
    async with bsre_palsu.jalankan(tmp_path / "bsre") as palsu, layanan(settings, palsu) as (running, client):
        await skp_disetujui(client)
        app = aplikasi(f"127.0.0.1:{running.port}")
        async with app.run_test(size=UKURAN) as pilot:
            await masuk(pilot, data.SUTIKNO)
            await buka_daftar_skp(pilot)
            await buka_detail(pilot)
            await pilot.press("c")
            await tunggu(pilot)
            assert isinstance(app.screen, CetakDokumenScreen)
            assert not app.screen.query_one("#tte-cetak").display  # asked only when signing
            app.screen.query_one("#ttd-cetak").value = True
            await pilot.pause()
            assert app.screen.query_one("#tte-cetak").display
            assert app.screen.query_one("#tte-passphrase", Input).password
            await ketik(pilot, "#tte-nik", bsre_palsu.NIK)
            await ketik(pilot, "#tte-passphrase", "salah-sekali")
            await ketik(pilot, "#simpan-ke", str(folder))
            await pilot.press("ctrl+s")
            await tunggu(pilot)
            assert "Passphrase anda salah" in isi(app, "#pesan")
            assert app.screen.focused is app.screen.query_one("#tte-passphrase")
            await ketik(pilot, "#tte-passphrase", bsre_palsu.PASSPHRASE)
            await pilot.press("ctrl+s")
            await tunggu(pilot)
            assert isinstance(app.screen, DetailSkpScreen)
            (pdf,) = folder.glob("*.pdf")
            diubah = tmp_path / "diubah.pdf"
            diubah.write_bytes(tambah_isi_halaman(pdf.read_bytes()))

            await pilot.press("escape")  # back to the main screen, whose palette lists it
            await pilot.press("ctrl+p", *"Verifikasi Dokumen")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await tunggu(pilot)
            assert isinstance(app.screen, VerifikasiDokumenScreen)
            await ketik(pilot, "#berkas-verifikasi", str(pdf))
            await pilot.press("ctrl+s")
            await tunggu(pilot)
            assert "persis dokumen yang dicetak" in isi(app, "#kesimpulan-verifikasi")
            assert kolom(app, "#tabel-verifikasi", "Status") == ["SAH"]
            assert re.search(r"SAMA PERSIS\W*ya", isi(app, "#rincian-verifikasi")), isi(app, "#rincian-verifikasi")

            await ketik(pilot, "#berkas-verifikasi", str(diubah))
            await pilot.press("ctrl+s")
            await tunggu(pilot)
            assert "tidak sama" in isi(app, "#kesimpulan-verifikasi")
            assert kolom(app, "#tabel-verifikasi", "Status") == ["TIDAK SAH: diubah sesudahnya"]

            await ketik(pilot, "#berkas-verifikasi", str(tmp_path / "tidak-ada.pdf"))
            await pilot.press("ctrl+s")
            await tunggu(pilot)
            assert "tidak ada" in isi(app, "#pesan")
