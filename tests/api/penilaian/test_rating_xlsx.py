"""Rating for many (docs/isian-xlsx.md): an atasan with 100 bawahan
downloads the rekap as a rating template, fills the two ratings (and a
catatan), checks the curve before saving, and saves; only his own
bawahan's rows are taken."""

import grpc
from ekinerja.penilaian.v1 import penilaian_pb2 as n

from bench.isi_massal import skp_bawahan
from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, lihat, skp_disetujui
from tests.api.penilaian.xlsx import buka, simpan, unduh, unggah_rating

C = grpc.StatusCode
AKHIR = n.PERIODE_AKHIR_TAHUN
KOLOM = {"SKP ID": 1, "NIP": 2, "HASIL": 5, "PERILAKU": 6, "CATATAN": 7}


async def _template(client, md, tahun=TAHUN_BUKA, periode=AKHIR):
    return await unduh(
        client.penilaian.UnduhRatingBawahan(n.ListRekapPenilaianRequest(tahun=tahun, periode=periode), metadata=md)
    )


async def test_atasan_menilai_seratus_bawahan_dari_satu_berkas(server, client):
    sutikno = await skp_disetujui(client)
    await skp_bawahan(
        server.context.databases["skp"],
        penilai_nip=data.ENDANG,
        penilai_nama="ENDANG SUMARSIH",
        instansi_id=data.INSTANSI,
        unor_id=data.BIDANG,
        tahun=TAHUN_BUKA,
        jumlah=99,
    )
    endang = await client.login(nip=data.ENDANG)
    nama, isi = await _template(client, endang)
    assert nama == f"rating-bawahan-{TAHUN_BUKA}-akhir.xlsx"
    wb = buka(isi)
    ws = wb["Rating"]
    assert ws.max_row == 101 and ws["B2"].data_type == "s" and ws["B2"].number_format == "@"
    # 20 Diatas, 60 Sesuai, 20 Dibawah on both ratings; a catatan for SUTIKNO.
    for i, row in enumerate(range(2, 102)):
        nilai = "DIATAS EKSPEKTASI" if i < 20 else "SESUAI" if i < 80 else "1"  # label, first word, number
        ws.cell(row, KOLOM["HASIL"], nilai)
        ws.cell(row, KOLOM["PERILAKU"], nilai)
        if ws.cell(row, KOLOM["SKP ID"]).value == sutikno.id:
            ws.cell(row, KOLOM["CATATAN"], "Pertahankan kinerja")
    berkas = simpan(wb)

    # The curve first: as it would be, nothing saved.
    cek = await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, berkas, mode=n.MODE_UNGGAH_UNSPECIFIED)
    assert (cek.jumlah_baris, cek.baris_sah, cek.berubah, cek.disimpan) == (100, 100, 100, False)
    assert cek.kurva.jumlah_dinilai == 100 and cek.kurva.jumlah_belum_dinilai == 0
    jumlah = {b.predikat: b.jumlah for b in cek.kurva.distribusi}
    assert (jumlah[n.PREDIKAT_SANGAT_BAIK], jumlah[n.PREDIKAT_BAIK], jumlah[n.PREDIKAT_SANGAT_KURANG]) == (20, 60, 20)
    req = n.ListRekapPenilaianRequest(tahun=TAHUN_BUKA, periode=AKHIR)
    assert (await client.penilaian.ListRekapPenilaian(req, metadata=endang)).dinilai == 0

    simpanan = await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, berkas)
    assert (simpanan.berubah, simpanan.disimpan, simpanan.kurva.jumlah_dinilai) == (100, True, 100)
    assert (await client.penilaian.ListRekapPenilaian(req, metadata=endang)).dinilai == 100
    p = await lihat(client, await client.login(nip=data.SUTIKNO), sutikno)
    assert p.periode.rating_hasil_kerja == p.periode.rating_perilaku_kerja
    assert p.catatan == "Pertahankan kinerja" and p.dinilai_oleh == "ENDANG SUMARSIH"
    # Again: nothing twice. The new template holds what was saved, and changes nothing either.
    assert (await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, berkas)).berubah == 0
    assert (await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, (await _template(client, endang))[1])).berubah == 0


async def test_sel_salah_dan_bawahan_orang_lain(client):
    sutikno = await skp_disetujui(client)
    endang = await client.login(nip=data.ENDANG)
    _, isi = await _template(client, endang)
    wb = buka(isi)
    ws = wb["Rating"]
    assert ws["A2"].value == sutikno.id
    ws["E2"], ws["F2"], ws["G2"] = "Luar biasa", "SESUAI EKSPEKTASI", "x" * 2001
    hasil = await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, simpan(wb), mode=n.MODE_UNGGAH_YANG_SAH)
    salah = {(k.lembar, k.baris, k.kolom, k.field) for k in hasil.kesalahan}
    assert salah == {("Rating", 2, "E", "rating_hasil_kerja")}  # the row stops at its first refused cell
    assert (hasil.disimpan, hasil.berubah) == (False, 0)
    ws["E2"] = "SESUAI EKSPEKTASI"
    hasil = await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, simpan(wb))
    assert [(k.kolom, k.field, k.pesan) for k in hasil.kesalahan] == [
        ("G", "catatan", "maksimal 2000 karakter (sekarang 2001)")
    ]
    assert (await lihat(client, endang, sutikno)).periode.rating_hasil_kerja == n.RATING_UNSPECIFIED  # nothing half
    # A NIP that is not this row's SKP's (rows sorted by one column only), or lost its digits.
    ws["G2"] = ""
    ws["B2"] = data.WIDANANG
    (k,) = (await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, simpan(wb))).kesalahan
    assert (k.kolom, k.judul) == ("B", "NIP") and "bukan milik SKP" in k.pesan
    ws["B2"] = float(data.SUTIKNO)
    (k,) = (await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, simpan(wb))).kesalahan
    assert (k.kolom, "kehilangan digit" in k.pesan) == ("B", True)
    # Another atasan's upload of this file: SUTIKNO's SKP is not his to know of.
    ws["B2"] = data.SUTIKNO
    err = await gagal(
        unggah_rating(client, await client.login(nip=data.KEPALA_BKPSDM), TAHUN_BUKA, AKHIR, simpan(wb)), C.NOT_FOUND
    )
    assert "bukan" not in err.details() or "bawahan Anda" in err.details()
    # Another period's template.
    err = await gagal(unggah_rating(client, endang, TAHUN_BUKA, n.PERIODE_TRIWULAN_I, simpan(wb)), C.INVALID_ARGUMENT)
    assert "bukan TRIWULAN I" in field_violations(err)["isi"]
    # Now valid: saved.
    hasil = await unggah_rating(client, endang, TAHUN_BUKA, AKHIR, simpan(wb))
    assert (hasil.disimpan, hasil.berubah, list(hasil.kesalahan)) == (True, 1, [])
    assert (await lihat(client, endang, sutikno)).periode.predikat == n.PREDIKAT_BAIK
