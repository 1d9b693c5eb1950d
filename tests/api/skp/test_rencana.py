"""Daftar SKP, Tambah/Edit/Hapus SKP, Detail SKP and Muat Ulang, through a
real channel on SQLite and PostgreSQL."""

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, get, rid, tgl

C = grpc.StatusCode


async def test_tambah_skp_menyimpan_identitas_kedua_pihak(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    assert skp.status == s.STATUS_SKP_DRAFT
    assert (skp.instansi_nama, skp.status_pegawai, skp.jenis_pegawai) == (
        "Pemerintah Kab. Madiun",
        s.STATUS_PEGAWAI_DEFINITIF,
        s.JENIS_PEGAWAI_PEGAWAI,
    )
    assert (skp.pegawai.nama, skp.pegawai.nip, skp.pegawai.golongan_ruang) == ("SUTIKNO", data.SUTIKNO, "II/a")
    assert skp.pegawai.unor_id == data.BIDANG == skp.unor_id
    assert (skp.penilai.nama, skp.penilai.nip, skp.penilai.golongan_ruang) == ("ENDANG SUMARSIH", data.ENDANG, "III/d")
    assert skp.penilai.jabatan == "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"
    assert skp.penilai.pangkat == "Penata Tingkat I"
    assert [p.kode for p in skp.perilaku][0] == "BERORIENTASI_PELAYANAN" and len(skp.perilaku) == 7


async def test_daftar_skp_terbaru_lebih_dulu(client):
    md = await client.login(nip=data.SUTIKNO)
    await buat_skp(client, md, awal=(2022, 1, 1), akhir=(2022, 12, 31))
    baru = await buat_skp(client, md)
    daftar = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert [x.periode_awal.year for x in daftar.skp] == [2023, 2022]
    assert daftar.skp[0].name == baru.name and daftar.total_size == 2
    assert not daftar.skp[0].rhk and not daftar.skp[0].perilaku  # lists carry no content


async def test_periode_tidak_sah_ditolak_dengan_nama_field(client):
    md = await client.login(nip=data.SUTIKNO)
    err = await gagal(buat_skp(client, md, awal=(2023, 6, 1), akhir=(2023, 5, 31)), C.INVALID_ARGUMENT)
    assert "sebelum periode awal" in field_violations(err)["skp.periode_akhir"]
    err = await gagal(buat_skp(client, md, pendekatan=s.PENDEKATAN_UNSPECIFIED), C.INVALID_ARGUMENT)
    assert "skp.pendekatan" in field_violations(err)
    err = await gagal(
        client.skp.CreateSkp(s.CreateSkpRequest(skp=s.Skp(periode_akhir=tgl(2023, 1, 1))), metadata=md),
        C.INVALID_ARGUMENT,
    )
    assert "skp.periode_awal" in field_violations(err)


async def test_periode_bertumpang_untuk_jabatan_yang_sama_ditolak(client):
    md = await client.login(nip=data.SUTIKNO)
    await buat_skp(client, md, awal=(2023, 1, 1), akhir=(2023, 6, 30))
    err = await gagal(buat_skp(client, md, awal=(2023, 6, 30), akhir=(2023, 12, 31)), C.FAILED_PRECONDITION)
    assert "bertumpang tindih" in err.details()
    await buat_skp(client, md, awal=(2023, 7, 1), akhir=(2023, 12, 31))  # a cut-off after mutasi


async def test_skp_plt_berjabatan_plt_dan_di_dalam_masa_penugasan(client):
    md = await client.login(nip=data.NUR_PURWATI)
    await buat_skp(client, md, awal=(2022, 1, 1), akhir=(2022, 12, 31))  # definitive role
    plt = await buat_skp(client, md, awal=(2022, 10, 1), akhir=(2022, 12, 31), unor_plt_id=data.PELAYANAN)
    assert plt.status_pegawai == s.STATUS_PEGAWAI_PLT and plt.jabatan.startswith("Plt. ")
    assert plt.unor_id == data.PELAYANAN and plt.jenis_pegawai == s.JENIS_PEGAWAI_PIMPINAN
    assert plt.penilai.nip == data.CAMAT
    err = await gagal(
        buat_skp(client, md, awal=(2022, 9, 1), akhir=(2022, 12, 31), unor_plt_id=data.PELAYANAN), C.INVALID_ARGUMENT
    )
    assert "masa penugasan" in field_violations(err)["skp.periode_awal"]
    err = await gagal(
        buat_skp(client, md, awal=(2022, 10, 1), akhir=(2022, 12, 31), unor_plt_id=data.BIDANG), C.INVALID_ARGUMENT
    )
    assert "skp.unor_plt_id" in field_violations(err)


async def test_tambah_skp_diulang_dengan_request_id_sama_tidak_membuat_dua(client):
    md = await client.login(nip=data.SUTIKNO)
    kunci = rid()
    a = await buat_skp(client, md, request_id=kunci)
    b = await buat_skp(client, md, request_id=kunci)
    assert a.name == b.name
    daftar = await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)
    assert daftar.total_size == 1


async def test_edit_skp_dengan_etag_usang_ditolak(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    ubah = s.Skp(name=skp.name, periode_awal=tgl(2023, 1, 2), pendekatan=s.PENDEKATAN_KUALITATIF, etag=skp.etag)
    baru = await client.skp.UpdateSkp(
        s.UpdateSkpRequest(skp=ubah, update_mask=FieldMask(paths=["periode_awal", "pendekatan"])), metadata=md
    )
    assert (baru.periode_awal.day, baru.pendekatan) == (2, s.PENDEKATAN_KUALITATIF)
    assert baru.etag != skp.etag
    await gagal(
        client.skp.UpdateSkp(s.UpdateSkpRequest(skp=ubah, update_mask=FieldMask(paths=["periode_awal"])), metadata=md),
        C.ABORTED,
    )
    err = await gagal(
        client.skp.UpdateSkp(
            s.UpdateSkpRequest(skp=s.Skp(name=skp.name, nip="x"), update_mask=FieldMask(paths=["nip"])), metadata=md
        ),
        C.INVALID_ARGUMENT,
    )
    assert "update_mask" in field_violations(err)


async def test_hapus_skp_hanya_saat_draft_dan_oleh_pemiliknya(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    lain = await client.login(nip=data.WIDANANG)
    await gagal(client.skp.DeleteSkp(s.DeleteSkpRequest(name=skp.name), metadata=lain), C.PERMISSION_DENIED)
    await client.skp.DeleteSkp(s.DeleteSkpRequest(name=skp.name, etag=skp.etag), metadata=md)
    await gagal(get(client, md, skp), C.NOT_FOUND)


async def test_hak_baca_skp(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    await gagal(get(client, await client.login(nip=data.WIDANANG), skp), C.PERMISSION_DENIED)
    await gagal(
        client.skp.ListSkp(
            s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=await client.login(nip=data.WIDANANG)
        ),
        C.PERMISSION_DENIED,
    )
    assert (await get(client, await client.login(nip=data.ENDANG), skp)).nip == data.SUTIKNO  # penilai
    assert (await get(client, await client.login(username="admin.madiun"), skp)).nip == data.SUTIKNO
    await gagal(get(client, await client.login(username="admin.ngawi"), skp), C.NOT_FOUND)  # as if missing
    err = await gagal(client.skp.GetSkp(s.GetSkpRequest(name="skp/xyz"), metadata=md), C.INVALID_ARGUMENT)
    assert "name" in field_violations(err)


async def test_muat_ulang_penilai_setelah_pindah_unit(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    admin = await client.login(username="admin.madiun")
    from ekinerja.profil.v1 import profil_pb2 as p

    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )
    assert (await get(client, md, skp)).penilai.nip == data.ENDANG  # a snapshot until refreshed
    baru = await client.skp.MuatUlangSkp(s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI), metadata=md)
    assert baru.penilai.nip == data.KEPALA_BKPSDM
    pegawai = await client.skp.MuatUlangSkp(
        s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PEGAWAI), metadata=md
    )
    assert pegawai.pegawai.unor_id == data.SEKRETARIAT == pegawai.unor_id
    riwayat = await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=md)
    assert "ENDANG SUMARSIH" in riwayat.riwayat[-1].alasan
    await gagal(
        client.skp.MuatUlangSkp(
            s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI),
            metadata=await client.login(nip=data.ENDANG),
        ),
        C.PERMISSION_DENIED,
    )
