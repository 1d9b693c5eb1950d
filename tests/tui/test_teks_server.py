"""Text from the server is data, never markup or control codes (security
finding 4): a pegawai put "[@click=app.screenshot(...)]" in his JABATAN and
his atasan's click on the row wrote a file on the gateway host; an ESC in a
name reached the user's terminal (OSC 52 writes the clipboard, OSC 8 hides a
link). The nasty strings go into SUTIKNO's data (the markup through the API,
the control codes straight into the store, as an old import could leave
them); his atasan and the helpdesk open every screen that shows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ekinerja.skp.v1 import skp_pb2
from textual.app import App
from textual.widgets import DataTable

from services.profil.store.models import PegawaiRow
from tests import data
from tests.api.skp.bantu import buat_skp, get, rid, tambah_indikator, tambah_rhk
from tests.tui.helpdesk import buka_pegawai, cari
from tests.tui.pilot import baris_layar, ketik, terkirim, tunggu
from tests.tui.skp import buka_daftar_skp
from tui.app import EkinerjaApp
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.skp_bawahan import SkpBawahanScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

# Control codes that must never reach the terminal: OSC 52 (clipboard), OSC 8
# (a hidden link), a CSI in its C1 form, a BEL, a CR that overwrites the line.
OSC52 = "\x1b]52;c;ZWNobyBqYWhhdA==\x07"
OSC8 = "\x1b]8;;https://jahat.example/\x1b\\"
C1 = "\x9b31m\x85\r"
KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def markup(folder: Path, nama: str) -> str:
    return f"[@click=app.screenshot('{nama}','{folder}')]klik[/] [b]TEBAL[/b] [link=https://jahat.example/]x[/link]"


def layar(app: App[object]) -> tuple[str, list[object]]:
    """What the screen shows as text, and every style meta/link in it."""
    strips = baris_layar(app)
    teks = "\n".join(strip.text for strip in strips)
    gaya = [seg.style for strip in strips for seg in strip if seg.style is not None]
    return teks, [(s.meta, s.link) for s in gaya if s.meta or s.link]


def periksa(app: App[object], harus: list[str]) -> None:
    teks, tautan = layar(app)
    for h in harus:
        # Word by word: a Nama or Jabatan column wraps between words (tui/widgets/tabel.py).
        assert all(k in teks for k in h.split()), f"{h!r} not literally on screen:\n{teks}"
    assert not KENDALI.search(teks), repr(KENDALI.findall(teks))
    assert not [t for t in tautan if "@click" in str(t[0]) or (t[1] and "jahat" in t[1])], tautan


async def data_beracun(server, client, folder: Path) -> dict[str, str]:
    """SUTIKNO's nama and jabatan with control codes and markup, and an approved SKP whose RHK holds markup."""
    jabatan = markup(folder, "authorized_keys") + OSC52 + " PENGADMINISTRASI" + C1
    nama = "SUTIKNO" + OSC8 + " [red]MERAH[/red]"
    async with server.context.databases["profil"].transaction() as s:
        row = await s.get(PegawaiRow, data.SUTIKNO)
        row.jabatan, row.nama = jabatan, nama
    rhk_teks = markup(folder, "rhk.svg") + " Terlaksananya penomoran"
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp, rhk_teks)
    await tambah_indikator(client, md, rhk, teks="[@click=app.simulate_key('q')]indikator[/]")
    skp = await get(client, md, skp)
    await client.skp.AjukanSkp(skp_pb2.AjukanSkpRequest(request_id=rid(), name=skp.name, etag=skp.etag), metadata=md)
    # What the screen must show, literally: the markup as typed, the control codes gone.
    # (what follows an ESC is plain text without it: "]8;;https://...").
    return {
        "jabatan": "[@click=app.screenshot(",
        "nama": "SUTIKNO]8;;https://jahat.example/\\ [red]MERAH[/red]",
        "rhk": "[@click=app.screenshot(",
    }


def tanpa_aksi(app: EkinerjaApp, aksi: list[str]) -> None:
    """Records every run of the two dangerous actions' methods (a click on a link
    runs its action: the app's refusal must come before the method)."""

    def catat(nama: str):  # noqa: ANN202
        async def aksi_dijalankan(*args: object) -> None:
            aksi.append(nama)

        return aksi_dijalankan

    app.action_screenshot = catat("screenshot")  # type: ignore[method-assign]
    app.action_simulate_key = catat("simulate_key")  # type: ignore[method-assign]


async def klik(pilot, teks: str) -> None:
    """Clicks where `teks` is on screen, and on every link there is (the old
    code turned the markup into one: a click on it ran the action); then back
    to the screen it started from (a click on a row may open it)."""
    app = pilot.app
    layar_awal = app.screen
    strips = baris_layar(app)
    titik = []
    for y, strip in enumerate(strips):
        x = 0
        for seg in strip:
            if seg.style is not None and "@click" in str(seg.style.meta):
                titik.append((x, y))
            x += seg.cell_length
        if (x := strip.text.find(teks)) >= 0:
            titik.append((x + 1, y))
    assert titik
    for x, y in titik:
        await pilot.click(offset=(x, y))
        await tunggu(pilot)
        while layar_awal in app.screen_stack and app.screen is not layar_awal:
            app.pop_screen()
            await tunggu(pilot)


async def test_atasan_melihat_data_beracun_sebagai_teks(server, buka_aplikasi, client, tmp_path):
    ssh = tmp_path / "ssh"  # where the screenshot would have been written
    ssh.mkdir()
    harus = await data_beracun(server, client, ssh)
    aksi: list[str] = []
    async with buka_aplikasi(data.ENDANG, ukuran=(160, 40)) as (app, pilot):
        tanpa_aksi(app, aksi)
        # Profil > List Pegawai Bawahan, the attacker's row.
        await pilot.press("4")
        await tunggu(pilot)
        periksa(app, [harus["nama"], harus["jabatan"]])
        await klik(pilot, harus["jabatan"])
        # SKP Bawahan, then his SKP.
        await buka_daftar_skp(pilot)
        await pilot.press("b")
        await tunggu(pilot)
        assert isinstance(app.screen, SkpBawahanScreen)
        await ketik(pilot, "#tahun", "2023")  # buat_skp's
        await pilot.press("enter")
        await tunggu(pilot)
        periksa(app, [harus["nama"]])
        await klik(pilot, harus["nama"])
        app.screen.query_one("#tabel-skp-bawahan", DataTable).focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        periksa(app, [harus["rhk"]])
        await klik(pilot, harus["rhk"])
    assert not [a for a in aksi if a in ("screenshot", "simulate_key")], aksi
    assert list(ssh.iterdir()) == []


async def test_helpdesk_melihat_data_beracun_sebagai_teks(server, buka_aplikasi, client, tmp_path):
    ssh = tmp_path / "ssh"  # where the screenshot would have been written
    ssh.mkdir()
    harus = await data_beracun(server, client, ssh)
    aksi: list[str] = []
    async with buka_aplikasi("helpdesk.bkpsdm", ukuran=(160, 40)) as (app, pilot):
        tanpa_aksi(app, aksi)
        await cari(pilot, "sutikno")
        periksa(app, [harus["nama"], harus["jabatan"]])
        await klik(pilot, harus["jabatan"])
        await buka_pegawai(pilot, "sutikno")
        periksa(app, [harus["nama"]])
    assert not [a for a in aksi if a in ("screenshot", "simulate_key")], aksi
    assert list(ssh.iterdir()) == []


async def test_aksi_berargumen_ditolak(buka_aplikasi, tmp_path):
    """Even asked for by name, the app writes no screenshot and types no key."""
    ssh = tmp_path / "ssh"
    ssh.mkdir()
    async with buka_aplikasi() as (app, pilot):
        await app.run_action(f"app.screenshot('authorized_keys', '{ssh}')")
        await app.run_action("app.simulate_key('q')")
        await app.run_action("app.notify('[@click=app.bell()]palsu[/]')")
        await app.run_action("screen.dismiss(True)")
        await tunggu(pilot)
        assert app.is_running and not terkirim(app)
    assert list(ssh.iterdir()) == []


async def test_penilai_melihat_penilaian_beracun_sebagai_teks(server, buka_aplikasi, client, tmp_path):
    """Penilaian: Pilih Bawahan, Penilaian Bawahan (realisasi and feedback) and the Rekap."""
    from ekinerja.penilaian.v1 import penilaian_pb2

    from tests.tui.penilaian import buka_penilaian, pilih, skp_disetujui
    from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
    from tui.screens.rekap_penilaian import RekapPenilaianScreen
    from tui.widgets.penilaian.pilih_bawahan import PilihBawahanScreen

    ssh = tmp_path / "ssh"
    ssh.mkdir()
    harus = await data_beracun(server, client, ssh)
    await skp_disetujui(client, data.ENDANG, penilai=data.KEPALA_BKPSDM)
    sutikno = await skp_disetujui(client, data.SUTIKNO)
    realisasi = "12 bulan " + markup(ssh, "realisasi")  # a number first: the indikator is Kuantitatif
    await client.penilaian.UpdateRealisasi(
        penilaian_pb2.UpdateRealisasiRequest(
            request_id=rid(),
            parent=f"penilaian/{sutikno.id}/periode/akhir",
            realisasi=penilaian_pb2.Realisasi(
                indikator=sutikno.rhk[0].indikator[0].name, realisasi=realisasi, sumber_data="arsip"
            ),
        ),
        metadata=await client.login(nip=data.SUTIKNO),
    )
    await client.penilaian.CreateFeedback(
        penilaian_pb2.CreateFeedbackRequest(
            request_id=rid(),
            parent=f"penilaian/{sutikno.id}/periode/akhir",
            feedback=penilaian_pb2.Feedback(
                tentang=sutikno.rhk[0].name, teks="[@click=app.simulate_key('q')]umpan[/] balik"
            ),
        ),
        metadata=await client.login(nip=data.ENDANG),
    )
    aksi: list[str] = []
    async with buka_aplikasi(data.ENDANG, ukuran=(160, 40)) as (app, pilot):
        tanpa_aksi(app, aksi)
        await buka_penilaian(pilot)
        await pilot.press("2")
        await tunggu(pilot)
        pilih(pilot, "#tabel-pemantauan", "Penilaian Akhir Tahun")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PilihBawahanScreen)
        periksa(app, [harus["nama"]])  # (a click on a row here picks it)
        pilih(pilot, "#tabel-pilih-bawahan", "SUTIKNO")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        periksa(app, [harus["nama"], "[@click=app.simulate_key('q')]umpan[/] balik", "[@click=app.screenshot("])
        await klik(pilot, "[@click=app.screenshot(")
        await pilot.press("escape")
        await tunggu(pilot)
        await pilot.press("k")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)
        periksa(app, [harus["nama"], harus["jabatan"]])
        await klik(pilot, harus["jabatan"])
        assert app.is_running
    assert not [a for a in aksi if a in ("screenshot", "simulate_key")], aksi
    assert list(ssh.iterdir()) == []
