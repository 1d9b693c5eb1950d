"""Pemantauan dan Evaluasi as the penilai (docs/domain.md#feedback-dan-rating): feedback on an
RHK and on a perilaku, the two ratings with one key each, the next bawahan
without going back to the list, the Rekap with its progress and Ekspor
XLSX, and the Kurva. Then the pegawai reads it in Feedback Perilaku."""

import openpyxl
import pytest
from ekinerja.penilaian.v1 import penilaian_pb2
from textual.widgets import TextArea

from tests import data
from tests.api.skp.bantu import rid
from tests.tui.penilaian import RHK, TAHUN, buka_penilaian, pilih, skp_disetujui
from tests.tui.pilot import isi, kolom, masuk, pemberitahuan, tunggu
from tui.dialog.isian_teks import IsianTeksScreen
from tui.screens.catatan_evaluasi import CatatanEvaluasiScreen
from tui.screens.ekspor_xlsx import EksporXlsxScreen
from tui.screens.feedback_perilaku import FeedbackPerilakuScreen
from tui.screens.lihat_kurva import LihatKurvaScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.screens.rating_penilaian import RatingPenilaianScreen
from tui.screens.rekap_penilaian import RekapPenilaianScreen
from tui.widgets.penilaian.pilih_bawahan import PilihBawahanScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


async def bawahan_endang(client):
    """ENDANG's own approved SKP (to reach Penilaian SKP), and SUTIKNO's and
    WIDANANG's; SUTIKNO has filled his realisasi of the Akhir Tahun."""
    await skp_disetujui(client, data.ENDANG, penilai=data.KEPALA_BKPSDM)
    sutikno = await skp_disetujui(client, data.SUTIKNO)
    await skp_disetujui(client, data.WIDANANG)
    md = await client.login(nip=data.SUTIKNO)
    indikator = sutikno.rhk[0].indikator[0]
    await client.penilaian.UpdateRealisasi(
        penilaian_pb2.UpdateRealisasiRequest(
            request_id=rid(),
            parent=f"penilaian/{sutikno.id}/periode/akhir",
            realisasi=penilaian_pb2.Realisasi(indikator=indikator.name, realisasi="12 bulan", sumber_data="arsip"),
        ),
        metadata=md,
    )
    return sutikno


async def buka_pemantauan(pilot, periode: str = "Penilaian Akhir Tahun") -> None:
    await masuk(pilot, data.ENDANG)
    await buka_penilaian(pilot)
    await pilot.press("2")
    await tunggu(pilot)
    pilih(pilot, "#tabel-pemantauan", periode)


async def test_atasan_menilai_bawahan_lalu_melihat_rekap_ekspor_dan_kurva(buka_aplikasi, client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    monkeypatch.delenv("EKINERJA_SIMPAN_KE", raising=False)
    sutikno = await bawahan_endang(client)
    async with buka_aplikasi() as (app, pilot):
        await buka_pemantauan(pilot)
        assert kolom(app, "#tabel-pemantauan", "Periode Penilaian") == [
            "TRIWULAN I",
            "TRIWULAN II",
            "TRIWULAN III",
            "TRIWULAN IV",
            "Penilaian Akhir Tahun",
        ]
        assert kolom(app, "#tabel-pemantauan", "Batas")[-1] == f"7 Mei {TAHUN + 1}"

        # Penilaian Bawahan: pick SUTIKNO.
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PilihBawahanScreen)
        assert sorted(kolom(app, "#tabel-pilih-bawahan", "Nama")) == ["SUTIKNO", "WIDANANG SASMITO AJI"]
        pilih(pilot, "#tabel-pilih-bawahan", "SUTIKNO")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        assert "SUTIKNO (196903232002121009) - PENGADMINISTRASI KEPEGAWAIAN" in isi(app, "#kepala-periode")
        assert "12 bulan" in kolom(app, "#tabel-hasil", "Realisasi")

        # Feedback on the RHK.
        pilih(pilot, "#tabel-hasil", RHK, kolom=1)
        await pilot.press("f")
        assert isinstance(app.screen, IsianTeksScreen)
        app.screen.query_one("#teks", TextArea).text = "Tingkatkan ketelitian [arsip]"
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        assert "Feedback ENDANG SUMARSIH: Tingkatkan ketelitian [arsip]" in kolom(app, "#tabel-hasil", "Hasil Kerja")

        # Feedback on a perilaku.
        await pilot.press("2")
        pilih(pilot, "#tabel-perilaku", "Akuntabel", kolom=1)
        await pilot.press("f")
        assert isinstance(app.screen, IsianTeksScreen)
        app.screen.query_one("#teks", TextArea).text = "Baik"
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        perilaku = kolom(app, "#tabel-perilaku", "Perilaku Kerja / Feedback")
        i = next(n for n, t in enumerate(perilaku) if t.startswith("Akuntabel"))
        assert perilaku[i + 1] == "Feedback ENDANG SUMARSIH: Baik"

        # Rating: h, then one key each; the predikat is shown before saving.
        await pilot.press("h")
        await tunggu(pilot)
        assert isinstance(app.screen, RatingPenilaianScreen)
        await pilot.press("2", "2")
        await tunggu(pilot)
        assert isi(app, "#predikat-rating") == "PREDIKAT KINERJA: BAIK"
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        nilai = isi(app, "#nilai-periode")
        assert "HASIL KERJA: SESUAI EKSPEKTASI" in nilai and "PERILAKU KERJA: SESUAI EKSPEKTASI" in nilai
        assert "PREDIKAT KINERJA: BAIK" in nilai
        assert "predikat kinerja Baik" in pemberitahuan(app)

        # The next bawahan, without going back.
        await pilot.press("]")
        await tunggu(pilot)
        assert "WIDANANG SASMITO AJI" in isi(app, "#kepala-periode")
        assert "PREDIKAT KINERJA: -" in isi(app, "#nilai-periode")
        assert "bawahan 2 dari 2" in isi(app, "#urutan-bawahan")
        await pilot.press("]")
        assert "Ini bawahan terakhir dalam daftar." in pemberitahuan(app)
        await pilot.press("escape")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianSkpScreen)

        # Rekap: predikat and realisasi progress.
        await pilot.press("k")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)
        rekap = dict(
            zip(
                kolom(app, "#tabel-rekap", "Nama"),
                zip(
                    kolom(app, "#tabel-rekap", "Predikat"),
                    kolom(app, "#tabel-rekap", "Realisasi"),
                    kolom(app, "#tabel-rekap", "Status"),
                    strict=True,
                ),
                strict=True,
            )
        )
        assert rekap == {"SUTIKNO": ("Baik", "1/1", "Dinilai"), "WIDANANG SASMITO AJI": ("-", "0/1", "Belum dinilai")}
        judul = isi(app, "#judul-rekap")
        assert "2 bawahan: dinilai 1, realisasi lengkap 1; 1 belum lengkap" in judul, judul

        # Ekspor XLSX into the folder every print goes to (never the current directory), with ctrl+s.
        await pilot.press("e")
        await tunggu(pilot)
        assert isinstance(app.screen, EksporXlsxScreen), pemberitahuan(app)
        assert app.screen.query_one("#tujuan").value == "~/ekinerja-cetak/"
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)
        assert not list(tmp_path.glob("*.xlsx"))
        [berkas] = list((tmp_path / "rumah" / "ekinerja-cetak").glob("*.xlsx"))
        assert f"Rekap disimpan ke {berkas}" in pemberitahuan(app)
        sel = [str(c) for row in openpyxl.load_workbook(berkas).active.iter_rows(values_only=True) for c in row]
        assert "SUTIKNO" in sel and "WIDANANG SASMITO AJI" in sel

        # Lihat Kurva.
        await pilot.press("v")
        await tunggu(pilot)
        assert isinstance(app.screen, LihatKurvaScreen)
        kurva = isi(app, "#isi-kurva")
        assert "Dinilai 1 pegawai, belum dinilai 1." in kurva
        assert "Baik" in kurva and "100.0%" in kurva

    md = await client.login(nip=data.ENDANG)
    p = await client.penilaian.GetPenilaian(
        penilaian_pb2.GetPenilaianRequest(name=f"penilaian/{sutikno.id}/periode/akhir"), metadata=md
    )
    assert p.periode.predikat == penilaian_pb2.PREDIKAT_BAIK
    assert sorted((f.tentang, f.teks, f.penulis_nip) for f in p.feedback) == [
        ("perilaku/AKUNTABEL", "Baik", data.ENDANG),
        (sutikno.rhk[0].name, "Tingkatkan ketelitian [arsip]", data.ENDANG),
    ]


async def test_pegawai_membaca_feedback_perilaku(buka_aplikasi, client):
    sutikno = await bawahan_endang(client)
    md = await client.login(nip=data.ENDANG)
    name = f"penilaian/{sutikno.id}/periode/akhir"
    await client.penilaian.CreateFeedback(
        penilaian_pb2.CreateFeedbackRequest(
            request_id=rid(),
            parent=name,
            feedback=penilaian_pb2.Feedback(tentang="perilaku/AKUNTABEL", teks="Tingkatkan"),
        ),
        metadata=md,
    )
    p = await client.penilaian.GetPenilaian(penilaian_pb2.GetPenilaianRequest(name=name), metadata=md)
    await client.penilaian.SetRating(
        penilaian_pb2.SetRatingRequest(
            request_id=rid(),
            name=name,
            rating_hasil_kerja=penilaian_pb2.RATING_DIATAS_EKSPEKTASI,
            rating_perilaku_kerja=penilaian_pb2.RATING_DIATAS_EKSPEKTASI,
            etag=p.etag,
        ),
        metadata=md,
    )
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        assert " ".join(kolom(app, "#tabel-periode", "Nilai SKP")[-1].split()) == "Sangat Baik"
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.press("f")
        await tunggu(pilot)
        assert isinstance(app.screen, FeedbackPerilakuScreen)
        assert "PREDIKAT KINERJA: SANGAT BAIK" in isi(app, "#nilai-periode")
        perilaku = kolom(app, "#tabel-perilaku", "Perilaku Kerja / Feedback")
        assert "Feedback ENDANG SUMARSIH: Tingkatkan" in perilaku
        assert len([t for t in perilaku if t.startswith("Feedback: belum ada")]) == 6
        await pilot.press("f")  # the pegawai writes no feedback
        await tunggu(pilot)
        assert isinstance(app.screen, FeedbackPerilakuScreen)


async def test_atasan_menulis_catatan_rekomendasi_bawahan(buka_aplikasi, client):
    sutikno = await bawahan_endang(client)
    async with buka_aplikasi() as (app, pilot):
        await buka_pemantauan(pilot)
        await pilot.press("enter")
        await tunggu(pilot)
        pilih(pilot, "#tabel-pilih-bawahan", "SUTIKNO")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        assert "CATATAN / REKOMENDASI: -" in isi(app, "#nilai-periode")
        await pilot.press("k")
        assert isinstance(app.screen, CatatanEvaluasiScreen)
        assert app.screen.focused is app.screen.query_one("#catatan")
        # Too long: refused in place, nothing sent.
        app.screen.query_one("#catatan", TextArea).text = "x" * 2001
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CatatanEvaluasiScreen)
        assert "paling banyak 2000 karakter" in isi(app, "#pesan")
        app.screen.query_one("#catatan", TextArea).text = "Ikuti pelatihan [kearsipan] digital."
        await pilot.press("ctrl+s")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        assert "Catatan / rekomendasi SUTIKNO disimpan." in pemberitahuan(app)
        assert "CATATAN / REKOMENDASI: Ikuti pelatihan [kearsipan] digital." in isi(app, "#nilai-periode")
        # Open again: the text is there to edit.
        await pilot.press("k")
        assert app.screen.query_one("#catatan", TextArea).text == "Ikuti pelatihan [kearsipan] digital."
        await pilot.press("escape")
    dibaca = await client.penilaian.GetPenilaian(
        penilaian_pb2.GetPenilaianRequest(name=f"penilaian/{sutikno.id}/periode/akhir"),
        metadata=await client.login(nip=data.SUTIKNO),
    )
    assert dibaca.catatan == "Ikuti pelatihan [kearsipan] digital."
