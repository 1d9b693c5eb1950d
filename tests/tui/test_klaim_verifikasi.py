"""Klaim Pimpinan that waits (docs/domain.md#klaim-pimpinan) at 80x24: a pegawai
who set the unit's head title himself claims it and is told it waits; admin
instansi sees it on the Dashboard and approves or refuses it with a reason;
the pegawai reads the refusal on his Klaim tab."""

import pytest
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from textual.widgets import RadioButton

from tests import data
from tests.tui.pilot import baris, isi, ketik, pemberitahuan, tunggu
from tui.screens.dashboard import DashboardScreen
from tui.screens.putuskan_verifikasi import PutuskanKlaimScreen
from tui.screens.utama import UtamaScreen
from tui.widgets.dashboard.verifikasi import KlaimMenunggu

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def klaim_sendiri(pilot) -> None:
    await pilot.press("5")
    pilot.app.screen.query_one("#tombol-klaim").focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("enter")  # "Klaim" in the confirmation
    await tunggu(pilot)


async def sri_menjadi_sekretaris(client) -> None:
    sri = await client.login(nip=data.STAF_SEKRETARIAT)
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=f"pegawai/{data.STAF_SEKRETARIAT}", jabatan="Sekretaris BKPSDM"),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=sri,
    )


async def admin_memutus(buka_aplikasi, setujui: bool, alasan: str) -> None:
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        await pilot.press("d")
        await tunggu(pilot)
        assert isinstance(app.screen, DashboardScreen)
        panel = app.screen.query_one(KlaimMenunggu)
        assert baris(panel.tabel) == [["SRI WAHYUNI", "Sekretaris BKPSDM", "SEKRETARIAT BKPSDM"]]
        assert "1 klaim menunggu verifikasi" in isi(app, "KlaimMenunggu .keterangan-panel")
        panel.tabel.focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PutuskanKlaimScreen)
        assert "Edit Profil" in isi(app, ".petunjuk")
        if not setujui:
            app.screen.query_one("#tolak", RadioButton).value = True
        await ketik(pilot, "#alasan", alasan)
        await pilot.press("enter")  # ALASAN submitted: the confirmation
        await tunggu(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert ("disetujui" if setujui else "ditolak") in pemberitahuan(app)
        assert "Tidak ada klaim pimpinan yang menunggu" in isi(app, "KlaimMenunggu .keterangan-panel")


async def test_klaim_menunggu_lalu_disetujui_admin(buka_aplikasi, client):
    await sri_menjadi_sekretaris(client)
    async with buka_aplikasi(data.STAF_SEKRETARIAT) as (app, pilot):
        await klaim_sendiri(pilot)
        assert isinstance(app.screen, UtamaScreen)
        assert "menunggu verifikasi" in pemberitahuan(app)
        assert "menunggu verifikasi admin instansi/helpdesk" in isi(app, "#status-klaim")
        assert "Anda berstatus sebagai Pegawai" in isi(app, "#isi-klaim")
    await admin_memutus(buka_aplikasi, True, "SK Kepala BKPSDM 821/9/2026")
    async with buka_aplikasi(data.STAF_SEKRETARIAT) as (app, pilot):
        await pilot.press("5")
        await tunggu(pilot)
        assert "Anda berstatus sebagai Pimpinan" in isi(app, "#isi-klaim")


async def test_klaim_ditolak_admin_dengan_alasan_dibaca_pegawai(buka_aplikasi, client):
    await sri_menjadi_sekretaris(client)
    async with buka_aplikasi(data.STAF_SEKRETARIAT) as (app, pilot):
        await klaim_sendiri(pilot)
    await admin_memutus(buka_aplikasi, False, "Belum ada SK pengangkatan Sekretaris")
    async with buka_aplikasi(data.STAF_SEKRETARIAT) as (app, pilot):
        await pilot.press("5")
        await tunggu(pilot)
        status = isi(app, "#status-klaim")
        assert "ditolak oleh admin.madiun" in status and "Belum ada SK pengangkatan Sekretaris" in status
