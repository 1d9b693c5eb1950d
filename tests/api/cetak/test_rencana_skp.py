"""Cetak Rencana SKP: the annex layout with the test organisation's people,
anchors exactly once, who may print it, and the record of each print."""

import grpc
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.skp.v1 import skp_pb2 as s

from tests import data
from tests.api.cetak.bantu import TANGGAL, halaman, teks, unduh
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, skp_disetujui
from tests.api.skp.bantu import buat_skp, rid, tambah_indikator, tambah_rhk

C = grpc.StatusCode


def rencana(skp, **kw) -> c.CetakRencanaSkpRequest:
    return c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, **kw)


async def test_rencana_skp_memuat_kepala_identitas_hasil_kerja_perilaku_dan_lampiran(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    hasil = await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=sutikno))
    assert hasil.info.media_type == "application/pdf"
    assert hasil.info.nama_berkas == f"rencana-skp-{TAHUN_BUKA}-{data.SUTIKNO}.pdf"
    assert set(halaman(hasil.isi)) == {(595, 842)}  # A4 portrait
    t = teks(hasil.isi)
    for bagian in [
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PEMERINTAH KAB. MADIUN",
        f"PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN {TAHUN_BUKA}",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "SUTIKNO",
        data.SUTIKNO,
        "ENDANG SUMARSIH",
        data.ENDANG,
        "Penata Tingkat I / III/d",
        "PENGADMINISTRASI KEPEGAWAIAN",
        "BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI",
        "HASIL KERJA",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "INDIKATOR KINERJA INDIVIDU",
        "A. UTAMA",
        "B. TAMBAHAN",
        "RHK 1",
        "RHK 2",
        "Indikator 1",
        "12 bulan",
        "Kuantitas",
        "PERILAKU KERJA",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "EKSPEKTASI KHUSUS PIMPINAN",
        # The BerAKHLAK uraian word for word as the manual.
        "Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia pada NKRI",
        "Menjaga nama baik sesama ASN, Pimpinan, Instansi dan Negara",
        "berbagai sumberdaya untuk tujuan bersama",
        "LAMPIRAN SASARAN KINERJA PEGAWAI",
        "DUKUNGAN SUMBER DAYA",
        "SKEMA PERTANGGUNGJAWABAN",
        "KONSEKUENSI",
        # LOKASI defaults to the instansi's ("MADIUN"), printed as a place.
        "Madiun, 5 September 2023",
        "Pegawai yang Dinilai",
        "Pejabat Penilai Kinerja",
    ]:
        assert bagian in t, bagian
    assert t.count("12 bulan") == 2


async def test_anchor_tepat_sekali_dan_yang_bentrok_ditolak(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    hasil = await unduh(
        client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="^", anchor_penilai="$#"), metadata=sutikno)
    )
    t = teks(hasil.isi)
    assert t.count("^") == 1 and t.count("$#") == 1
    tanpa = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=sutikno))).isi)
    assert "^" not in tanpa and "$#" not in tanpa
    err = await gagal(
        unduh(client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="RHK"), metadata=sutikno)), C.INVALID_ARGUMENT
    )
    assert "anchor_pegawai" in field_violations(err)
    err = await gagal(
        unduh(client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="#", anchor_penilai="#"), metadata=sutikno)),
        C.INVALID_ARGUMENT,
    )
    assert "anchor_penilai" in field_violations(err)
    # One inside the other would make the shorter one occur twice.
    err = await gagal(
        unduh(client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="#", anchor_penilai="##"), metadata=sutikno)),
        C.INVALID_ARGUMENT,
    )
    assert "anchor_pegawai" in field_violations(err)
    err = await gagal(
        unduh(client.cetak.CetakRencanaSkp(rencana(skp, anchor_pegawai="a\nb"), metadata=sutikno)), C.INVALID_ARGUMENT
    )
    assert "anchor_pegawai" in field_violations(err)


async def test_hanya_pegawai_penilai_dan_helpdesk_instansi_yang_mencetak(client):
    skp = await skp_disetujui(client)
    for login in ({"nip": data.SUTIKNO}, {"nip": data.ENDANG}, {"username": "helpdesk.bkpsdm"}):
        hasil = await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=await client.login(**login)))
        assert "SUTIKNO" in teks(hasil.isi)
    for login in (
        {"nip": data.WIDANANG},
        {"nip": data.KEPALA_BKPSDM},
        {"username": "admin.madiun"},
        {"username": "layanan.siasn"},
    ):
        await gagal(
            unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=await client.login(**login))), C.PERMISSION_DENIED
        )
    # Another instansi's SKP is as unknown as one that does not exist.
    await gagal(
        unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=await client.login(username="admin.ngawi"))),
        C.NOT_FOUND,
    )


async def test_rencana_skp_belum_disetujui_dicetak_bertanda_draf(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    draft = await buat_skp(client, sutikno, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    t = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(draft), metadata=sutikno))).isi)
    assert "SASARAN KINERJA PEGAWAI" in t and "SUTIKNO" in t
    assert "DRAF — belum disetujui pejabat penilai kinerja (status SKP: DRAFT)" in t
    pratinjau = await client.cetak.PratinjauDokumen(
        c.PratinjauDokumenRequest(rencana_skp=rencana(draft)), metadata=sutikno
    )
    assert "DRAF — belum disetujui pejabat penilai kinerja (status SKP: DRAFT)" in pratinjau.baris
    r = await tambah_rhk(client, sutikno, draft, teks="RHK 1")
    await tambah_indikator(client, sutikno, r)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=draft.name), metadata=sutikno)
    t = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(draft), metadata=sutikno))).isi)
    assert "(status SKP: PENGAJUAN)" in t and "RHK 1" in t
    # Once approved, no mark.
    await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=draft.name), metadata=await client.login(nip=data.ENDANG))
    assert "DRAF" not in teks((await unduh(client.cetak.CetakRencanaSkp(rencana(draft), metadata=sutikno))).isi)
    await gagal(
        unduh(client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp="skp/x"), metadata=sutikno)), C.INVALID_ARGUMENT
    )
    await gagal(
        unduh(client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp="skp/" + "0" * 32), metadata=sutikno)),
        C.NOT_FOUND,
    )


async def test_setiap_cetakan_dicatat_dan_request_id_yang_sama_tidak_mencetak_dua_kali(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    endang = await client.login(nip=data.ENDANG)
    request_id = rid()
    pertama = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, request_id=request_id), metadata=sutikno))
    ulang = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, request_id=request_id), metadata=sutikno))
    assert (ulang.isi, ulang.info) == (pertama.isi, pertama.info)
    kedua = await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=endang))
    daftar = await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(sumber=skp.name), metadata=endang)
    assert [(r.pencetak, r.pencetak_nama, r.sha256) for r in daftar.riwayat] == [
        (data.ENDANG, "ENDANG SUMARSIH", kedua.info.sha256),
        (data.SUTIKNO, "SUTIKNO", pertama.info.sha256),
    ]
    r = daftar.riwayat[1]
    assert (r.name, r.jenis, r.sumber, r.pegawai_nip, r.nama_berkas, r.ukuran) == (
        pertama.info.riwayat.name,
        c.JENIS_CETAK_RENCANA_SKP,
        skp.name,
        data.SUTIKNO,
        pertama.info.nama_berkas,
        len(pertama.isi),
    )
    sendiri = await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(), metadata=sutikno)
    assert [x.sha256 for x in sendiri.riwayat] == [pertama.info.sha256]
    halaman1 = await client.cetak.ListRiwayatCetak(
        c.ListRiwayatCetakRequest(sumber=skp.name, page_size=1), metadata=endang
    )
    halaman2 = await client.cetak.ListRiwayatCetak(
        c.ListRiwayatCetakRequest(sumber=skp.name, page_size=1, page_token=halaman1.next_page_token), metadata=endang
    )
    assert [x.name for x in [*halaman1.riwayat, *halaman2.riwayat]] == [x.name for x in daftar.riwayat]
    assert not halaman2.next_page_token
    await gagal(
        client.cetak.ListRiwayatCetak(
            c.ListRiwayatCetakRequest(sumber=skp.name), metadata=await client.login(username="admin.madiun")
        ),
        C.PERMISSION_DENIED,
    )
    # The same id for another print is a mistake, not a retry.
    err = await gagal(
        unduh(
            client.cetak.CetakFormPenilaian(
                c.CetakFormPenilaianRequest(request_id=request_id, penilaian=f"penilaian/{skp.id}/periode/akhir"),
                metadata=sutikno,
            )
        ),
        C.INVALID_ARGUMENT,
    )
    assert "request_id" in field_violations(err)


async def test_dialog_dan_pratinjau(client):
    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    helpdesk = await client.login(username="helpdesk.bkpsdm")
    for md in (sutikno, helpdesk):
        dialog = await client.cetak.GetDialogCetak(
            c.GetDialogCetakRequest(jenis=c.JENIS_CETAK_RENCANA_SKP, sumber=skp.name), metadata=md
        )
        bawaan = {i.kode: i.bawaan for i in dialog.isian}
        assert bawaan["lokasi"] == "MADIUN" and len(bawaan["tanggal"]) == 10
        assert bawaan["anchor_pegawai"] == ""
    evaluasi = await client.cetak.GetDialogCetak(
        c.GetDialogCetakRequest(jenis=c.JENIS_CETAK_EVALUASI_KINERJA, sumber=f"penilaian/{skp.id}/periode/akhir"),
        metadata=sutikno,
    )
    assert {i.kode for i in evaluasi.isian} >= {"tanggal_pegawai", "lokasi_penilai"}
    assert {i.bawaan for i in evaluasi.isian if i.kode.startswith("lokasi")} == {"MADIUN"}
    assert "difinalisasi" in evaluasi.catatan
    pratinjau = await client.cetak.PratinjauDokumen(
        c.PratinjauDokumenRequest(rencana_skp=rencana(skp, anchor_pegawai="^")), metadata=sutikno
    )
    assert pratinjau.nama_berkas == f"rencana-skp-{TAHUN_BUKA}-{data.SUTIKNO}.pdf"
    assert pratinjau.baris[0] == "SASARAN KINERJA PEGAWAI"
    gabung = "\n".join(pratinjau.baris)
    assert "RENCANA HASIL KERJA: RHK 1" in gabung and "[anchor ^]" in gabung and "NAMA: SUTIKNO" in gabung
    await gagal(
        client.cetak.PratinjauDokumen(
            c.PratinjauDokumenRequest(rencana_skp=rencana(skp, anchor_pegawai="SUTIKNO")), metadata=sutikno
        ),
        C.INVALID_ARGUMENT,
    )
    jenis = await client.cetak.ListJenisDokumen(c.ListJenisDokumenRequest(), metadata=sutikno)
    assert [d.jenis for d in jenis.dokumen] == [
        c.JENIS_CETAK_RENCANA_SKP,
        c.JENIS_CETAK_FORM_PENILAIAN,
        c.JENIS_CETAK_EVALUASI_KINERJA,
    ]
    assert s.STATUS_SKP_PERSETUJUAN == skp.status


async def test_berkas_untuk_ulangan_dibuang_setelah_sehari_catatannya_tetap(client, server):
    import datetime as dt

    from services.cetak.usecases.riwayat import purge

    skp = await skp_disetujui(client)
    sutikno = await client.login(nip=data.SUTIKNO)
    request_id = rid()
    pertama = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, request_id=request_id), metadata=sutikno))
    await purge(server.context.databases["cetak"], now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    # The retry window is over: the same id now prints (and records) anew.
    baru = await unduh(client.cetak.CetakRencanaSkp(rencana(skp, request_id=request_id), metadata=sutikno))
    assert baru.info.riwayat.name != pertama.info.riwayat.name
    daftar = await client.cetak.ListRiwayatCetak(c.ListRiwayatCetakRequest(sumber=skp.name), metadata=sutikno)
    assert [r.name for r in daftar.riwayat][1] == pertama.info.riwayat.name


async def test_format_jpt_bagi_pimpinan_unit_induk_dan_biasa_bagi_pimpinan_lain(client):
    # KEPALA BKPSDM leads a unor induk (a Badan): the JPT / unit kerja mandiri format.
    kepala = await skp_disetujui(client, nip=data.KEPALA_BKPSDM, penilai=data.SEKDA)
    md = await client.login(nip=data.KEPALA_BKPSDM)
    t = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(kepala), metadata=md))).isi)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in t
    assert "RENCANA HASIL KERJA INDIKATOR KINERJA INDIVIDU TARGET" in t and "RHK 1 Indikator 1 12 bulan" in t
    assert "DIINTERVENSI" not in t and "ASPEK" not in t and "PEJABAT ADMINISTRASI" not in t
    form = teks(
        (
            await unduh(
                client.cetak.CetakFormPenilaian(
                    c.CetakFormPenilaianRequest(penilaian=f"penilaian/{kepala.id}/periode/akhir", tanggal=TANGGAL),
                    metadata=md,
                )
            )
        ).isi
    )
    assert "EVALUASI KINERJA PEGAWAI" in form and "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in form
    assert "DIINTERVENSI" not in form
    # ENDANG leads a Bidang, not a unor induk: the regular format.
    endang = await skp_disetujui(client, nip=data.ENDANG, penilai=data.KEPALA_BKPSDM)
    t = teks(
        (await unduh(client.cetak.CetakRencanaSkp(rencana(endang), metadata=await client.login(nip=data.ENDANG)))).isi
    )
    assert "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in t and "DIINTERVENSI" in t


async def test_kualitatif_satu_kolom_ukuran_keberhasilan_dan_target(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(
        client, sutikno, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31), pendekatan=s.PENDEKATAN_KUALITATIF
    )
    r = await tambah_rhk(client, sutikno, skp, teks="RHK kualitatif")
    await tambah_indikator(client, sutikno, r, target="Laporan diterima pimpinan", teks="Laporan tersusun")
    t = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=sutikno))).isi)
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in t
    assert "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET" in t
    assert "Laporan tersusun: Laporan diterima pimpinan" in t


async def test_format_jpt_mengelompokkan_rhk_menurut_perspektif(client):
    # docs/domain.md#format-jpt-dan-unit-kerja-mandiri: the annex's perspektif order, the
    # RHK without one last; Rencana SKP and the Form Evaluasi alike.
    md = await client.login(nip=data.KEPALA_BKPSDM)
    skp = await buat_skp(client, md, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    for judul, perspektif in [("RHK anggaran", "Perspektif Anggaran"), ("RHK layanan", "Perspektif Penerima Layanan")]:
        r = await tambah_rhk(
            client, md, skp, teks=judul, klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI, perspektif=perspektif
        )
        await tambah_indikator(client, md, r, target="12 bulan", teks=f"IKI {judul}")
    r = await tambah_rhk(client, md, skp, teks="RHK lain", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI)
    await tambah_indikator(client, md, r, target="4 laporan", teks="IKI lain")
    t = teks((await unduh(client.cetak.CetakRencanaSkp(rencana(skp), metadata=md))).isi)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in t
    assert (
        "Perspektif Penerima Layanan 1 RHK layanan IKI RHK layanan 12 bulan "
        "Perspektif Anggaran 2 RHK anggaran IKI RHK anggaran 12 bulan "
        "Tanpa perspektif 3 RHK lain IKI lain 4 laporan"
    ) in t
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=await client.login(nip=data.SEKDA))
    form = teks(
        (
            await unduh(
                client.cetak.CetakFormPenilaian(
                    c.CetakFormPenilaianRequest(penilaian=f"penilaian/{skp.id}/periode/akhir", tanggal=TANGGAL),
                    metadata=md,
                )
            )
        ).isi
    )
    assert "Perspektif Penerima Layanan 1 RHK layanan" in form and "Perspektif Anggaran 2 RHK anggaran" in form
    # A regular SKP prints no perspektif.
    sutikno = await client.login(nip=data.SUTIKNO)
    biasa = await buat_skp(client, sutikno, awal=(TAHUN_BUKA, 1, 1), akhir=(TAHUN_BUKA, 12, 31))
    await tambah_rhk(client, sutikno, biasa, teks="RHK biasa")
    assert "Perspektif" not in teks((await unduh(client.cetak.CetakRencanaSkp(rencana(biasa), metadata=sutikno))).isi)
