"""SKP planning (docs/domain.md#skp) through the real app at 80x24:
the pegawai makes an SKP, fills it and submits it; the atasan approves it."""

import datetime as dt

import pytest
from ekinerja.skp.v1 import skp_pb2
from textual.widgets import Checkbox, Input, RadioButton, Select

from tests import data
from tests.api.skp.bantu import hari
from tests.tui.pilot import baris, isi, ketik, kolom, opsi, pemberitahuan, pilih_opsi, tunggu
from tests.tui.skp import (
    buka_daftar_skp,
    buka_detail,
    isi_teks,
    pilih_baris,
    tambah_indikator,
    tambah_rhk,
    tambah_skp,
)
from tui.dialog.konfirmasi import KonfirmasiScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.skp_bawahan import SkpBawahanScreen
from tui.screens.utama import UtamaScreen
from tui.widgets.skp.edit_lampiran import EditLampiranScreen
from tui.widgets.skp.tambah_indikator import TambahIndikatorScreen
from tui.widgets.skp.tambah_rhk import TambahRhkScreen
from tui.widgets.skp.tambah_skp import TambahSkpScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

RHK = "Terlaksananya penomoran dan pengarsipan SK Pensiun dengan baik dan benar"


async def skp_milik(client, nip: str) -> list[skp_pb2.Skp]:
    md = await client.login(nip=nip)
    resp = await client.skp.ListSkp(skp_pb2.ListSkpRequest(parent=f"pegawai/{nip}"), metadata=md)
    return list(resp.skp)


RHK_ATASAN = "Tersedianya data yang akurat dan terlaksananya layanan ASN"


async def mph_endang(client, tahun: int = 2023) -> None:
    """ENDANG's SKP: an RHK Organisasi and an RHK Individu, both given to SUTIKNO in her MPH."""
    md = await client.login(nip=data.ENDANG)
    skp = await client.skp.CreateSkp(
        skp_pb2.CreateSkpRequest(
            skp=skp_pb2.Skp(
                periode_awal=hari(dt.date(tahun, 1, 1)),
                periode_akhir=hari(dt.date(tahun, 12, 31)),
                pendekatan=skp_pb2.PENDEKATAN_KUANTITATIF,
            )
        ),
        metadata=md,
    )
    for teks, klasifikasi in (
        (RHK_ATASAN, skp_pb2.KLASIFIKASI_RHK_ORGANISASI),
        ("Pribadi", skp_pb2.KLASIFIKASI_RHK_INDIVIDU),
    ):
        rhk = await client.skp.CreateRhk(
            skp_pb2.CreateRhkRequest(
                parent=skp.name, rhk=skp_pb2.Rhk(teks=teks, jenis=skp_pb2.JENIS_RHK_UTAMA, klasifikasi=klasifikasi)
            ),
            metadata=md,
        )
        await client.skp.UpdatePeranHasil(
            skp_pb2.UpdatePeranHasilRequest(rhk=rhk.name, nip=data.SUTIKNO, ditugaskan=True), metadata=md
        )


async def test_pegawai_membuat_mengisi_mengajukan_skp_lalu_atasan_menyetujuinya(buka_aplikasi, client):
    await mph_endang(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        assert "Belum ada SKP" in isi(app, "#judul-skp")
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        assert isinstance(app.screen, UtamaScreen)
        assert kolom(app, "#tabel-skp", "Periode") == ["1 Jan 2023 -\n31 Des 2023"]
        assert kolom(app, "#tabel-skp", "Status") == ["DRAFT\nKuantitatif"]
        assert "Status Pegawai Definitif" in isi(app, "#rincian-skp")

        await buka_detail(pilot)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        assert isi(app, "#periode-skp") == (
            "Pemerintah Kab. Madiun PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2023"
        )
        assert "NAMA ENDANG SUMARSIH" in isi(app, "#isi-penilai-skp")
        assert f"ID : {data.BIDANG}" in isi(app, "#isi-pegawai-skp")

        # Without the RHK atasan it intervenes, Ajukan is refused naming the RHK (docs/domain.md#rhk).
        await tambah_rhk(pilot, RHK)
        assert isinstance(app.screen, DetailSkpScreen)
        assert app.screen.query_one("#tab-skp").active == "hasil-kerja"
        await tambah_indikator(pilot, RHK, "pengarsipan dokumen kepegawaian", "12 bulan")
        await pilot.press("a")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        assert f"RHK Utama '{RHK[:57]}...' belum mengintervensi RHK Organisasi atasan" in isi(app, "#pesan-skp")
        # The choices are ENDANG's RHK Organisasi that her MPH gives SUTIKNO, not her RHK Individu.
        pilih_baris(pilot, RHK)
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        pilihan = opsi(app.screen.query_one("#rhk-atasan", Select))
        assert len(pilihan) == 1 and pilihan[0].startswith(RHK_ATASAN)
        await pilih_opsi(pilot, "#rhk-atasan", pilihan[0])
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        rows = baris(app.screen.query_one("#tabel-rhk"))
        assert ["1", f"{RHK}\nRHK atasan: {RHK_ATASAN}", "", ""] in rows
        assert ["", "- pengarsipan dokumen kepegawaian", "Kuantitas", "12 bulan"] in rows

        await pilot.press("a")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: PENGAJUAN"
        assert "SKP diajukan" in pemberitahuan(app)
        assert app.screen.query_one("#tambah-rhk").disabled
        await pilot.press("escape")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp", "Status") == ["PENGAJUAN\nKuantitatif"]

    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_daftar_skp(pilot)
        await pilot.press("b")
        await tunggu(pilot)
        assert isinstance(app.screen, SkpBawahanScreen)
        await ketik(pilot, "#tahun", "2023")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Nama") == ["SUTIKNO"]
        assert kolom(app, "#tabel-skp-bawahan", "Status") == ["Pengajuan"]
        app.screen.query_one("#tabel-skp-bawahan").focus()
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen) and app.screen.penilai
        assert isi(app, "#status-skp") == "Status SKP: PENGAJUAN"
        await pilot.press("2")
        # The penilai sees which of her RHK Organisasi it intervenes.
        assert f"{RHK}\nRHK atasan: {RHK_ATASAN}" in kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")
        await pilot.press("s")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: PERSETUJUAN"
        await pilot.press("escape")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp-bawahan", "Status") == ["Persetujuan"]
    [skp] = await skp_milik(client, data.SUTIKNO)
    assert skp.status == skp_pb2.STATUS_SKP_PERSETUJUAN


async def test_periode_akhir_sebelum_awal_ditampilkan_pada_isiannya(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "31/12/2023", "01/01/2023")
        # The server's rule, on the field it names.
        assert isinstance(app.screen, TambahSkpScreen)
        pesan = isi(app, "#pesan")
        assert pesan.startswith("PERIODE AKHIR: ") and "sebelum" in pesan, pesan
        assert app.focused.id == "akhir"
        # A date that is no date never leaves the form.
        await ketik(pilot, "#awal", "31/02/2023")
        await pilot.press("ctrl+s")
        assert "PERIODE AWAL '31/02/2023' bukan tanggal yang benar" in isi(app, "#pesan")
        assert app.focused.id == "awal"
    assert await skp_milik(client, data.SUTIKNO) == []


async def test_ajukan_ditolak_menampilkan_alasannya(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await pilot.press("a", "enter")
        await tunggu(pilot)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        alasan = isi(app, "#pesan-skp")
        assert "SKP belum dapat diajukan" in alasan and "Belum ada RHK Utama" in alasan, alasan
        # Each reason goes away once fixed; the next one is named.
        await tambah_rhk(pilot, RHK)
        await pilot.press("a", "enter")
        await tunggu(pilot)
        assert "belum memiliki indikator" in isi(app, "#pesan-skp")
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"


async def test_menyimpan_rhk_tanpa_jenis_ditolak(buka_aplikasi):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await tambah_rhk(pilot, RHK, jenis="")
        assert isinstance(app.screen, TambahRhkScreen)
        assert isi(app, "#pesan") == "JENIS RHK wajib dipilih (Utama atau Tambahan)."
        assert app.focused.id == "jenis"
        # The atasan has no SKP yet: the server's hint stands where the choice would be.
        assert "Matriks Peran Hasil" in isi(app, "#petunjuk-intervensi")


async def test_edit_dan_hapus_rhk_indikator_dan_lampiran(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await tambah_rhk(pilot, "RHK lama")
        await tambah_rhk(pilot, "RHK tambahan", jenis="tambahan")
        await tambah_indikator(pilot, "RHK lama", "indikator lama", "10 dokumen")
        # Edit RHK: the form opens filled in; only what changed is sent.
        pilih_baris(pilot, "RHK lama")
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        assert app.screen.query_one("#teks").text == "RHK lama"
        await isi_teks(pilot, "#teks", "RHK baru [revisi]")  # brackets are text, not markup
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        teks = kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")
        assert teks == [
            "Utama",
            "RHK baru [revisi]",
            "- indikator lama",
            "Tambahan",
            "RHK tambahan",
            "- belum ada indikator",
        ]
        # Edit Indikator with Enter on its row.
        pilih_baris(pilot, "- indikator lama")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahIndikatorScreen)
        await ketik(pilot, "#target", "12 dokumen")
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-rhk", "Target")[2] == "12 dokumen"
        # Hapus asks first.
        pilih_baris(pilot, "RHK tambahan")
        await pilot.press("x")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")[3:] == ["Tambahan", "belum ada RHK"]
        assert "RHK dihapus." in pemberitahuan(app)
        # LAMPIRAN: one item per line.
        await pilot.press("4")
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EditLampiranScreen)
        await isi_teks(pilot, "#isi-lampiran", "sumber daya manusia\n\n  anggaran  \n")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        [dukungan, *_] = [str(o.prompt) for o in app.screen.query_one("#daftar-lampiran").options]
        assert dukungan == "DUKUNGAN SUMBER DAYA\n   1. sumber daya manusia\n   2. anggaran"
    [skp] = await skp_milik(client, data.SUTIKNO)
    md = await client.login(nip=data.SUTIKNO)
    skp = await client.skp.GetSkp(skp_pb2.GetSkpRequest(name=skp.name), metadata=md)
    assert [r.teks for r in skp.rhk] == ["RHK baru [revisi]"]
    assert [i.target for i in skp.rhk[0].indikator] == ["12 dokumen"]
    assert list(skp.lampiran.dukungan_sumber_daya) == ["sumber daya manusia", "anggaran"]


async def test_pegawai_mengedit_lalu_menghapus_skp(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahSkpScreen)
        assert "ENDANG SUMARSIH" in isi(app, "#cek-skp")  # the SKP's own penilai
        await ketik(pilot, "#awal", "02/01/2023")
        app.screen.query_one("#kualitatif", RadioButton).value = True
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp", "Periode") == ["2 Jan 2023 -\n31 Des 2023"]
        assert kolom(app, "#tabel-skp", "Status") == ["DRAFT\nKualitatif"]
        await pilot.press("x")
        assert isinstance(app.screen, KonfirmasiScreen)
        await pilot.press("enter")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp", "Periode") == []
        assert "Belum ada SKP" in isi(app, "#judul-skp")
    assert await skp_milik(client, data.SUTIKNO) == []


async def test_skp_plt_mengambil_periode_penugasan(buka_aplikasi, client):
    async with buka_aplikasi(data.NUR_PURWATI) as (app, pilot):
        await buka_daftar_skp(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        app.screen.query_one("#plt", Checkbox).value = True
        await tunggu(pilot)
        [label] = opsi(app.screen.query_one("#unor-plt", Select))
        assert label.startswith("Plt. Kepala Seksi Pelayanan (1 Oktober 2022 - 3 Maret 2023)")
        await pilih_opsi(pilot, "#unor-plt", label)
        # One SKP per year: the part of 2023 needs a second SKP.
        assert app.screen.query_one("#awal", Input).value == "01/10/2022"
        assert app.screen.query_one("#akhir", Input).value == "31/12/2022"
        assert "buat SKP PLT/PLH kedua untuk tahun 2023" in isi(app, "#info-plt")
        assert "UNIT KERJA SEKSI PELAYANAN" in isi(app, "#cek-skp")
        assert "CAMAT JIWAN" in isi(app, "#cek-skp")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, UtamaScreen), isi(app, "#pesan")
        assert kolom(app, "#tabel-skp", "Periode") == ["1 Okt 2022 -\n31 Des 2022"]
        assert "Status Pegawai Plt." in isi(app, "#rincian-skp")
        assert kolom(app, "#tabel-skp", "Jabatan") == ["Plt. Kepala Seksi Pelayanan"]
    [skp] = await skp_milik(client, data.NUR_PURWATI)
    assert skp.status_pegawai == skp_pb2.STATUS_PEGAWAI_PLT and skp.unor_id == data.PELAYANAN


async def test_skp_diubah_di_tempat_lain_diberitahukan_dan_dimuat_ulang(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        # Meanwhile, in another session, the same pegawai adds an RHK: the etag read here is stale.
        md = await client.login(nip=data.SUTIKNO)
        await client.skp.CreateRhk(
            skp_pb2.CreateRhkRequest(
                request_id="sesi-lain-0001",
                parent=app.screen.skp.name,
                rhk=skp_pb2.Rhk(teks="Dari sesi lain", jenis=skp_pb2.JENIS_RHK_UTAMA),
            ),
            metadata=md,
        )
        await pilot.press("a", "enter")
        await tunggu(pilot)
        assert "diubah di tempat lain" in pemberitahuan(app)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"  # not submitted blind
        await pilot.press("2")
        assert "Dari sesi lain" in kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")


async def test_skp_tanpa_penilai_mengacu_perjanjian_kinerja(buka_aplikasi):
    async with buka_aplikasi(data.SEKDA) as (app, pilot):  # top of the instansi: no atasan in the system
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        assert "Tidak ada pejabat penilai di dalam sistem" in isi(app, "#isi-penilai-skp")
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        assert not app.screen.query("#rhk-atasan")  # nothing to intervene
        await ketik(pilot, "#perjanjian", "Meningkatnya kualitas tata kelola pemerintahan")
        app.screen.query_one("#klasifikasi", Select).value = skp_pb2.KLASIFIKASI_RHK_INDIVIDU
        app.screen.query_one("#jenis-1", RadioButton).value = True
        await isi_teks(pilot, "#teks", "Terkoordinasinya perangkat daerah")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen), isi(app, "#pesan")
        assert (
            "Terkoordinasinya perangkat daerah\nPerjanjian Kinerja: Meningkatnya kualitas tata kelola "
            "pemerintahan\nIndividu"
        ) in kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")


async def test_urutan_rhk_dan_indikator_diubah_dengan_kurung_siku(buka_aplikasi, client):
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await tambah_rhk(pilot, "RHK pertama")
        await tambah_rhk(pilot, "RHK kedua")
        await tambah_indikator(pilot, "RHK pertama", "indikator A", "1 dokumen")
        await tambah_indikator(pilot, "RHK pertama", "indikator B", "2 dokumen")
        pilih_baris(pilot, "RHK kedua")
        await pilot.press("[")
        await tunggu(pilot)
        pilih_baris(pilot, "- indikator B")
        await pilot.press("[")
        await tunggu(pilot)
        assert kolom(app, "#tabel-rhk", "Rencana Hasil Kerja / Indikator")[1:5] == [
            "RHK kedua",
            "- belum ada indikator",
            "RHK pertama",
            "- indikator B",
        ]
        await pilot.press("[")  # already first: said so, nothing sent
        await tunggu(pilot)
        assert "Sudah paling atas." in pemberitahuan(app)
    [skp] = await skp_milik(client, data.SUTIKNO)
    md = await client.login(nip=data.SUTIKNO)
    skp = await client.skp.GetSkp(skp_pb2.GetSkpRequest(name=skp.name), metadata=md)
    assert [(r.teks, r.urutan) for r in skp.rhk] == [("RHK kedua", 1), ("RHK pertama", 2)]
    assert [i.teks for i in skp.rhk[1].indikator] == ["indikator B", "indikator A"]


async def test_mengedit_periode_skp_yang_disetujui_tetap_disetujui(buka_aplikasi, client):
    """The pencil works on an approved SKP (docs/domain.md#edit-skp)."""
    from tests.api.penilaian.bantu import TAHUN_BUKA, skp_disetujui

    await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahSkpScreen)
        assert "tetap disetujui" in isi(app, "#petunjuk-disetujui")
        await ketik(pilot, "#akhir", f"30/06/{TAHUN_BUKA}")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert kolom(app, "#tabel-skp", "Periode") == [f"1 Jan {TAHUN_BUKA} -\n30 Jun {TAHUN_BUKA}"]
        assert kolom(app, "#tabel-skp", "Status") == ["PERSETUJUAN\nKuantitatif"]


async def test_menambah_skp_lintas_tahun_dipotong_di_akhir_tahun_dan_diberitahukan(buka_aplikasi):
    """A period crossing the year is clipped (cut-off) and the server's notice is shown."""
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/10/2022", "03/03/2023")
        assert "dipotong menjadi 31 Desember 2022" in pemberitahuan(app)
        assert "1 Okt 2022 -\n31 Des 2022" in kolom(app, "#tabel-skp", "Periode")


async def test_target_nol_ditolak_di_isian_rentang_dan_rupiah_tampil_apa_adanya(buka_aplikasi):
    """docs/domain.md#indikator-dan-target: the server's refusal lands on TARGET;
    a range and a rupiah amount are shown as typed."""
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await tambah_rhk(pilot, RHK)
        await tambah_indikator(pilot, RHK, "kepuasan layanan", "0 %")
        assert isinstance(app.screen, TambahIndikatorScreen)
        assert "lebih dari 0" in isi(app, "#pesan")
        assert app.focused.id == "target"
        await ketik(pilot, "#target", "80-100 %")
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        await tambah_indikator(pilot, RHK, "anggaran", "Rp 50.000.000", aspek=4)
        rows = baris(app.screen.query_one("#tabel-rhk"))
        assert ["", "- kepuasan layanan", "Kuantitas", "80-100 %"] in rows
        assert ["", "- anggaran", "Biaya", "Rp 50.000.000"] in rows


async def test_kepala_unit_induk_memilih_perspektif_rhk_yang_tersimpan_dan_dapat_diubah(buka_aplikasi):
    # docs/domain.md#format-jpt-dan-unit-kerja-mandiri: KEPALA BKPSDM leads a unor induk.
    async with buka_aplikasi(data.KEPALA_BKPSDM) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        perspektif = app.screen.query_one("#perspektif", Select)
        assert not perspektif.has_class("tersembunyi")
        perspektif.value = "Perspektif Proses Bisnis Internal"
        app.screen.query_one("#klasifikasi", Select).value = skp_pb2.KLASIFIKASI_RHK_ORGANISASI
        app.screen.query_one("#jenis-1", RadioButton).value = True
        await isi_teks(pilot, "#teks", RHK)
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        pilih_baris(pilot, RHK)
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        assert app.screen.query_one("#perspektif", Select).value == "Perspektif Proses Bisnis Internal"
        app.screen.query_one("#perspektif", Select).value = "Perspektif Anggaran"
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, DetailSkpScreen)
        pilih_baris(pilot, RHK)
        await pilot.press("e")
        await tunggu(pilot)
        assert app.screen.query_one("#perspektif", Select).value == "Perspektif Anggaran"


async def test_kepala_bidang_tidak_ditanya_perspektif_rhk(buka_aplikasi):
    # ENDANG leads a Bidang, not a unor induk: the regular format, no perspektif to choose.
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_daftar_skp(pilot)
        await tambah_skp(pilot, "01/01/2023", "31/12/2023")
        await buka_detail(pilot)
        await pilot.press("t")
        await tunggu(pilot)
        assert isinstance(app.screen, TambahRhkScreen)
        assert app.screen.query_one("#perspektif", Select).has_class("tersembunyi")
        app.screen.query_one("#jenis-1", RadioButton).value = True
        await isi_teks(pilot, "#teks", RHK)
        assert "perspektif" not in app.screen.baca()
