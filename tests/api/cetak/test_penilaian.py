"""Cetak Form Penilaian and Dokumen Evaluasi Kinerja: realisasi, feedback,
ratings, predikat, the Kurva Distribusi once the capaian is final, and a
date and place per signer."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from google.type.date_pb2 import Date

from tests import data
from tests.api.cetak.bantu import TANGGAL, halaman, teks, unduh
from tests.api.errors import gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, nilai, periode, skp_disetujui

C = grpc.StatusCode
S, A = n.RATING_SESUAI_EKSPEKTASI, n.RATING_DIATAS_EKSPEKTASI


def form(skp, kode="akhir", **kw) -> c.CetakFormPenilaianRequest:
    return c.CetakFormPenilaianRequest(penilaian=periode(skp, kode), tanggal=TANGGAL, **kw)


def evaluasi(skp, kode="akhir", **kw) -> c.CetakEvaluasiKinerjaRequest:
    return c.CetakEvaluasiKinerjaRequest(
        penilaian=periode(skp, kode), tanggal_pegawai=TANGGAL, tanggal_penilai=Date(year=2023, month=9, day=6), **kw
    )


async def test_form_penilaian_memuat_realisasi_feedback_rating_dan_predikat(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    belum = teks((await unduh(client.cetak.CetakFormPenilaian(form(skp), metadata=sutikno))).isi)
    assert "RATING HASIL KERJA -" in belum and "PREDIKAT KINERJA PEGAWAI -" in belum
    ind = skp.rhk[0].indikator[0]
    await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(skp),
            realisasi=n.Realisasi(indikator=ind.name, realisasi="11 bulan", sumber_data="Laporan SIASN"),
        ),
        metadata=sutikno,
    )
    for tentang, isi in ((skp.rhk[0].name, "Tingkatkan ketelitian arsip"), ("perilaku/AKUNTABEL", "Sangat jujur")):
        await client.penilaian.CreateFeedback(
            n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang=tentang, teks=isi)),
            metadata=endang,
        )
    await nilai(client, endang, skp, S, A)
    hasil = await unduh(client.cetak.CetakFormPenilaian(form(skp, lokasi="Kab. Madiun"), metadata=endang))
    assert hasil.info.nama_berkas == f"form-penilaian-{TAHUN_BUKA}-akhir-{data.SUTIKNO}.pdf"
    assert set(halaman(hasil.isi)) == {(842, 595)}  # A4 landscape: eight columns
    t = teks(hasil.isi)
    for bagian in [
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PEMERINTAH KAB. MADIUN",
        "PERIODE: AKHIR TAHUN",
        f"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN {TAHUN_BUKA}",
        "SUTIKNO",
        "ENDANG SUMARSIH",
        "RHK 1",
        "CAPAIAN KINERJA ORGANISASI (belum final)",
        "POLA DISTRIBUSI Pola distribusi tampil setelah capaian kinerja organisasi",
        "12 bulan",
        "11 bulan berdasarkan Laporan SIASN",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "Tingkatkan ketelitian arsip",
        "Sangat jujur",
        "RATING HASIL KERJA SESUAI EKSPEKTASI",
        "RATING PERILAKU KERJA DIATAS EKSPEKTASI",
        "PREDIKAT KINERJA PEGAWAI BAIK",
        "Kab. Madiun, 5 September 2023",
    ]:
        assert bagian in t, bagian
    assert "SASARAN KINERJA PEGAWAI" not in t
    # Once the capaian is final: its value and the pattern it sets.
    admin = await client.login(username="admin.madiun")
    cap = await client.penilaian.SetCapaianOrganisasi(
        n.SetCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_ISTIMEWA
        ),
        metadata=admin,
    )
    await client.penilaian.FinalisasiCapaianOrganisasi(
        n.FinalisasiCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
        ),
        metadata=admin,
    )
    t = teks((await unduh(client.cetak.CetakFormPenilaian(form(skp), metadata=sutikno))).isi)
    assert "CAPAIAN KINERJA ORGANISASI ISTIMEWA" in t
    assert "POLA DISTRIBUSI Sangat Baik: sebagian besar (kelompok terbanyak), paling banyak 70%" in t
    tw1 = teks((await unduh(client.cetak.CetakFormPenilaian(form(skp, "tw1"), metadata=sutikno))).isi)
    assert f"PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN {TAHUN_BUKA}" in tw1 and "PERIODE: TRIWULAN I" in tw1


async def test_evaluasi_kinerja_setelah_dinilai_dengan_kurva_setelah_capaian_final(client):
    skps = [await skp_disetujui(client, nip=nip) for nip in (data.SUTIKNO, data.WIDANANG, data.SUYANTO)]
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    await gagal(unduh(client.cetak.CetakEvaluasiKinerja(evaluasi(skps[0]), metadata=sutikno)), C.FAILED_PRECONDITION)
    for skp, (h, p) in zip(skps, [(A, A), (S, S), (S, S)], strict=True):
        await nilai(client, endang, skp, h, p)
    await client.penilaian.SetCatatanEvaluasi(
        n.SetCatatanEvaluasiRequest(name=periode(skps[1]), catatan="Ikuti pelatihan kearsipan digital."),
        metadata=endang,
    )
    req = evaluasi(skps[1], lokasi_pegawai="MADIUN", lokasi_penilai="Caruban", anchor_pegawai="^", anchor_penilai="$")
    t = teks((await unduh(client.cetak.CetakEvaluasiKinerja(req, metadata=await client.login(nip=data.WIDANANG)))).isi)
    for bagian in [
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PERIODE: AKHIR TAHUN",
        "1. PEGAWAI YANG DINILAI NAMA WIDANANG SASMITO AJI",
        f"2. PEJABAT PENILAI KINERJA NAMA ENDANG SUMARSIH NIP {data.ENDANG}",
        # The penilai's own atasan, as profil resolves it.
        f"3. ATASAN PEJABAT PENILAI KINERJA NAMA KEPALA BKPSDM NIP {data.KEPALA_BKPSDM}",
        "JABATAN Kepala BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "4. EVALUASI KINERJA",
        "CAPAIAN KINERJA ORGANISASI (belum final)",
        "PREDIKAT KINERJA PEGAWAI BAIK",
        "5. CATATAN / REKOMENDASI Ikuti pelatihan kearsipan digital.",
        # 6. the penilai, 7. the pegawai, each under their own place and date.
        "Caruban, 6 September 2023 6. Pejabat Penilai Kinerja",
        "Madiun, 5 September 2023 7. Pegawai yang Dinilai",
        "tampil setelah capaian",
    ]:
        assert bagian in t, bagian
    assert t.index("6. Pejabat Penilai Kinerja") < t.index("7. Pegawai yang Dinilai")
    assert t.count("^") == 1 and t.count("$") == 1 and "PERSENTASE" not in t
    sekda = await client.login(nip=data.SEKDA)  # the pimpinan above BKPSDM sets its capaian
    cap = await client.penilaian.SetCapaianOrganisasi(
        n.SetCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
        ),
        metadata=sekda,
    )
    # Set but not final: still "(belum final)", never the value.
    t = teks((await unduh(client.cetak.CetakEvaluasiKinerja(evaluasi(skps[0]), metadata=sutikno))).isi)
    assert "CAPAIAN KINERJA ORGANISASI (belum final)" in t and "CAPAIAN KINERJA ORGANISASI BAIK" not in t
    await client.penilaian.FinalisasiCapaianOrganisasi(
        n.FinalisasiCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
        ),
        metadata=sekda,
    )
    hasil = await unduh(client.cetak.CetakEvaluasiKinerja(evaluasi(skps[0]), metadata=sutikno))
    t = teks(hasil.isi)
    for bagian in [
        "CAPAIAN KINERJA ORGANISASI BAIK",
        "PREDIKAT KINERJA PEGAWAI SANGAT BAIK",
        "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
        "yang telah dinilai: 3 pegawai",
        "Baik 2 66,7% paling banyak 70% Ya",
        "Sangat Baik 1 33,3%",
        "belum sesuai",
    ]:
        assert bagian in t, bagian
    assert hasil.info.nama_berkas == f"evaluasi-kinerja-{TAHUN_BUKA}-akhir-{data.SUTIKNO}.pdf"


async def test_kurva_penilai_dibaca_pegawai_lewat_skp_nya(client):
    skps = [await skp_disetujui(client, nip=nip) for nip in (data.SUTIKNO, data.WIDANANG)]
    endang = await client.login(nip=data.ENDANG)
    await nilai(client, endang, skps[0], A, A)
    await nilai(client, endang, skps[1], S, n.RATING_UNSPECIFIED)
    sutikno = await client.login(nip=data.SUTIKNO)
    kurva = await client.penilaian.GetKurva(
        n.GetKurvaRequest(skp=skps[0].name, periode=n.PERIODE_AKHIR_TAHUN), metadata=sutikno
    )
    assert (kurva.unor_induk_id, kurva.jumlah_dinilai, kurva.jumlah_belum_dinilai) == (data.BKPSDM, 1, 1)
    await gagal(
        client.penilaian.GetKurva(
            n.GetKurvaRequest(skp=skps[0].name, periode=n.PERIODE_AKHIR_TAHUN),
            metadata=await client.login(nip=data.SUYANTO),
        ),
        C.PERMISSION_DENIED,
    )
    await gagal(
        client.penilaian.GetKurva(
            n.GetKurvaRequest(skp=skps[0].name, unor_induk_id=data.BKPSDM, periode=n.PERIODE_AKHIR_TAHUN),
            metadata=sutikno,
        ),
        C.INVALID_ARGUMENT,
    )
