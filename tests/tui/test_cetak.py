"""Cetak (docs/domain.md#dokumen-cetak) from the terminal: the pegawai prints the
Rencana SKP from Detail SKP with an anchor, after a preview; a duplicate
anchor is refused on its field; the print is listed in Riwayat Cetak. The
pegawai prints a period's Form Penilaian from Penilaian SKP; the penilai
prints a bawahan's, and every bawahan's at once from the Rekap into a zip,
watching the progress (a bawahan not rated yet is skipped, with why)."""

import datetime as dt
import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from ekinerja.penilaian.v1 import penilaian_pb2
from textual.widgets import Checkbox, TextArea

from tests import data
from tests.api.penilaian.bantu import TAHUN_BUKA, nilai, skp_disetujui
from tests.api.skp.bantu import buat_skp
from tests.tui.penilaian import buka_penilaian, pilih
from tests.tui.pilot import isi, ketik, kolom, pemberitahuan, tunggu
from tests.tui.skp import buka_daftar_skp, buka_detail
from tui.screens.cetak_dokumen import CetakDokumenScreen
from tui.screens.cetak_massal import CetakMassalScreen
from tui.screens.detail_skp import DetailSkpScreen
from tui.screens.penilaian_bawahan import PenilaianBawahanScreen
from tui.screens.penilaian_skp import PenilaianSkpScreen
from tui.screens.pratinjau_dokumen import PratinjauDokumenScreen
from tui.screens.rekap_penilaian import RekapPenilaianScreen
from tui.screens.riwayat_cetak import RiwayatCetakScreen

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

SESUAI = penilaian_pb2.RATING_SESUAI_EKSPEKTASI


def teks_pdf(isi: bytes) -> str:
    """The PDF's text (pypdf), every run of whitespace as one space; the raw
    bytes when pypdf is not installed."""
    assert isi.startswith(b"%PDF")
    try:
        from pypdf import PdfReader
    except ImportError:
        return isi.decode("latin-1")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(isi)).pages))


def satu_pdf(folder: Path) -> bytes:
    berkas = list(folder.glob("*.pdf"))
    assert len(berkas) == 1, berkas
    return berkas[0].read_bytes()


async def cetak(pilot, simpan_ke: Path) -> None:
    await ketik(pilot, "#simpan-ke", str(simpan_ke))
    await pilot.press("ctrl+s")
    await tunggu(pilot)


async def test_rencana_skp_draft_dicetak_bertanda_draf(buka_aplikasi, client, tmp_path):
    folder = tmp_path / "cetak"
    folder.mkdir()
    sutikno = await client.login(nip=data.SUTIKNO)
    await buat_skp(client, sutikno, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        assert isi(app, "#status-skp") == "Status SKP: DRAFT"
        assert not app.screen.query_one("#cetak").disabled
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        await cetak(pilot, folder)
        assert isinstance(app.screen, DetailSkpScreen)
        assert "DRAF — belum disetujui pejabat penilai kinerja (status SKP: DRAFT)" in teks_pdf(satu_pdf(folder))


async def test_pegawai_cetak_rencana_skp_dengan_anchor(buka_aplikasi, client, tmp_path):
    folder = tmp_path / "cetak"  # tmp_path holds the server's data too
    folder.mkdir()
    await skp_disetujui(client)  # SUTIKNO's, next year: the top row of Daftar SKP
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_daftar_skp(pilot)
        await buka_detail(pilot)
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isi(app, "#judul-cetak") == "Cetak Rencana SKP"
        assert app.screen.query_one("#isian-tanggal").value == dt.date.today().strftime("%d/%m/%Y")
        assert app.screen.query_one("#isian-lokasi").value == "MADIUN"

        # The same anchor twice is refused, on the second field; nothing is written.
        await ketik(pilot, "#isian-anchor_pegawai", "^")
        await ketik(pilot, "#isian-anchor_penilai", "^")
        await cetak(pilot, folder)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isi(app, "#pesan").startswith("ANCHOR PEJABAT PENILAI KINERJA: sama dengan anchor pegawai")
        assert app.screen.focused is app.screen.query_one("#isian-anchor_penilai")
        assert app.screen.query_one("#isian-anchor_penilai").has_class("salah")
        assert not list(folder.iterdir())

        # A wrong date is refused before anything is sent.
        await ketik(pilot, "#isian-anchor_penilai", "")
        await ketik(pilot, "#isian-tanggal", "31/02/2027")
        await pilot.press("ctrl+t")
        assert "TANGGAL '31/02/2027' bukan tanggal yang benar" in isi(app, "#pesan")
        await ketik(pilot, "#isian-tanggal", "05/09/2027")

        # Pratinjau: the document as text, the anchor where it goes.
        await pilot.press("ctrl+t")
        await tunggu(pilot)
        assert isinstance(app.screen, PratinjauDokumenScreen)
        pratinjau = app.screen.query_one("#isi-pratinjau", TextArea).text
        assert "SASARAN KINERJA PEGAWAI" in pratinjau and "[anchor ^]" in pratinjau
        assert "Madiun, 5 September 2027" in pratinjau
        await pilot.press("escape")
        assert isinstance(app.screen, CetakDokumenScreen)

        # No signing key on this server: the refusal in words, nothing written.
        app.screen.query_one("#ttd-cetak", Checkbox).value = True
        await cetak(pilot, folder)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert "Tanda tangan digital belum dikonfigurasi" in isi(app, "#pesan")
        assert not list(folder.iterdir())
        app.screen.query_one("#ttd-cetak", Checkbox).value = False

        # Cetak into a folder: the server's file name, the path and the sha256 said.
        await cetak(pilot, folder)
        assert isinstance(app.screen, DetailSkpScreen)
        pdf = satu_pdf(folder)
        t = teks_pdf(pdf)
        assert "SUTIKNO" in t and t.count("^") == 1
        sha = hashlib.sha256(pdf).hexdigest()
        path = next(folder.glob("*.pdf"))
        assert f"Tersimpan di {path}" in pemberitahuan(app) and sha[:12] in pemberitahuan(app)

        # The same again goes beside it, not over it.
        await pilot.press("c")
        await tunggu(pilot)
        await cetak(pilot, folder)
        assert len(list(folder.glob("*.pdf"))) == 2 and path.exists()

        # Riwayat Cetak: who, what and the start of each file's sha256, newest first.
        await pilot.press("p")
        await tunggu(pilot)
        assert isinstance(app.screen, RiwayatCetakScreen)
        assert kolom(app, "#tabel-riwayat-cetak", "Dokumen") == ["Rencana SKP", "Rencana SKP"]
        assert kolom(app, "#tabel-riwayat-cetak", "Oleh") == ["SUTIKNO", "SUTIKNO"]
        assert sha[:12] in kolom(app, "#tabel-riwayat-cetak", "SHA-256")
        assert "2 kali dicetak" in isi(app, "#judul-riwayat-cetak")


async def test_pegawai_cetak_form_penilaian_dari_penilaian_skp(buka_aplikasi, client, tmp_path):
    await skp_disetujui(client)
    async with buka_aplikasi(data.SUTIKNO) as (app, pilot):
        await buka_penilaian(pilot)
        pilih(pilot, "#tabel-periode", "Akhir Tahun")
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isi(app, "#judul-cetak") == "Cetak Form Penilaian"

        # The Dokumen Evaluasi Kinerja: a date and place per signer, and the note on the curve.
        app.screen.query_one("#jenis-3").value = True
        await tunggu(pilot)
        assert isi(app, "#judul-cetak") == "Cetak Dokumen Evaluasi Kinerja"
        assert app.screen.query_one("#isian-lokasi_penilai").value == "MADIUN"
        assert "Kurva Distribusi" in isi(app, "#catatan-cetak")
        await cetak(pilot, tmp_path / "cetak")
        assert "belum dinilai" in isi(app, "#pesan")  # not rated yet

        app.screen.query_one("#jenis-2").value = True
        await tunggu(pilot)
        await cetak(pilot, tmp_path / "cetak")  # a folder that does not exist yet
        assert isinstance(app.screen, PenilaianSkpScreen)
        t = teks_pdf(satu_pdf(tmp_path / "cetak"))
        assert "SUTIKNO" in t and "ENDANG SUMARSIH" in t


async def test_penilai_cetak_form_bawahan_dan_cetak_massal(buka_aplikasi, client, tmp_path):
    await skp_disetujui(client, data.ENDANG, penilai=data.KEPALA_BKPSDM)  # her own: the way to Penilaian SKP
    sutikno = await skp_disetujui(client, data.SUTIKNO)
    await skp_disetujui(client, data.WIDANANG)
    await nilai(client, await client.login(nip=data.ENDANG), sutikno, SESUAI, SESUAI)  # WIDANANG not yet
    async with buka_aplikasi(data.ENDANG) as (app, pilot):
        await buka_penilaian(pilot)
        await pilot.press("2")
        await tunggu(pilot)
        pilih(pilot, "#tabel-pemantauan", "Penilaian Akhir Tahun")
        await pilot.press("k")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)

        # One bawahan's Form Penilaian, from Penilaian Bawahan.
        pilih(pilot, "#tabel-rekap", "SUTIKNO")
        await pilot.press("enter")
        await tunggu(pilot)
        assert isinstance(app.screen, PenilaianBawahanScreen)
        await pilot.press("c")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert "Tanda tangan digital di tempat PEJABAT PENILAI KINERJA" in str(
            app.screen.query_one("#ttd-cetak", Checkbox).label
        )
        await cetak(pilot, tmp_path / "satu")
        assert isinstance(app.screen, PenilaianBawahanScreen)
        t = teks_pdf(satu_pdf(tmp_path / "satu"))
        assert "SUTIKNO" in t and "SESUAI EKSPEKTASI" in t
        await pilot.press("escape")
        await tunggu(pilot)

        # Cetak Massal of the Form Penilaian: one PDF per bawahan in one zip.
        assert isinstance(app.screen, RekapPenilaianScreen)
        await pilot.press("p")
        await tunggu(pilot)
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isi(app, "#judul-cetak") == "Cetak Massal - Form Penilaian"
        assert app.screen.query_one("#isian-tanggal").value == dt.date.today().strftime("%d/%m/%Y")
        await pilot.press("ctrl+t")  # Pratinjau: one bawahan's document as an example
        await tunggu(pilot)
        assert isinstance(app.screen, PratinjauDokumenScreen)
        assert "EVALUASI KINERJA PEGAWAI" in app.screen.query_one("#isi-pratinjau", TextArea).text
        await pilot.press("escape")
        # Two equal anchors would fail every document: refused on the field before the bulk print.
        await ketik(pilot, "#isian-anchor_pegawai", "^")
        await ketik(pilot, "#isian-anchor_penilai", "^")
        await cetak(pilot, tmp_path / "massal")
        assert isinstance(app.screen, CetakDokumenScreen)
        assert isi(app, "#pesan").startswith("ANCHOR PEJABAT PENILAI KINERJA: sama dengan anchor pegawai")
        assert app.screen.focused is app.screen.query_one("#isian-anchor_penilai")
        await ketik(pilot, "#isian-anchor_penilai", "$")
        await cetak(pilot, tmp_path / "massal")
        assert isinstance(app.screen, CetakMassalScreen)
        assert sorted(kolom(app, "#tabel-kemajuan", "Pegawai")) == [
            f"SUTIKNO ({data.SUTIKNO})",
            f"WIDANANG SASMITO AJI ({data.WIDANANG})",
        ]
        assert kolom(app, "#tabel-kemajuan", "Hasil") == ["ok", "ok"]
        zips = list((tmp_path / "massal").glob("*.zip"))
        assert len(zips) == 1 and f"Tersimpan di {zips[0]}" in isi(app, "#ringkasan-massal")
        with zipfile.ZipFile(zips[0]) as z:
            nama = sorted(z.namelist())
            assert len(nama) == 2 and all(n.endswith(".pdf") for n in nama)
            assert any(data.SUTIKNO in n for n in nama) and any(data.WIDANANG in n for n in nama)
            assert all(z.read(n).startswith(b"%PDF") for n in nama)
            t = teks_pdf(z.read(nama[0]))
            assert t.count("^") == 1 and t.count("$") == 1
        await pilot.press("escape")
        await tunggu(pilot)
        assert isinstance(app.screen, RekapPenilaianScreen)  # the dialog closed with it

        # The Dokumen Evaluasi Kinerja: WIDANANG is not rated yet, so skipped, with why.
        await pilot.press("p")
        await tunggu(pilot)
        app.screen.query_one("#jenis-3").value = True
        await tunggu(pilot)
        await cetak(pilot, tmp_path / "evaluasi")
        assert isinstance(app.screen, CetakMassalScreen)
        hasil = dict(zip(kolom(app, "#tabel-kemajuan", "Pegawai"), kolom(app, "#tabel-kemajuan", "Hasil"), strict=True))
        assert hasil[f"SUTIKNO ({data.SUTIKNO})"] == "ok"
        assert hasil[f"WIDANANG SASMITO AJI ({data.WIDANANG})"].startswith("dilewati: ")
        assert "1 dokumen dalam zip, 1 dilewati" in isi(app, "#ringkasan-massal")
        with zipfile.ZipFile(next((tmp_path / "evaluasi").glob("*.zip"))) as z:
            assert len(z.namelist()) == 1
        assert str(TAHUN_BUKA) in isi(app, "#ringkasan-massal")  # the zip's name has the year
