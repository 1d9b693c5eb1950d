"""Isian periode from XLSX (docs/isian-xlsx.md): the pegawai downloads the
template of a period, fills it in a spreadsheet and uploads it; every row
is checked by the single RPCs' code, errors name sheet/row/column, nothing
is saved unless every row is valid (or YANG_SAH), and a second upload of the
same file saves nothing twice."""

import io
import zipfile

import grpc
import pytest
from ekinerja.penilaian.v1 import penilaian_pb2 as n

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_TUTUP, lihat, periode, skp_disetujui
from tests.api.penilaian.xlsx import buka, dengan_cache_rumus, simpan, unduh, unggah_isian

C = grpc.StatusCode


async def _template(client, md, skp, kode="akhir"):
    return await unduh(
        client.penilaian.UnduhIsianPeriode(n.UnduhIsianPeriodeRequest(name=periode(skp, kode)), metadata=md)
    )


def _isi_lengkap(wb, skp):
    """Every sheet filled: a rencana aksi and a bukti dukung per RHK, each realisasi."""
    ra, bd, re = wb["Rencana Aksi"], wb["Bukti Dukung"], wb["Realisasi"]
    for row in range(2, ra.max_row + 1):
        ra.cell(row, 4, f"Rencana aksi {ra.cell(row, 3).value}")
    for row in range(2, bd.max_row + 1):
        bd.cell(row, 4, f"Dokumen {bd.cell(row, 3).value}")
        bd.cell(row, 5, "https://drive.google.com/file/d/abc")
    for row in range(2, re.max_row + 1):
        re.cell(row, 5, "3 bulan")
        re.cell(row, 6, "Arsip SK")


async def test_template_diisi_dan_diunggah_sekali_saja(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    nama, isi = await _template(client, md, skp)
    assert nama == f"isian-{data.SUTIKNO}-{skp.periode_awal.year}-akhir.xlsx"
    wb = buka(isi)
    assert wb.sheetnames == ["Info", "Rencana Aksi", "Bukti Dukung", "Realisasi"]
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(min_row=2, values_only=True)}
    assert info["NIP"] == data.SUTIKNO and info["PERIODE ID"] == periode(skp)
    assert wb["Info"]["B3"].data_type == "s" and wb["Info"]["B3"].number_format == "@"  # NIP as text
    ra = wb["Rencana Aksi"]
    assert [c.value for c in ra[1]] == ["ID", "RHK ID", "RHK", "RENCANA AKSI"]
    assert [(r[0], r[1]) for r in ra.iter_rows(min_row=2, values_only=True)] == [(None, x.id) for x in skp.rhk]
    _isi_lengkap(wb, skp)
    berkas = simpan(wb)

    # Check only: the answer, nothing saved.
    cek = await unggah_isian(client, md, periode(skp), berkas, mode=n.MODE_UNGGAH_UNSPECIFIED)
    assert (cek.jumlah_baris, cek.baris_sah, cek.berubah, cek.disimpan, list(cek.kesalahan)) == (6, 6, 6, False, [])
    kosong = await lihat(client, md, skp)
    assert not kosong.rencana_aksi and not kosong.realisasi

    hasil = await unggah_isian(client, md, periode(skp), berkas)
    assert (hasil.baris_sah, hasil.berubah, hasil.disimpan) == (6, 6, True)
    p = await lihat(client, md, skp)
    assert sorted(r.teks for r in p.rencana_aksi) == ["Rencana aksi RHK 1", "Rencana aksi RHK 2"]
    assert [b.tautan for b in p.bukti_dukung] == ["https://drive.google.com/file/d/abc"] * 2
    assert {r.realisasi for r in p.realisasi} == {"3 bulan"}

    # The same file again (a new request): nothing twice.
    lagi = await unggah_isian(client, md, periode(skp), berkas)
    assert (lagi.baris_sah, lagi.berubah, lagi.disimpan) == (6, 0, False)
    # The new template holds the ids; uploaded as it is, it changes nothing; one text changed, one row.
    _, isi2 = await _template(client, md, skp)
    wb2 = buka(isi2)
    ids = sorted(r[0] for r in wb2["Rencana Aksi"].iter_rows(min_row=2, values_only=True))
    assert ids == sorted(r.name.rsplit("/", 1)[1] for r in p.rencana_aksi)
    assert (await unggah_isian(client, md, periode(skp), isi2)).berubah == 0
    wb2["Rencana Aksi"]["D2"] = "Rencana aksi diubah"
    ubah = await unggah_isian(client, md, periode(skp), simpan(wb2))
    assert (ubah.berubah, ubah.disimpan) == (1, True)
    p2 = await lihat(client, md, skp)
    assert "Rencana aksi diubah" in {r.teks for r in p2.rencana_aksi} and len(p2.rencana_aksi) == 2


async def test_setiap_jenis_sel_salah_disebut_dan_tidak_ada_yang_disimpan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    wb = buka((await _template(client, md, skp))[1])
    _isi_lengkap(wb, skp)
    wb2 = buka(simpan(wb))
    await unggah_isian(client, md, periode(skp), simpan(wb))
    ra_id = (await lihat(client, md, skp)).rencana_aksi[0].name.rsplit("/", 1)[1]
    ra, bd, re = wb2["Rencana Aksi"], wb2["Bukti Dukung"], wb2["Realisasi"]
    for row in (2, 3):  # new texts, so that the valid rows change something
        ra.cell(row, 4, f"Baru {row}")
    ra.append([ra_id, skp.rhk[0].id, "", ""])  # row 4: an id's text emptied
    ra.append(["", "f" * 32, "", "Rencana"])  # row 5: not an RHK of this SKP
    ra.append(["e" * 32, skp.rhk[0].id, "", "Teks"])  # row 6: no such rencana aksi
    ra.append(["", 1.5e20, "", "Teks"])  # row 7: an id that lost digits
    ra.append(["", skp.rhk[0].id, "", "x" * 2001])  # row 8: too long
    bd["E2"] = "javascript:alert(1)"  # bukti dukung row 2: a bad link
    bd.append(["", skp.rhk[1].id, "", "x" * 301, "https://a.example/"])  # row 4: the name too long
    re["E2"] = "selesai"  # Kuantitatif: no number
    re.append(["0" * 32, "", "", "", "1 dokumen", ""])  # row 4: not an indikator
    berkas = simpan(wb2)

    hasil = await unggah_isian(client, md, periode(skp), berkas)
    salah = {(k.lembar, k.baris, k.kolom): (k.judul, k.field, k.pesan) for k in hasil.kesalahan}
    assert salah == {
        ("Rencana Aksi", 4, "D"): ("RENCANA AKSI", "rencana_aksi.teks", "wajib diisi"),
        ("Rencana Aksi", 5, "B"): ("RHK ID", "rencana_aksi.rhk", "bukan RHK dari SKP ini"),
        ("Rencana Aksi", 6, "A"): ("ID", "", "Rencana aksi tidak ditemukan."),
        ("Rencana Aksi", 7, "B"): ("RHK ID", "rencana_aksi.rhk", salah[("Rencana Aksi", 7, "B")][2]),
        ("Rencana Aksi", 8, "D"): ("RENCANA AKSI", "rencana_aksi.teks", "maksimal 2000 karakter (sekarang 2001)"),
        ("Bukti Dukung", 2, "E"): ("TAUTAN", "bukti_dukung.tautan", salah[("Bukti Dukung", 2, "E")][2]),
        ("Bukti Dukung", 4, "D"): ("NAMA BUKTI DUKUNG", "bukti_dukung.nama", "maksimal 300 karakter (sekarang 301)"),
        ("Realisasi", 2, "E"): ("REALISASI", "realisasi.realisasi", salah[("Realisasi", 2, "E")][2]),
        ("Realisasi", 4, "A"): ("INDIKATOR ID", "realisasi.indikator", "bukan indikator dari SKP ini"),
    }, salah
    assert "kehilangan digit" in salah[("Rencana Aksi", 7, "B")][2]
    assert "http" in salah[("Bukti Dukung", 2, "E")][2] and "angka" in salah[("Realisasi", 2, "E")][2]
    assert (hasil.disimpan, hasil.berubah) == (False, 2)
    sebelum = await lihat(client, md, skp)
    assert {r.teks for r in sebelum.rencana_aksi} == {"Rencana aksi RHK 1", "Rencana aksi RHK 2"}
    assert sebelum.bukti_dukung[0].tautan.startswith("https://")

    # "Apply the valid rows": the two new texts; every refused row as it was.
    sebagian = await unggah_isian(client, md, periode(skp), berkas, mode=n.MODE_UNGGAH_YANG_SAH)
    assert (sebagian.disimpan, sebagian.berubah, len(sebagian.kesalahan)) == (True, 2, 9)
    sesudah = await lihat(client, md, skp)
    assert {r.teks for r in sesudah.rencana_aksi} == {"Rencana aksi RHK 1", "Rencana aksi RHK 2", "Baru 2", "Baru 3"}
    assert [b.tautan for b in sesudah.bukti_dukung] == [b.tautan for b in sebelum.bukti_dukung]
    assert {r.realisasi for r in sesudah.realisasi} == {"3 bulan"}


async def test_nip_angka_dan_rumus(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    _, isi = await _template(client, md, skp)
    wb = buka(isi)
    # An 18-digit NIP stored as a number has lost its last digits (a spreadsheet keeps 15; openpyxl
    # writes 1.96903232002121e+17 too): the file is refused, saying so, not matched to a wrong NIP.
    wb["Info"]["B3"] = int(data.SUTIKNO)
    err = await gagal(unggah_isian(client, md, periode(skp), simpan(wb)), C.INVALID_ARGUMENT)
    assert "kehilangan digit" in field_violations(err)["isi"]
    # A formula counts as the value it showed when saved; one never computed reads as empty.
    wb = buka(isi)
    wb["Rencana Aksi"]["D2"] = '="Rapat "&"koordinasi"'
    wb["Rencana Aksi"]["D3"] = '="tidak"&"dihitung"'
    hasil = await unggah_isian(client, md, periode(skp), dengan_cache_rumus(simpan(wb), 2, "D2", "Rapat koordinasi"))
    assert (hasil.berubah, hasil.disimpan, list(hasil.kesalahan)) == (1, True, [])
    assert [r.teks for r in (await lihat(client, md, skp)).rencana_aksi] == ["Rapat koordinasi"]


async def test_berkas_ditolak_sebelum_dibaca(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    _, isi = await _template(client, md, skp)

    async def tolak(berkas, kata, nama="isian.xlsx", name="", md=md, code=C.INVALID_ARGUMENT):
        err = await gagal(unggah_isian(client, md, name or periode(skp), berkas, nama_berkas=nama), code)
        if kata:
            assert kata in " ".join(field_violations(err).values()), field_violations(err)

    await tolak(b"bukan zip", "bukan berkas XLSX")
    await tolak(isi, ".xlsx", nama="isian.xlsm")
    makro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as asal, zipfile.ZipFile(makro, "w") as z:
        for info in asal.infolist():
            z.writestr(info, asal.read(info.filename))
        z.writestr("xl/vbaProject.bin", b"\0" * 10)
    await tolak(makro.getvalue(), "makro")
    await tolak(b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024), "paling besar 5 MB")
    # An XML entity (the "billion laughs" bomb's building block): defusedxml refuses it.
    bom = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as asal, zipfile.ZipFile(bom, "w") as z:
        for info in asal.infolist():
            bagian = asal.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                bagian = bagian.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet', 1)
            z.writestr(info, bagian)
    await tolak(bom.getvalue(), "tidak dapat dibaca")
    wb = buka(isi)
    del wb["Realisasi"]
    await tolak(simpan(wb), "lembar 'Realisasi' tidak ada")
    # Another period's template.
    await tolak(isi, "template periode atau pegawai lain", name=periode(skp, "tw1"))
    # Not the pegawai: refused before the file is read.
    await tolak(isi, "", md=await client.login(nip=data.ENDANG), code=C.PERMISSION_DENIED)


async def test_periode_ditutup(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client, tahun=TAHUN_TUTUP)
    _, isi = await _template(client, md, skp)
    await gagal(unggah_isian(client, md, periode(skp), isi), C.FAILED_PRECONDITION)


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_lima_ribu_baris(client):
    """5,000 rencana aksi in one file: all checked and saved in one call (the
    time is bench/isian_xlsx.py's; no timing here)."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_disetujui(client)
    wb = buka((await _template(client, md, skp))[1])
    ra = wb["Rencana Aksi"]
    ra.delete_rows(2, ra.max_row)
    for i in range(5000):
        ra.append(["", skp.rhk[i % 2].id, "", f"Rencana aksi {i:04d}"])
    hasil = await unggah_isian(client, md, periode(skp), simpan(wb))
    assert (hasil.jumlah_baris, hasil.baris_sah, hasil.berubah, hasil.disimpan) == (5002, 5002, 5000, True)
    assert len((await lihat(client, md, skp)).rencana_aksi) == 5000
