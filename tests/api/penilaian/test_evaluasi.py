"""Pemantauan dan Evaluasi: Feedback, ratings and predikat, sending back for
revision, Rekap (with XLSX), Capaian Organisasi and the curve."""

import io

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from openpyxl import load_workbook

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, TAHUN_TUTUP, lihat, nilai, periode, skp_disetujui

C = grpc.StatusCode
D, S, A, X = (n.RATING_DIBAWAH_EKSPEKTASI, n.RATING_SESUAI_EKSPEKTASI, n.RATING_DIATAS_EKSPEKTASI, n.RATING_UNSPECIFIED)


async def test_feedback_rhk_dan_perilaku_oleh_penilai(client):
    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    fb = await client.penilaian.CreateFeedback(
        n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang=skp.rhk[0].name, teks="Tingkatkan")),
        metadata=endang,
    )
    await client.penilaian.CreateFeedback(
        n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang="perilaku/AKUNTABEL", teks="Baik 👍")),
        metadata=endang,
    )
    await client.penilaian.CreateFeedback(
        n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang=skp.rhk[0].name, teks="Kedua")),
        metadata=endang,
    )
    err = await gagal(
        client.penilaian.CreateFeedback(
            n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang="perilaku/JUJUR", teks="x")),
            metadata=endang,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "feedback.tentang" in field_violations(err)
    sutikno = await client.login(nip=data.SUTIKNO)
    await gagal(
        client.penilaian.CreateFeedback(
            n.CreateFeedbackRequest(parent=periode(skp), feedback=n.Feedback(tentang="perilaku/AKUNTABEL", teks="x")),
            metadata=sutikno,
        ),
        C.PERMISSION_DENIED,
    )
    dilihat = await lihat(client, sutikno, skp)  # the pegawai reads the feedback on their own SKP
    assert [(f.tentang, f.teks, f.penulis_nama) for f in dilihat.feedback] == [
        (skp.rhk[0].name, "Tingkatkan", "ENDANG SUMARSIH"),
        ("perilaku/AKUNTABEL", "Baik 👍", "ENDANG SUMARSIH"),
        (skp.rhk[0].name, "Kedua", "ENDANG SUMARSIH"),
    ]
    ubah = await client.penilaian.UpdateFeedback(
        n.UpdateFeedbackRequest(feedback=n.Feedback(name=fb.name, teks="Tingkatkan lagi", etag=fb.etag)),
        metadata=endang,
    )
    assert ubah.teks == "Tingkatkan lagi"
    await gagal(client.penilaian.DeleteFeedback(n.DeleteRequest(name=fb.name), metadata=sutikno), C.PERMISSION_DENIED)
    await client.penilaian.DeleteFeedback(n.DeleteRequest(name=fb.name, etag=ubah.etag), metadata=endang)
    assert len((await lihat(client, endang, skp)).feedback) == 2


async def test_rating_memberi_predikat_dan_hanya_oleh_penilai(client):
    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    await gagal(nilai(client, await client.login(nip=data.SUTIKNO), skp, S, S), C.PERMISSION_DENIED)
    await gagal(nilai(client, await client.login(nip=data.KEPALA_BKPSDM), skp, S, S), C.PERMISSION_DENIED)
    separuh = await nilai(client, endang, skp, S, X)
    assert (separuh.periode.predikat, separuh.periode.status) == (
        n.PREDIKAT_UNSPECIFIED,
        n.STATUS_PENILAIAN_BELUM_DINILAI,
    )
    hasil = await nilai(client, endang, skp, S, S, etag=separuh.etag)
    assert (hasil.periode.predikat, hasil.periode.status) == (n.PREDIKAT_BAIK, n.STATUS_PENILAIAN_DINILAI)
    assert hasil.dinilai_oleh == "ENDANG SUMARSIH"
    await gagal(nilai(client, endang, skp, A, A, etag=separuh.etag), C.ABORTED)
    sangat = await nilai(client, endang, skp, A, A, etag=hasil.etag)
    assert sangat.periode.predikat == n.PREDIKAT_SANGAT_BAIK
    err = await gagal(
        client.penilaian.SetRating(n.SetRatingRequest(name=periode(skp), rating_hasil_kerja=9), metadata=endang),
        C.INVALID_ARGUMENT,
    )
    assert "rating_hasil_kerja" in field_violations(err)


async def test_rating_strip_mengembalikan_untuk_perbaikan_walau_lewat_batas(client):
    skp = await skp_disetujui(client, tahun=TAHUN_TUTUP)
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    await nilai(client, endang, skp, S, S, kode="tw1")
    ra = n.CreateRencanaAksiRequest(
        parent=periode(skp, "tw1"), rencana_aksi=n.RencanaAksi(rhk=skp.rhk[0].name, teks="perbaikan")
    )
    await gagal(client.penilaian.CreateRencanaAksi(ra, metadata=sutikno), C.FAILED_PRECONDITION)
    balik = await nilai(client, endang, skp, X, S, kode="tw1")
    assert balik.periode.status == n.STATUS_PENILAIAN_PERLU_PERBAIKAN and balik.periode.terbuka
    await client.penilaian.CreateRencanaAksi(ra, metadata=sutikno)  # reopened for revision
    lagi = await nilai(client, endang, skp, S, D, kode="tw1")
    assert lagi.periode.predikat == n.PREDIKAT_KURANG and not lagi.periode.terbuka


async def test_rekap_bawahan_dengan_progres_dan_xlsx(client):
    a = await skp_disetujui(client)
    b = await skp_disetujui(client, nip=data.WIDANANG)
    sutikno = await client.login(nip=data.SUTIKNO)
    await client.penilaian.UpdateRealisasi(
        n.UpdateRealisasiRequest(
            parent=periode(a), realisasi=n.Realisasi(indikator=a.rhk[0].indikator[0].name, realisasi="3 bulan")
        ),
        metadata=sutikno,
    )
    endang = await client.login(nip=data.ENDANG)
    await nilai(client, endang, b, S, A)
    req = n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN)
    rekap = await client.penilaian.ListRekapPenilaian(req, metadata=endang)
    assert [(r.nama, r.realisasi_terisi, r.jumlah_indikator, r.predikat) for r in rekap.rekap] == [
        ("SUTIKNO", 1, 2, n.PREDIKAT_UNSPECIFIED),
        ("WIDANANG SASMITO AJI", 0, 2, n.PREDIKAT_BAIK),
    ]
    assert (rekap.dinilai, rekap.realisasi_lengkap) == (1, 0)
    cari = await client.penilaian.ListRekapPenilaian(
        n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, query="widan"), metadata=endang
    )
    assert [r.nip for r in cari.rekap] == [data.WIDANANG]
    assert not (await client.penilaian.ListRekapPenilaian(req, metadata=sutikno)).rekap
    berkas = await client.penilaian.ExportRekapPenilaian(req, metadata=endang)
    assert berkas.nama_berkas == f"rekap-penilaian-{TAHUN_BUKA}-akhir.xlsx"
    ws = load_workbook(io.BytesIO(berkas.isi)).active
    assert ws["A1"].value == f"REKAP PENILAIAN BAWAHAN — PENILAIAN AKHIR TAHUN {TAHUN_BUKA}"
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    assert [(r[1], r[2], r[8]) for r in baris] == [
        (data.SUTIKNO, "SUTIKNO", "-"),
        (data.WIDANANG, "WIDANANG SASMITO AJI", "Baik"),
    ]
    assert isinstance(baris[0][1], str)  # the NIP stays text
    err = await gagal(
        client.penilaian.ListRekapPenilaian(n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA), metadata=endang),
        C.INVALID_ARGUMENT,
    )
    assert "periode" in field_violations(err)


async def test_capaian_organisasi_dan_kurva(client):
    skps = [await skp_disetujui(client, nip=nip) for nip in (data.SUTIKNO, data.WIDANANG, data.SUYANTO)]
    endang = await client.login(nip=data.ENDANG)
    for skp, (h, p) in zip(skps, [(A, A), (S, S), (S, S)], strict=True):
        await nilai(client, endang, skp, h, p)
    req = n.GetKurvaRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN)
    tanpa = await client.penilaian.GetKurva(req, metadata=endang)
    assert tanpa.capaian == n.CAPAIAN_UNSPECIFIED and tanpa.sesuai and tanpa.jumlah_dinilai == 3
    # BKPSDM is a unor induk: the pimpinan above it (the Sekda) sets the capaian; not ENDANG, and never
    # the Kepala BKPSDM, whose rating hasil kerja it becomes (docs/domain.md#capaian-kinerja-organisasi).
    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    for md in (endang, kepala):
        await gagal(
            client.penilaian.SetCapaianOrganisasi(
                n.SetCapaianOrganisasiRequest(
                    unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
                ),
                metadata=md,
            ),
            C.PERMISSION_DENIED,
        )
    sekda = await client.login(nip=data.SEKDA)
    cap = await client.penilaian.SetCapaianOrganisasi(
        n.SetCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
        ),
        metadata=sekda,
    )
    assert cap.boleh_diatur and cap.diubah_oleh == data.SEKDA
    err = await gagal(
        client.penilaian.SetCapaianOrganisasi(
            n.SetCapaianOrganisasiRequest(
                unor_induk_id=data.BIDANG, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
            ),
            metadata=sekda,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "unor_induk_id" in field_violations(err)
    kurva = await client.penilaian.GetKurva(req, metadata=endang)
    assert kurva.capaian == n.CAPAIAN_BAIK and not kurva.capaian_final and not kurva.sesuai
    baik = next(d for d in kurva.distribusi if d.predikat == n.PREDIKAT_BAIK)
    assert (baik.jumlah, round(baik.persen, 1), baik.persen_maks, baik.sesuai) == (2, 66.7, 70.0, True)
    assert any("Butuh Perbaikan atau Kurang" in p for p in kurva.pelanggaran)
    await gagal(
        client.penilaian.FinalisasiCapaianOrganisasi(
            n.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
            ),
            metadata=kepala,
        ),
        C.PERMISSION_DENIED,
    )
    await client.penilaian.FinalisasiCapaianOrganisasi(
        n.FinalisasiCapaianOrganisasiRequest(
            unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
        ),
        metadata=sekda,
    )
    await gagal(
        client.penilaian.SetCapaianOrganisasi(
            n.SetCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_ISTIMEWA
            ),
            metadata=sekda,
        ),
        C.FAILED_PRECONDITION,
    )
    # The Kepala BKPSDM still reads the curve of the unit he leads.
    dilihat = await client.penilaian.GetKurva(
        n.GetKurvaRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, unor_induk_id=data.BKPSDM), metadata=kepala
    )
    assert dilihat.capaian_final
    admin = await client.login(username="admin.madiun")
    induk = await client.penilaian.GetKurva(
        n.GetKurvaRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, unor_induk_id=data.BKPSDM), metadata=admin
    )
    assert induk.capaian_final and induk.jumlah_dinilai == 3
    daftar = await client.penilaian.ListCapaianOrganisasi(
        n.ListCapaianOrganisasiRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN), metadata=admin
    )
    assert {(c.unor_induk_id, c.capaian, c.final) for c in daftar.capaian} >= {
        (data.BKPSDM, n.CAPAIAN_BAIK, True),
        (data.JIWAN, n.CAPAIAN_UNSPECIFIED, False),
    }


async def test_capaian_organisasi_siapa_boleh_mengatur(client):
    """Who may set and finalise the capaian of a unor induk: admin instansi and
    the pimpinan of a unit above it; never the induk's own pimpinan; another
    instansi's admin does not learn the unit exists."""

    def atur(unor, md, periode=n.PERIODE_TRIWULAN_I):
        return client.penilaian.SetCapaianOrganisasi(
            n.SetCapaianOrganisasiRequest(
                unor_induk_id=unor, tahun=TAHUN_BUKA, periode=periode, capaian=n.CAPAIAN_BAIK
            ),
            metadata=md,
        )

    admin = await client.login(username="admin.madiun")
    sekda, camat = await client.login(nip=data.SEKDA), await client.login(nip=data.CAMAT)
    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    await gagal(atur(data.JIWAN, camat), C.PERMISSION_DENIED)  # the Camat leads KECAMATAN JIWAN
    await gagal(atur(data.JIWAN, kepala), C.PERMISSION_DENIED)  # a sibling unit's head, not above it
    await gagal(atur(data.SETDA, sekda), C.PERMISSION_DENIED)  # the root: admin instansi only
    assert (await atur(data.JIWAN, sekda)).boleh_diatur
    assert (await atur(data.SETDA, admin)).capaian == n.CAPAIAN_BAIK
    cap = await atur(data.BKPSDM, admin, n.PERIODE_TRIWULAN_II)
    await gagal(
        client.penilaian.FinalisasiCapaianOrganisasi(
            n.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_II, etag=cap.etag
            ),
            metadata=kepala,
        ),
        C.PERMISSION_DENIED,
    )
    assert (
        await client.penilaian.FinalisasiCapaianOrganisasi(
            n.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_II, etag=cap.etag
            ),
            metadata=sekda,
        )
    ).final
    lain = await client.login(username="admin.ngawi")
    await gagal(atur(data.BKPSDM, lain), C.NOT_FOUND)
    await gagal(
        client.penilaian.FinalisasiCapaianOrganisasi(
            n.FinalisasiCapaianOrganisasiRequest(
                unor_induk_id=data.BKPSDM, tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_II
            ),
            metadata=lain,
        ),
        C.NOT_FOUND,
    )
    # The list says which rows the caller may set, so the TUI offers Set Capaian only there.
    for md, boleh in (
        (kepala, set()),
        (sekda, {data.BKPSDM, data.JIWAN}),
        (admin, {data.SETDA, data.BKPSDM, data.JIWAN}),
    ):
        daftar = await client.penilaian.ListCapaianOrganisasi(
            n.ListCapaianOrganisasiRequest(tahun=TAHUN_BUKA, periode=n.PERIODE_TRIWULAN_I), metadata=md
        )
        assert {c.unor_induk_id for c in daftar.capaian if c.boleh_diatur} == boleh


async def test_rating_hasil_pimpinan_unit_induk_mengikuti_capaian(client):
    # The Kepala BKPSDM leads a unor induk; the Sekda rates them.
    skp = await skp_disetujui(client, nip=data.KEPALA_BKPSDM, penilai=data.SEKDA)
    sekda = await client.login(nip=data.SEKDA)
    assert (await lihat(client, sekda, skp)).rating_hasil_dari_capaian  # known before any rating
    err = await gagal(nilai(client, sekda, skp, A, S), C.FAILED_PRECONDITION)
    assert "belum difinalisasi" in err.details()
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
    err = await gagal(nilai(client, sekda, skp, S, S), C.INVALID_ARGUMENT)
    assert "capaian" in field_violations(err)["rating_hasil_kerja"]
    hasil = await nilai(client, sekda, skp, X, S)  # "-" for hasil: taken from the capaian
    assert hasil.rating_hasil_dari_capaian and hasil.periode.rating_hasil_kerja == A
    assert hasil.periode.predikat == n.PREDIKAT_BAIK


async def test_dua_rating_pertama_bersamaan_tidak_gagal(client):
    """Two sessions of the penilai rate a period for the first time at once:
    both create the same row; the loser retries and updates it."""
    import asyncio

    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    hasil = await asyncio.gather(*(nilai(client, endang, skp, r, S) for r in (S, A, S, A)), return_exceptions=True)
    gagal_ = [h for h in hasil if isinstance(h, BaseException)]
    assert all(isinstance(h, grpc.aio.AioRpcError) and h.code() == C.ABORTED for h in gagal_), gagal_
    assert (await lihat(client, endang, skp)).periode.status == n.STATUS_PENILAIAN_DINILAI


async def test_catatan_rekomendasi_oleh_penilai_per_periode(client):
    import asyncio

    skp = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    sutikno = await client.login(nip=data.SUTIKNO)

    def tulis(teks, md=endang, kode="akhir", etag=""):
        return client.penilaian.SetCatatanEvaluasi(
            n.SetCatatanEvaluasiRequest(name=periode(skp, kode), catatan=teks, etag=etag), metadata=md
        )

    await gagal(tulis("Catatan saya sendiri", md=sutikno), C.PERMISSION_DENIED)
    await gagal(tulis("x", md=await client.login(nip=data.KEPALA_BKPSDM)), C.PERMISSION_DENIED)
    err = await gagal(tulis("x" * 2001), C.INVALID_ARGUMENT)
    assert "catatan" in field_violations(err)
    # First writes at once (no row yet): each succeeds or is told to retry, never an internal error.
    hasil = await asyncio.gather(*(tulis(f"Catatan {i}") for i in range(20)), return_exceptions=True)
    gagal_ = [h for h in hasil if isinstance(h, BaseException)]
    assert all(isinstance(h, grpc.aio.AioRpcError) and h.code() == C.ABORTED for h in gagal_), gagal_
    pertama = await tulis("Tingkatkan kompetensi melalui pelatihan kearsipan.")
    assert pertama.catatan == "Tingkatkan kompetensi melalui pelatihan kearsipan." and pertama.catatan_etag
    assert pertama.etag == ""  # the ratings are untouched
    # The pegawai reads it; another period has its own.
    assert (await lihat(client, sutikno, skp)).catatan == pertama.catatan
    assert (
        await client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=periode(skp, "tw1")), metadata=sutikno)
    ).catatan == ""
    kedua = await tulis("Pertahankan.", etag=pertama.catatan_etag)
    await gagal(tulis("Basi", etag=pertama.catatan_etag), C.ABORTED)
    kosong = await tulis("", etag=kedua.catatan_etag)
    assert kosong.catatan == ""
