"""Under the SSH gateway (`ekinerja tui --folder-sesi`), Cetak's SIMPAN KE
writes into the session's folder only: before, it took any path and
overwrote authorized_keys, a database copy and the gateway's host key."""

import email
import os
import stat
from email import policy

import pytest
from ekinerja.penilaian.v1 import penilaian_pb2

from tests import data
from tests.api.penilaian.bantu import skp_disetujui
from tests.tui.pilot import UKURAN, aplikasi, isi, ketik, masuk, pemberitahuan, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail
from tui.app import EkinerjaApp
from tui.berkas import baca_tujuan, simpan
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.ekspor_xlsx import EksporXlsxScreen


async def _cetak(pilot, simpan_ke: str) -> None:
    await ketik(pilot, "#simpan-ke", simpan_ke)
    await pilot.press("ctrl+s")
    await tunggu(pilot)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_cetak_lewat_ssh_hanya_ke_folder_sesi(address, client, server, settings, tmp_path):
    sesi = tmp_path / "ssh-berkas" / "sesi-uji"
    sesi.mkdir(parents=True, mode=0o700)
    luar = tmp_path / "kunci_host"  # stands for the host key, authorized_keys, a database copy
    luar.write_bytes(b"RAHASIA")
    (sesi / "jebakan.pdf").symlink_to(luar)
    await skp_disetujui(client)
    app = aplikasi(address, data.SUTIKNO, folder_sesi=sesi)  # as the SSH gateway starts it
    async with app.run_test(size=UKURAN) as pilot:
        await masuk(pilot, data.SUTIKNO)
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert str(sesi) in isi(app, "#folder-sesi")  # the dialog says where files go
        for jalan in ("../../x.pdf", str(luar), "~/.ssh/authorized_keys", f"{sesi}/../x.pdf", ".bashrc"):
            await _cetak(pilot, jalan)
            assert isinstance(app.screen, CetakDokumenScreen), jalan
            assert "Lewat SSH, berkas hanya disimpan di folder sesi ini" in isi(app, "#pesan"), jalan
        # A name planted as a symlink is never opened: the next free name is used.
        await _cetak(pilot, "jebakan.pdf")
        assert luar.read_bytes() == b"RAHASIA"
        tersimpan = sesi / "jebakan-2.pdf"
        assert tersimpan.read_bytes().startswith(b"%PDF")
        assert stat.S_IMODE(tersimpan.stat().st_mode) == 0o600
        assert f"Tersimpan di {tersimpan}" in pemberitahuan(app)
        # It cannot be downloaded from the gateway: the TUI offers to mail it to the registered address.
        assert isinstance(app.screen, KonfirmasiScreen)
        assert "Kirim ke email terdaftar" in isi(app, ".judul")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        assert "jebakan-2.pdf dikirim ke " in pemberitahuan(app)
    # It went in 32 KiB pieces (the server takes no larger message) and arrived whole.
    await server.context.services["profil.berkas"].menunggu_email()
    (eml,) = settings.outbox_dir.glob("*.eml")
    (lampiran,) = email.message_from_bytes(eml.read_bytes(), policy=policy.default).iter_attachments()
    assert lampiran.get_filename() == "jebakan-2.pdf" and lampiran.get_content() == tersimpan.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "kunci_host", "ssh-berkas"]


def test_folder_sesi_tidak_ditimpa_dan_tidak_lewat_symlink(tmp_path):
    sesi = tmp_path / "sesi"
    sesi.mkdir(mode=0o700)
    tujuan = baca_tujuan("skp.pdf", sesi)
    pertama = simpan(tujuan, "dari-server.pdf", b"1")
    kedua = simpan(tujuan, "dari-server.pdf", b"2")
    assert (pertama.name, kedua.name) == ("skp.pdf", "skp-2.pdf") and pertama.read_bytes() == b"1"
    assert simpan(baca_tujuan("", sesi), "../../.ssh/authorized_keys", b"3") == sesi / "authorized_keys"
    # The session folder itself swapped for a symlink to elsewhere: refused, nothing written there.
    lain = tmp_path / "lain"
    lain.mkdir()
    os.rename(sesi, tmp_path / "sesi-asli")
    sesi.symlink_to(lain)
    with pytest.raises(OSError):
        simpan(baca_tujuan("x.pdf", sesi), "x.pdf", b"4")
    assert not list(lain.iterdir())


async def test_ekspor_xlsx_lewat_ssh_hanya_ke_folder_sesi(tmp_path):
    sesi = tmp_path / "sesi"
    sesi.mkdir(mode=0o700)
    (sesi / "rekap.xlsx").write_bytes(b"lama")
    app = EkinerjaApp("127.0.0.1:1", data.SUTIKNO, folder_sesi=sesi)  # no server needed to save
    app.animation_level = "none"
    async with app.run_test(size=UKURAN) as pilot:
        await pilot.pause()
        app.push_screen(EksporXlsxScreen(penilaian_pb2.BerkasXlsx(nama_berkas="rekap.xlsx", isi=b"PK\x03\x04xl")))
        await pilot.pause()
        assert app.screen.query_one("#tujuan").value == f"{sesi}/rekap.xlsx"
        assert str(sesi) in isi(app, "#folder-sesi")
        for jalan in ("/etc/cron.d/x", "../x.xlsx", "~/x.xlsx"):
            await ketik(pilot, "#tujuan", jalan)
            await pilot.press("enter")
            await tunggu(pilot)
            assert "Lewat SSH, berkas hanya disimpan di folder sesi ini" in isi(app, "#pesan"), jalan
        await ketik(pilot, "#tujuan", "rekap.xlsx")  # exists: kept, the new one beside it
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, KonfirmasiScreen)  # Kirim ke email terdaftar?
        await pilot.press("escape")
    assert (sesi / "rekap.xlsx").read_bytes() == b"lama"
    assert (sesi / "rekap-2.xlsx").read_bytes() == b"PK\x03\x04xl"
    assert stat.S_IMODE((sesi / "rekap-2.xlsx").stat().st_mode) == 0o600
