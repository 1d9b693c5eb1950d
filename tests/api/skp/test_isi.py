"""RHK, indikator, Ekspektasi and Lampiran of an SKP."""

import grpc
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, get, skp_siap, tambah_indikator, tambah_rhk

C = grpc.StatusCode


async def test_rhk_dan_indikator_tersusun_menurut_jenis_dan_urutan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    a = await tambah_rhk(client, md, skp, teks="RHK satu")
    t = await tambah_rhk(client, md, skp, teks="RHK tambahan", jenis=s.JENIS_RHK_TAMBAHAN)
    b = await tambah_rhk(client, md, skp, teks="RHK dua")
    assert (a.urutan, b.urutan, t.urutan) == (1, 2, 1)
    assert a.klasifikasi == s.KLASIFIKASI_RHK_INDIVIDU  # not a pimpinan: always Individu
    await tambah_indikator(client, md, a, target="12 bulan", aspek=s.ASPEK_WAKTU)
    i2 = await tambah_indikator(client, md, a, target="1.500 dokumen")
    assert (i2.target_angka, i2.target_satuan, i2.urutan) == (1500.0, "dokumen", 2)
    pindah = await client.skp.UpdateRhk(
        s.UpdateRhkRequest(rhk=s.Rhk(name=b.name, urutan=1, etag=b.etag), update_mask=FieldMask(paths=["urutan"])),
        metadata=md,
    )
    assert pindah.urutan == 1
    detail = await get(client, md, skp)
    assert [r.teks for r in detail.rhk] == ["RHK dua", "RHK satu", "RHK tambahan"]
    assert [i.target for i in detail.rhk[1].indikator] == ["12 bulan", "1.500 dokumen"]
    assert detail.jumlah_indikator == 2
    [ringkas] = (await client.skp.ListSkp(s.ListSkpRequest(parent=f"pegawai/{data.SUTIKNO}"), metadata=md)).skp
    assert ringkas.jumlah_indikator == 2
    await client.skp.DeleteRhk(s.DeleteRhkRequest(name=b.name), metadata=md)
    detail = await get(client, md, skp)
    assert [(r.teks, r.urutan) for r in detail.rhk] == [("RHK satu", 1), ("RHK tambahan", 1)]


async def test_isian_rhk_dan_indikator_yang_salah_ditolak_dengan_field(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    err = await gagal(tambah_rhk(client, md, skp, jenis=s.JENIS_RHK_UNSPECIFIED), C.INVALID_ARGUMENT)
    assert "jenis RHK wajib dipilih" in field_violations(err)["rhk.jenis"]
    err = await gagal(tambah_rhk(client, md, skp, teks="   "), C.INVALID_ARGUMENT)
    assert "rhk.teks" in field_violations(err)
    err = await gagal(tambah_rhk(client, md, skp, klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI), C.INVALID_ARGUMENT)
    assert "pimpinan" in field_violations(err)["rhk.klasifikasi"]
    rhk = await tambah_rhk(client, md, skp)
    for target, pesan in [("", "wajib"), ("dua belas bulan", "diawali angka"), ("12", "satuan")]:
        err = await gagal(tambah_indikator(client, md, rhk, target=target), C.INVALID_ARGUMENT)
        assert pesan in field_violations(err)["indikator.target"]
    err = await gagal(tambah_indikator(client, md, rhk, aspek=s.ASPEK_UNSPECIFIED), C.INVALID_ARGUMENT)
    assert "indikator.aspek" in field_violations(err)


async def test_skp_kualitatif_tidak_mewajibkan_target_angka(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md, pendekatan=s.PENDEKATAN_KUALITATIF)
    rhk = await tambah_rhk(client, md, skp)
    assert (await tambah_indikator(client, md, rhk, target="")).target == ""
    assert (await tambah_indikator(client, md, rhk, target="sesuai jadwal")).target_satuan == ""


async def test_etag_rhk_dan_indikator_mencegah_menimpa_diam_diam(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    ind = await tambah_indikator(client, md, rhk)
    await client.skp.UpdateRhk(
        s.UpdateRhkRequest(
            rhk=s.Rhk(name=rhk.name, teks="versi A", etag=rhk.etag), update_mask=FieldMask(paths=["teks"])
        ),
        metadata=md,
    )
    await gagal(
        client.skp.UpdateRhk(
            s.UpdateRhkRequest(
                rhk=s.Rhk(name=rhk.name, teks="versi B", etag=rhk.etag), update_mask=FieldMask(paths=["teks"])
            ),
            metadata=md,
        ),
        C.ABORTED,
    )
    ubah = s.Indikator(name=ind.name, target="6 bulan", etag=ind.etag)
    baru = await client.skp.UpdateIndikator(
        s.UpdateIndikatorRequest(indikator=ubah, update_mask=FieldMask(paths=["target"])), metadata=md
    )
    assert baru.target_angka == 6
    await gagal(
        client.skp.UpdateIndikator(
            s.UpdateIndikatorRequest(indikator=ubah, update_mask=FieldMask(paths=["target"])), metadata=md
        ),
        C.ABORTED,
    )
    await gagal(
        client.skp.DeleteIndikator(s.DeleteIndikatorRequest(name=ind.name, etag=ind.etag), metadata=md), C.ABORTED
    )
    await client.skp.DeleteIndikator(s.DeleteIndikatorRequest(name=ind.name, etag=baru.etag), metadata=md)
    assert not (await get(client, md, skp)).rhk[0].indikator


async def test_pegawai_lain_tidak_dapat_mengisi_skp(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    rhk = await tambah_rhk(client, md, skp)
    for nip in (data.WIDANANG, data.ENDANG):  # the penilai does not write the plan either
        lain = await client.login(nip=nip)
        await gagal(tambah_rhk(client, lain, skp), C.PERMISSION_DENIED)
        await gagal(tambah_indikator(client, lain, rhk), C.PERMISSION_DENIED)


async def test_lampiran_oleh_pegawai_dan_ekspektasi_oleh_penilai(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    baru = await client.skp.UpdateLampiran(
        s.UpdateLampiranRequest(
            name=skp.name,
            lampiran=s.Lampiran(dukungan_sumber_daya=["anggaran", "  ", "peralatan kerja"]),
            update_mask=FieldMask(paths=["dukungan_sumber_daya"]),
            etag=skp.etag,
        ),
        metadata=md,
    )
    assert list(baru.lampiran.dukungan_sumber_daya) == ["anggaran", "peralatan kerja"]
    err = await gagal(
        client.skp.UpdateLampiran(
            s.UpdateLampiranRequest(name=skp.name, update_mask=FieldMask(paths=["lain"])), metadata=md
        ),
        C.INVALID_ARGUMENT,
    )
    assert "update_mask" in field_violations(err)
    ekspektasi = s.UpdateEkspektasiRequest(name=skp.name, kode="AKUNTABEL", ekspektasi="Tepat waktu")
    await gagal(client.skp.UpdateEkspektasi(ekspektasi, metadata=md), C.PERMISSION_DENIED)
    endang = await client.login(nip=data.ENDANG)
    hasil = await client.skp.UpdateEkspektasi(ekspektasi, metadata=endang)
    assert {p.kode: p.ekspektasi for p in hasil.perilaku}["AKUNTABEL"] == "Tepat waktu"
    err = await gagal(
        client.skp.UpdateEkspektasi(s.UpdateEkspektasiRequest(name=skp.name, kode="JUJUR"), metadata=endang),
        C.INVALID_ARGUMENT,
    )
    assert "kode" in field_violations(err)


async def test_isi_skp_terkunci_setelah_diajukan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name, etag=skp.etag), metadata=md)
    err = await gagal(tambah_rhk(client, md, skp), C.FAILED_PRECONDITION)
    assert "DRAFT" in err.details()
    await gagal(
        client.skp.UpdateLampiran(
            s.UpdateLampiranRequest(
                name=skp.name, lampiran=s.Lampiran(konsekuensi=["x"]), update_mask=FieldMask(paths=["konsekuensi"])
            ),
            metadata=md,
        ),
        C.FAILED_PRECONDITION,
    )
    await gagal(client.skp.DeleteSkp(s.DeleteSkpRequest(name=skp.name), metadata=md), C.FAILED_PRECONDITION)


async def test_perspektif_rhk_format_jpt_disimpan_diubah_dan_divalidasi(client):
    # KEPALA BKPSDM leads a unor induk: the JPT format, whose RHK carry a perspektif
    # (docs/domain.md#format-jpt-dan-unit-kerja-mandiri).
    md = await client.login(nip=data.KEPALA_BKPSDM)
    skp = await buat_skp(client, md)
    organisasi = s.KLASIFIKASI_RHK_ORGANISASI
    rhk = await tambah_rhk(client, md, skp, klasifikasi=organisasi, perspektif="Perspektif Penerima Layanan")
    assert rhk.perspektif == "Perspektif Penerima Layanan"
    tanpa = await tambah_rhk(client, md, skp, teks="RHK tanpa perspektif", klasifikasi=organisasi)
    assert tanpa.perspektif == ""
    ubah = await client.skp.UpdateRhk(
        s.UpdateRhkRequest(
            rhk=s.Rhk(name=rhk.name, perspektif="Perspektif Anggaran", etag=rhk.etag),
            update_mask=FieldMask(paths=["perspektif"]),
        ),
        metadata=md,
    )
    assert ubah.perspektif == "Perspektif Anggaran" and ubah.teks == rhk.teks
    detail = await get(client, md, skp)
    assert [r.perspektif for r in detail.rhk] == ["Perspektif Anggaran", ""]
    err = await gagal(
        client.skp.UpdateRhk(
            s.UpdateRhkRequest(
                rhk=s.Rhk(name=rhk.name, perspektif="Perspektif Keuangan", etag=ubah.etag),
                update_mask=FieldMask(paths=["perspektif"]),
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "Perspektif Proses Bisnis Internal" in field_violations(err)["rhk.perspektif"]
    # Cleared with an empty value.
    kosong = await client.skp.UpdateRhk(
        s.UpdateRhkRequest(rhk=s.Rhk(name=rhk.name, etag=ubah.etag), update_mask=FieldMask(paths=["perspektif"])),
        metadata=md,
    )
    assert kosong.perspektif == ""


async def test_perspektif_ditolak_pada_skp_bukan_pimpinan(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    err = await gagal(tambah_rhk(client, md, skp, perspektif="Perspektif Anggaran"), C.INVALID_ARGUMENT)
    assert "pimpinan" in field_violations(err)["rhk.perspektif"]
