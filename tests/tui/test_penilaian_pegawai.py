"""Penilaian SKP as the pegawai (docs/domain.md#pelaksanaan-kinerja): Rencana Aksi, Bukti Dukung
and Realisasi of an open period, and a closed period that says until when
it could be filled."""

import pytest
from ekinerja.penilaian.v1 import penilaian_pb2
from textual.widgets import DataTable, TextArea

from tests import data
from tests.api.skp.bantu import rid
from tests.tui.penilaian import INDIKATOR, RHK, TAHUN, buka_penilaian, pilih, skp_disetujui
from tests.tui.pilot import isi, ketik, kolom, pemberitahuan, terkirim, tunggu
from tests.tui.skp import buka_daftar_skp, tambah_skp
from tui.dialog.isian_teks import IsianTeksScreen
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.pengisian_bukti_dukung import PengisianBuktiDukungScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.screens.rencana_aksi import RencanaAksiScreen
from tui.widgets.penilaian.edit_realisasi import EditRealisasiScreen
from tui.widgets.penilaian.tambah_bukti_dukung import TambahBuktiDukungScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

AKSI = "dokumen fisik atas layanan ASN telah diserahkan ke ASN melalui pengelola kepegawaian OPD"
TAUTAN = "https://drive.google.com/drive/folders/1J83Kbnvug"


async def test_pegawai_mengisi_rencana_aksi_bukti_dukung_dan_realisasi_akhir_tahun(buka_aplikasi, client):
    skp = await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        kepala = isi(app, "#kepala-penilaian")
        assert f"SKP Tahun {TAHUN}" in kepala
        assert "Unit Kerja BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI" in kepala
        assert "Unit Kerja Induk BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA" in kepala
        assert kolom(app, "#tabel-periode", "Periode") == [
            "TRIWULAN I",
            "TRIWULAN II",
            "TRIWULAN III",
            "TRIWULAN IV",
            "Akhir Tahun",
        ]
        assert kolom(app, "#tabel-periode", "Batas")[-1] == f"07/05/{TAHUN + 1}"
        assert kolom(app, "#tabel-periode", "Status")[-1] == "Terbuka"
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.pause()
        assert f"Penilaian Akhir Tahun: 1 Januari {TAHUN} - 31 Desember {TAHUN}" in isi(app, "#rincian-periode")
        await pilot.press("c")  # Cetak of the period (tests/tui/test_cetak.py): the dialog, closed again
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PenilaianSkpScreen)

        # Rencana Aksi: Tambah on the RHK.
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)
        assert "belum ada rencana aksi" in " ".join(kolom(app, "#tabel-aksi", "Rencana Hasil Kerja / Rencana Aksi"))
        pilih(pilot, "#tabel-aksi", RHK, kolom=1)
        await pilot.press("t")
        assert isinstance(app.screen, IsianTeksScreen)
        app.screen.query_one("#teks", TextArea).text = AKSI
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)
        assert f"- {AKSI}" in kolom(app, "#tabel-aksi", "Rencana Hasil Kerja / Rencana Aksi")
        await pilot.press("escape")
        await tunggu(pilot)

        # Pengisian Bukti Dukung dan Lihat Hasil (Enter on the period).
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PengisianBuktiDukungScreen)
        assert f"Rencana aksi: {AKSI}" in kolom(app, "#tabel-hasil", "Hasil Kerja")
        pilih(pilot, "#tabel-hasil", RHK, kolom=1)
        await pilot.press("t")
        assert isinstance(app.screen, TambahBuktiDukungScreen)
        await ketik(pilot, "#nama-bukti", "Dokumen layanan ASN")
        await ketik(pilot, "#tautan", "drive.google.com/x")
        await pilot.press("enter")
        await tunggu(pilot)
        # Not a link: refused, on the field.
        assert isinstance(app.screen, TambahBuktiDukungScreen)
        assert isi(app, "#pesan").startswith("BUKTI DUKUNG (LINK)"), isi(app, "#pesan")
        assert app.focused.id == "tautan"
        await ketik(pilot, "#tautan", TAUTAN)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PengisianBuktiDukungScreen)
        assert "Bukti dukung: Dokumen layanan ASN" in kolom(app, "#tabel-hasil", "Hasil Kerja")
        pilih(pilot, "#tabel-hasil", "Bukti dukung", kolom=1)
        await pilot.pause()
        assert TAUTAN in isi(app, "#rincian-hasil")

        # Realisasi on the indikator row.
        pilih(pilot, "#tabel-hasil", f"- {INDIKATOR}", kolom=1)
        assert kolom(app, "#tabel-hasil", "Realisasi")[app.screen.query_one("#tabel-hasil").cursor_row] == "belum diisi"
        await pilot.press("e")
        assert isinstance(app.screen, EditRealisasiScreen)
        await ketik(pilot, "#realisasi", "3 bulan")
        await ketik(pilot, "#sumber-data", "dokumen yang telah diserahkan ASN")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PengisianBuktiDukungScreen)
        assert "3 bulan" in kolom(app, "#tabel-hasil", "Realisasi")
        pilih(pilot, "#tabel-hasil", f"- {INDIKATOR}", kolom=1)
        await pilot.pause()
        assert "SUMBER DATA dokumen yang telah diserahkan ASN" in isi(app, "#rincian-hasil")
        assert "Realisasi disimpan." in pemberitahuan(app)

    md = await client.login(nip=data.SUTIKNO)
    p = await client.penilaian.GetPenilaian(
        penilaian_pb2.GetPenilaianRequest(name=f"penilaian/{skp.id}/periode/akhir"), metadata=md
    )
    assert [a.teks for a in p.rencana_aksi] == [AKSI]
    assert [(b.nama, b.tautan) for b in p.bukti_dukung] == [("Dokumen layanan ASN", TAUTAN)]
    assert [(r.realisasi, r.sumber_data) for r in p.realisasi] == [("3 bulan", "dokumen yang telah diserahkan ASN")]


async def test_triwulan_yang_sudah_lewat_batas_ditutup(buka_aplikasi, client):
    await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        assert kolom(app, "#tabel-periode", "Status")[0] == "Ditutup"
        pilih(pilot, "#tabel-periode", "TRIWULAN I")
        await pilot.press("a")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)
        assert f"batas pengisian 15 Mei {TAHUN} telah lewat" in isi(app, "#kepala-periode")
        pilih(pilot, "#tabel-aksi", RHK, kolom=1)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, RencanaAksiScreen)  # no form to fill in vain
        assert f"TRIWULAN I sudah ditutup: batas pengisian 15 Mei {TAHUN} telah lewat" in pemberitahuan(app)


async def test_penilaian_hanya_untuk_skp_yang_disetujui(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, f"01/01/{TAHUN}", f"31/12/{TAHUN}")
        await pilot.press("n")
        await tunggu(pilot)
        assert not isinstance(app.screen, PenilaianSkpScreen)
        assert "SKP berstatus DRAFT belum dapat dinilai" in pemberitahuan(app)
        terkirim(app).clear()
        # The same from the command palette.
        await pilot.press("ctrl+p", *"penilaian")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await tunggu(pilot)
        assert not isinstance(app.screen, PenilaianSkpScreen)
        assert "SKP berstatus DRAFT belum dapat dinilai" in pemberitahuan(app)


async def test_bukti_dukung_yang_diubah_di_tempat_lain_tidak_ditimpa(buka_aplikasi, client):
    skp = await skp_disetujui(client)
    md = await client.login(nip=data.SUTIKNO)
    parent = f"penilaian/{skp.id}/periode/akhir"
    bukti = await client.penilaian.CreateBuktiDukung(
        penilaian_pb2.CreateBuktiDukungRequest(
            request_id=rid(),
            parent=parent,
            bukti_dukung=penilaian_pb2.BuktiDukung(rhk=skp.rhk[0].name, nama="Dokumen lama", tautan=TAUTAN),
        ),
        metadata=md,
    )
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.press("enter")
        await tunggu(pilot)
        # Meanwhile, in another session, the same pegawai renames it.
        await client.penilaian.UpdateBuktiDukung(
            penilaian_pb2.UpdateBuktiDukungRequest(
                request_id=rid(),
                bukti_dukung=penilaian_pb2.BuktiDukung(
                    name=bukti.name, nama="Dari sesi lain", tautan=TAUTAN, etag=bukti.etag
                ),
            ),
            metadata=md,
        )
        pilih(pilot, "#tabel-hasil", "Bukti dukung: Dokumen lama", kolom=1)
        await pilot.press("e")
        assert isinstance(app.screen, TambahBuktiDukungScreen)
        await ketik(pilot, "#nama-bukti", "Dokumen baru")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, PengisianBuktiDukungScreen)
        assert "Penilaian telah diubah di tempat lain" in pemberitahuan(app)
        assert "Bukti dukung: Dari sesi lain" in kolom(app, "#tabel-hasil", "Hasil Kerja")  # read again
    p = await client.penilaian.GetPenilaian(penilaian_pb2.GetPenilaianRequest(name=parent), metadata=md)
    assert [b.nama for b in p.bukti_dukung] == ["Dari sesi lain"]


async def test_tabel_periode_penilaian_muat_80_kolom_tanpa_geser_samping(buka_aplikasi, client):
    """Seven columns at 80x24: Nilai SKP and Capaian wrap between words instead of
    running past the right edge ("(belum f")."""
    await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        table = app.screen.query_one("#tabel-periode", DataTable)
        await pilot.pause()
        assert table.max_scroll_x == 0
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert " ".join(kolom(app, "#tabel-periode", "Capaian")[-1].split()) == "(belum final)"


async def test_capaian_organisasi_yang_belum_final_tampil_belum_final(buka_aplikasi, client):
    await skp_disetujui(client)
    admin = await client.login(username="admin.madiun")
    akhir = penilaian_pb2.PERIODE_AKHIR_TAHUN
    cap = await client.penilaian.SetCapaianOrganisasi(
        penilaian_pb2.SetCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN, periode=akhir, capaian=penilaian_pb2.CAPAIAN_BAIK
        ),
        metadata=admin,
    )
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        # Set but not final: never shown as if it were the value.
        assert " ".join(kolom(app, "#tabel-periode", "Capaian")[-1].split()) == "(belum final)"
        await client.penilaian.FinalisasiCapaianOrganisasi(
            penilaian_pb2.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN, periode=akhir, etag=cap.etag
            ),
            metadata=admin,
        )
        await pilot.press("escape")
        await tunggu(pilot)
        await pilot.press("n")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianSkpScreen)
        assert kolom(app, "#tabel-periode", "Capaian")[-1] == "BAIK"
