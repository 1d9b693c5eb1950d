"""Ajukan, Setujui, Kembalikan, Edit Status, Riwayat and SKP Bawahan."""

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, get, rhk_atasan_untuk, skp_siap, tambah_indikator, tambah_rhk

C = grpc.StatusCode


async def test_ajukan_ditolak_dengan_semua_alasan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    err = await gagal(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)
    assert "Belum ada RHK Utama" in err.details()
    await tambah_rhk(client, md, skp, jenis=s.JENIS_RHK_TAMBAHAN, teks="Membantu kegiatan")
    err = await gagal(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)
    assert "Belum ada RHK Utama" in err.details() and "belum memiliki indikator" in err.details()


async def test_alur_ajukan_lalu_disetujui_penilai(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    diajukan = await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name, etag=skp.etag), metadata=md)
    assert diajukan.status == s.STATUS_SKP_PENGAJUAN
    await gagal(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=md), C.PERMISSION_DENIED)
    await gagal(
        client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=await client.login(nip=data.WIDANANG)),
        C.PERMISSION_DENIED,
    )
    endang = await client.login(nip=data.ENDANG)
    await gagal(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name, etag=skp.etag), metadata=endang), C.ABORTED)
    disetujui = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name, etag=diajukan.etag), metadata=endang)
    assert disetujui.status == s.STATUS_SKP_PERSETUJUAN
    await gagal(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang), C.FAILED_PRECONDITION)
    riwayat = (await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=md)).riwayat
    assert [(r.dari, r.ke) for r in riwayat] == [
        (s.STATUS_SKP_UNSPECIFIED, s.STATUS_SKP_DRAFT),
        (s.STATUS_SKP_DRAFT, s.STATUS_SKP_PENGAJUAN),
        (s.STATUS_SKP_PENGAJUAN, s.STATUS_SKP_PERSETUJUAN),
    ]
    assert [r.aktor_nama for r in riwayat[1:]] == ["SUTIKNO", "ENDANG SUMARSIH"]


async def test_kembalikan_wajib_beralasan_dan_tampil_sebagai_keterangan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    endang = await client.login(nip=data.ENDANG)
    err = await gagal(
        client.skp.KembalikanSkp(s.KembalikanSkpRequest(name=skp.name, alasan=" "), metadata=endang), C.INVALID_ARGUMENT
    )
    assert "alasan" in field_violations(err)
    kembali = await client.skp.KembalikanSkp(
        s.KembalikanSkpRequest(name=skp.name, alasan="Target belum terukur"), metadata=endang
    )
    assert (kembali.status, kembali.keterangan) == (s.STATUS_SKP_DRAFT, "Target belum terukur")
    lagi = await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    assert lagi.keterangan == ""


async def test_edit_status_oleh_penilai(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    endang = await client.login(nip=data.ENDANG)
    naik = await client.skp.UbahStatusSkp(
        s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_PERSETUJUAN), metadata=endang
    )
    assert naik.status == s.STATUS_SKP_PERSETUJUAN
    err = await gagal(
        client.skp.UbahStatusSkp(s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_DRAFT), metadata=endang),
        C.INVALID_ARGUMENT,
    )
    assert "alasan" in field_violations(err)
    turun = await client.skp.UbahStatusSkp(
        s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_DRAFT, alasan="Perbaikan indikator"), metadata=endang
    )
    assert turun.status == s.STATUS_SKP_DRAFT
    await gagal(
        client.skp.UbahStatusSkp(s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_PENGAJUAN), metadata=md),
        C.PERMISSION_DENIED,
    )
    kosong = await buat_skp(client, md, awal=(2022, 1, 1), akhir=(2022, 12, 31))
    err = await gagal(
        client.skp.UbahStatusSkp(
            s.UbahStatusSkpRequest(name=kosong.name, status=s.STATUS_SKP_PERSETUJUAN), metadata=endang
        ),
        C.FAILED_PRECONDITION,
    )
    assert "RHK Utama" in err.details()


async def test_skp_bawahan_dan_pencarian(client):
    for nip in (data.SUTIKNO, data.WIDANANG):
        await buat_skp(client, await client.login(nip=nip))
    endang = await client.login(nip=data.ENDANG)
    semua = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023), metadata=endang)
    assert [x.pegawai.nama for x in semua.skp] == ["SUTIKNO", "WIDANANG SASMITO AJI"]
    assert [x.jumlah_indikator for x in semua.skp] == [0, 0]
    cari = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023, query="widan"), metadata=endang)
    assert [x.nip for x in cari.skp] == [data.WIDANANG]
    nip = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023, query="1969"), metadata=endang)
    assert [x.nip for x in nip.skp] == [data.SUTIKNO]
    assert not (await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2022), metadata=endang)).skp
    err = await gagal(client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(), metadata=endang), C.INVALID_ARGUMENT)
    assert "tahun" in field_violations(err)


async def test_pimpinan_tertinggi_tanpa_penilai_tidak_dapat_mengajukan(client):
    md = await client.login(nip=data.SEKDA)
    skp = await buat_skp(client, md)
    assert not skp.HasField("penilai")
    pilihan = await client.skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=skp.name), metadata=md)
    assert "Perjanjian Kinerja" in pilihan.petunjuk
    rhk = await tambah_rhk(
        client, md, skp, klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI, perjanjian_kinerja="Sasaran strategis RPJMD 1"
    )
    assert (rhk.unor_id, rhk.perjanjian_kinerja) == (data.SETDA, "Sasaran strategis RPJMD 1")
    err = await gagal(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)
    assert "penilai" in err.details()


async def test_ajukan_ditolak_selama_rhk_utama_tidak_mengintervensi_rhk_organisasi_atasan(client):
    """docs/domain.md#rhk: every RHK Utama of an SKP with a penilai in the
    system intervenes an RHK Organisasi the atasan gave the pegawai in the MPH."""
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp, teks="Terarsipnya SK Pensiun", intervensi=False)
    await tambah_indikator(client, md, rhk)
    tambahan = await tambah_rhk(client, md, skp, teks="Membantu kegiatan", jenis=s.JENIS_RHK_TAMBAHAN)
    await tambah_indikator(client, md, tambahan, teks="kegiatan terlaksana", target="1 kegiatan")
    err = await gagal(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)
    assert "RHK Utama 'Terarsipnya SK Pensiun' belum mengintervensi RHK Organisasi atasan" in err.details()
    assert "RHK Utama 'Membantu kegiatan'" not in err.details()
    # The penilai raising the status with Edit Status meets the same check.
    endang = await client.login(nip=data.ENDANG)
    await gagal(
        client.skp.UbahStatusSkp(
            s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_PERSETUJUAN), metadata=endang
        ),
        C.FAILED_PRECONDITION,
    )
    # An RHK Individu of the atasan, though assigned in the MPH, is not a choice.
    atas = await buat_skp(client, endang)
    pribadi = await client.skp.CreateRhk(
        s.CreateRhkRequest(
            parent=atas.name, rhk=s.Rhk(teks="Pribadi", jenis=s.JENIS_RHK_UTAMA, klasifikasi=s.KLASIFIKASI_RHK_INDIVIDU)
        ),
        metadata=endang,
    )
    await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(rhk=pribadi.name, nip=data.SUTIKNO, ditugaskan=True), metadata=endang
    )
    opsi = await client.skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=skp.name), metadata=md)
    assert not opsi.rhk and "RHK Organisasi" in opsi.petunjuk
    err = await gagal(
        client.skp.UpdateRhk(
            s.UpdateRhkRequest(
                rhk=s.Rhk(name=rhk.name, rhk_atasan=pribadi.name), update_mask=FieldMask(paths=["rhk_atasan"])
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "rhk.rhk_atasan" in field_violations(err)
    pilihan = await rhk_atasan_untuk(client, md, await get(client, md, skp))
    await client.skp.UpdateRhk(
        s.UpdateRhkRequest(rhk=s.Rhk(name=rhk.name, rhk_atasan=pilihan), update_mask=FieldMask(paths=["rhk_atasan"])),
        metadata=md,
    )
    diajukan = await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    assert diajukan.status == s.STATUS_SKP_PENGAJUAN


async def test_intervensi_yang_dicabut_di_mph_menahan_ajukan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    rhk_atasan = skp.rhk[0].rhk_atasan
    await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(rhk=rhk_atasan, nip=data.SUTIKNO, ditugaskan=False),
        metadata=await client.login(nip=data.ENDANG),
    )
    err = await gagal(client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)
    assert "belum mengintervensi" in err.details()
