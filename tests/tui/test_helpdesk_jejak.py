"""Jejak Audit: the four services' records merged newest first, filtered,
one record in full; from the helpdesk console (for the whole instansi, or
for the pegawai open) and from admin instansi's Capaian & Batas page."""

import pytest
from ekinerja.profil.v1 import auth_pb2
from ekinerja.skp.v1 import skp_pb2
from textual.widgets import DataTable

from tests import data
from tests.api.skp.bantu import rid, skp_siap
from tests.tui.helpdesk import HELPDESK, beri_alasan, masuk_ke_pegawai, tampak
from tests.tui.pilot import UKURAN, isi, ketik, kolom, tunggu
from tui.screens.capaian_organisasi import CapaianOrganisasiScreen
from tui.screens.detail_jejak import DetailJejakScreen
from tui.screens.edit_status import EditStatusScreen
from tui.screens.jejak_audit import JejakAuditScreen
from tui.screens.konsol_helpdesk import KonsolHelpdeskScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def kode_reset(client, nip: str, alasan: str) -> None:
    """A change by helpdesk through the API: a reset code for `nip`."""
    md = await client.login(username=HELPDESK)
    await client.auth.KirimKodeReset(
        auth_pb2.KirimKodeResetRequest(request_id=rid(), nip=nip, alasan=alasan), metadata=md
    )


async def test_perubahan_dari_konsol_tercatat_dengan_alasannya(buka_aplikasi, client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    await client.skp.AjukanSkp(skp_pb2.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md)
    await kode_reset(client, data.ENDANG, "Bukan untuk SUTIKNO")
    async with buka_aplikasi() as (app, pilot):
        await masuk_ke_pegawai(pilot, data.SUTIKNO)
        await pilot.press("2")
        await tunggu(pilot)
        await pilot.press("u")
        await tunggu(pilot)
        assert isinstance(app.screen, EditStatusScreen)
        app.screen.query_one(f"#status-{skp_pb2.STATUS_SKP_DRAFT}").value = True
        await beri_alasan(pilot, "Tiket 88: ajukan ulang")

        # The pegawai's own jejak: filtered by their NIP, the change on top with its reason.
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, JejakAuditScreen)
        assert app.screen.query_one("#saring-atas-nama").value == data.SUTIKNO
        assert "atas nama SUTIKNO" in isi(app, ".judul")
        assert kolom(app, "#tabel-jejak", "Metode")[0] == "UbahStatusSkp"
        assert kolom(app, "#tabel-jejak", "Alasan")[0] == "Tiket 88: ajukan ulang"
        assert kolom(app, "#tabel-jejak", "Layanan")[0] == "skp"
        assert set(kolom(app, "#tabel-jejak", "Atas Nama")) == {data.SUTIKNO}  # ENDANG's reset code is not here
        # Newest first across services: SUTIKNO's own SKP changes (skp) come after.
        metode = kolom(app, "#tabel-jejak", "Metode")
        assert metode.index("AjukanSkp") > 0 and metode.index("CreateSkp") > metode.index("AjukanSkp")
        rincian = isi(app, "#rincian-jejak")
        assert f"OLEH HELPDESK.BKPSDM ({HELPDESK}), atas nama {data.SUTIKNO}" in rincian
        assert f"SASARAN {skp.name} (skp)" in rincian
        # What the columns cut off at 80 columns is below, and in full with Enter.
        tampak(app.screen.query_one("#rincian-jejak"))
        await pilot.press("enter")
        assert isinstance(app.screen, DetailJejakScreen)
        detail = isi(app, "#isi-jejak")
        assert "METODE UbahStatusSkp" in detail and "ALASAN Tiket 88: ajukan ulang" in detail
        assert "PERAN AKTOR helpdesk" in detail
        assert "SEBELUM" in detail and "SESUDAH" in detail and "PENGAJUAN" in detail and "DRAFT" in detail
        assert isi(app, "#isi-jejak").split("REQUEST ID ")[1].split()[0] not in ("", "-")
        await pilot.press("escape")

        # Filters: a NIP the server refuses, on its field; by metode; a wrong date is refused on its field.
        await ketik(pilot, "#saring-atas-nama", data.SUTIKNO[:8])
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#judul-jejak").startswith("Jejak audit gagal dimuat: ATAS NAMA:"), isi(app, "#judul-jejak")
        assert app.focused.id == "saring-atas-nama" and app.focused.has_class("salah")
        await ketik(pilot, "#saring-atas-nama", data.SUTIKNO)
        await ketik(pilot, "#saring-metode", "AjukanSkp")
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-jejak", "Metode") == ["AjukanSkp"]
        assert kolom(app, "#tabel-jejak", "Aktor") == ["SUTIKNO"]
        await ketik(pilot, "#saring-sejak", "31/02/2026")
        await pilot.press("enter")
        assert "SEJAK '31/02/2026' bukan tanggal yang benar" in isi(app, "#judul-jejak")
        assert app.focused.id == "saring-sejak" and app.focused.has_class("salah")
        await ketik(pilot, "#saring-sejak", "01/01/2000")
        await ketik(pilot, "#saring-sampai", "31/12/2000")
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-jejak", "Metode") == []
        assert "Tidak ada catatan" in isi(app, "#judul-jejak")

        # From the console: the whole instansi, ENDANG's reset code included.
        await pilot.press("escape", "escape")
        await tunggu(pilot)
        assert isinstance(app.screen, KonsolHelpdeskScreen)
        app.screen.query_one(DataTable).focus()
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, JejakAuditScreen)
        assert app.screen.query_one("#saring-atas-nama").value == ""
        baris = list(zip(kolom(app, "#tabel-jejak", "Metode"), kolom(app, "#tabel-jejak", "Alasan"), strict=True))
        assert ("KirimKodeReset", "Bukan untuk SUTIKNO") in baris
        assert baris[0] == ("UbahStatusSkp", "Tiket 88: ajukan ulang")


async def test_admin_instansi_membuka_jejak_audit(buka_aplikasi, client):
    await kode_reset(client, data.WIDANANG, "Lupa password")
    async with buka_aplikasi("admin.madiun") as (app, pilot):
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, JejakAuditScreen)
        assert kolom(app, "#tabel-jejak", "Alasan")[0] == "Lupa password"
        assert kolom(app, "#tabel-jejak", "Atas Nama")[0] == data.WIDANANG
        # Waktu, metode and alasan are read without scrolling sideways.
        table = app.screen.query_one(DataTable)
        lebar = sum(c.get_render_width(table) for c in list(table.columns.values())[:3])
        assert lebar <= UKURAN[0] - 2
        await pilot.press("escape")
        assert isinstance(app.screen, CapaianOrganisasiScreen)
        # And from the command palette.
        await pilot.press("ctrl+p", *"jejak")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, JejakAuditScreen)
