"""Penilai eksternal (NON ASN) at the top of the chain
(docs/domain.md#penentuan-atasan, step 3): the admin instansi records him for
the Sekda, the Sekda's SKP can then be submitted, the admin approves, rates
and prints it for him, each action recorded in the penilai's name with the
admin's account; on SQLite and PostgreSQL."""

import grpc
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.cetak.v1 import cetak_pb2 as c
from ekinerja.penilaian.v1 import penilaian_pb2 as n
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.type.date_pb2 import Date

from tests import data
from tests.api.cetak.bantu import TANGGAL, tanpa_kaki, teks, unduh
from tests.api.errors import field_violations, gagal
from tests.api.penilaian.bantu import TAHUN_BUKA, periode
from tests.api.skp.bantu import buat_skp, get, rid, tambah_indikator, tambah_rhk

C = grpc.StatusCode
SEKDA = f"pegawai/{data.SEKDA}"
BUPATI = p.PenilaiEksternal(nama="H. AHMAD DAWAMI RAGIL SAPUTRO", jabatan="Bupati Madiun")
ALASAN = "SK pelantikan Bupati Madiun"


async def catat(client, md, name=SEKDA, penilai=BUPATI, alasan=ALASAN):
    return await client.profil.SetPenilaiEksternal(
        p.SetPenilaiEksternalRequest(request_id=rid(), name=name, penilai=penilai, alasan=alasan), metadata=md
    )


async def atasan(client, md, nip=data.SEKDA):
    return await client.profil.GetAtasan(p.GetAtasanRequest(name=f"pegawai/{nip}"), metadata=md)


async def skp_sekda(client, sekda, tahun=TAHUN_BUKA) -> s.Skp:
    """An SKP of the Sekda with one RHK Organisasi from the Perjanjian Kinerja."""
    skp = await buat_skp(client, sekda, awal=(tahun, 1, 1), akhir=(tahun, 12, 31))
    rhk = await tambah_rhk(
        client,
        sekda,
        skp,
        teks="Meningkatnya tata kelola pemerintahan",
        intervensi=False,
        klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI,
        perjanjian_kinerja="Sasaran RPJMD 1",
    )
    await tambah_indikator(client, sekda, rhk, teks="Indeks reformasi birokrasi", target="80 nilai")
    return await get(client, sekda, skp)


async def test_admin_mencatat_dan_menghapus_penilai_eksternal(client):
    admin = await client.login(username="admin.madiun")
    a = await catat(client, admin)
    assert not a.HasField("atasan")
    assert (a.eksternal.nama, a.eksternal.jabatan, a.eksternal.nip) == (BUPATI.nama, "Bupati Madiun", "")
    sekda = await client.login(nip=data.SEKDA)
    dilihat = await atasan(client, sekda)  # the Sekda's own Data Atasan names him too
    assert dilihat.eksternal.nama == BUPATI.nama and "admin instansi" in dilihat.keterangan
    # Replaced, now with a NIP.
    ganti = p.PenilaiEksternal(nama="PJ BUPATI", jabatan="Penjabat Bupati Madiun", nip=data.PEGAWAI_LAIN)
    assert (await catat(client, admin, penilai=ganti)).eksternal.nip == data.PEGAWAI_LAIN
    hapus = await client.profil.HapusPenilaiEksternal(
        p.HapusPenilaiEksternalRequest(request_id=rid(), name=SEKDA, alasan="masa jabatan berakhir"), metadata=admin
    )
    assert not hapus.HasField("eksternal") and "tertinggi" in hapus.keterangan
    err = await gagal(
        client.profil.HapusPenilaiEksternal(p.HapusPenilaiEksternalRequest(name=SEKDA, alasan="lagi"), metadata=admin),
        C.FAILED_PRECONDITION,
    )
    assert "tidak mempunyai penilai eksternal" in err.details()
    jejak = await client.profil.ListJejakAudit(au.ListJejakAuditRequest(atas_nama=data.SEKDA), metadata=admin)
    metode = [(j.metode, j.aktor) for j in jejak.jejak]
    assert metode == [
        ("HapusPenilaiEksternal", "admin.madiun"),
        ("SetPenilaiEksternal", "admin.madiun"),
        ("SetPenilaiEksternal", "admin.madiun"),
    ]
    assert BUPATI.nama in jejak.jejak[2].sesudah and jejak.jejak[2].alasan == ALASAN


async def test_penilai_eksternal_hanya_bagi_yang_tanpa_atasan_dan_isiannya_diperiksa(client):
    admin = await client.login(username="admin.madiun")
    err = await gagal(catat(client, admin, name=f"pegawai/{data.SUTIKNO}"), C.FAILED_PRECONDITION)
    assert "ENDANG SUMARSIH" in err.details()
    err = await gagal(catat(client, admin, penilai=p.PenilaiEksternal(jabatan="Bupati")), C.INVALID_ARGUMENT)
    assert "penilai.nama" in field_violations(err)
    err = await gagal(catat(client, admin, penilai=p.PenilaiEksternal(nama="X", jabatan="")), C.INVALID_ARGUMENT)
    assert "penilai.jabatan" in field_violations(err)
    err = await gagal(
        catat(client, admin, penilai=p.PenilaiEksternal(nama="X", jabatan="Y", nip="123")), C.INVALID_ARGUMENT
    )
    assert "penilai.nip" in field_violations(err)
    err = await gagal(
        catat(client, admin, penilai=p.PenilaiEksternal(nama="X", jabatan="Y", nip=data.SEKDA)), C.INVALID_ARGUMENT
    )
    assert "penilai.nip" in field_violations(err)
    err = await gagal(catat(client, admin, alasan=""), C.INVALID_ARGUMENT)
    assert "alasan" in field_violations(err)


async def test_selain_admin_instansinya_tidak_dapat_mencatat(client):
    await gagal(catat(client, await client.login(username="admin.ngawi")), C.NOT_FOUND)
    await gagal(catat(client, await client.login(nip=data.SEKDA)), C.PERMISSION_DENIED)
    await gagal(catat(client, await client.login(username="helpdesk.bkpsdm")), C.PERMISSION_DENIED)
    await gagal(
        client.profil.HapusPenilaiEksternal(
            p.HapusPenilaiEksternalRequest(name=SEKDA, alasan="x"), metadata=await client.login(nip=data.KEPALA_BKPSDM)
        ),
        C.PERMISSION_DENIED,
    )


async def test_skp_sekda_diajukan_disetujui_dinilai_dan_dicetak_admin_atas_nama_penilai(client):
    admin = await client.login(username="admin.madiun")
    sekda = await client.login(nip=data.SEKDA)
    # An SKP made before the penilai was recorded takes him with Muat Ulang.
    skp = await skp_sekda(client, sekda)
    assert not skp.HasField("penilai")
    await catat(client, admin)
    skp = await client.skp.MuatUlangSkp(s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI), metadata=sekda)
    assert (skp.penilai.eksternal, skp.penilai.nama, skp.penilai.nip) == (True, BUPATI.nama, "")
    skp = await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sekda)
    assert skp.status == s.STATUS_SKP_PENGAJUAN
    # The admin's SKP Bawahan: the SKPs whose penilai he acts for.
    bawahan = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=TAHUN_BUKA), metadata=admin)
    assert [x.nip for x in bawahan.skp] == [data.SEKDA]
    assert not (
        await client.skp.ListSkpBawahan(
            s.ListSkpBawahanRequest(tahun=TAHUN_BUKA), metadata=await client.login(username="admin.ngawi")
        )
    ).skp
    # Nobody else approves for him: not the Sekda, not another instansi's admin, not helpdesk.
    setujui = s.SetujuiSkpRequest(name=skp.name)
    await gagal(client.skp.SetujuiSkp(setujui, metadata=sekda), C.PERMISSION_DENIED)
    await gagal(client.skp.SetujuiSkp(setujui, metadata=await client.login(username="admin.ngawi")), C.NOT_FOUND)
    await gagal(
        client.skp.SetujuiSkp(setujui, metadata=await client.login(username="helpdesk.bkpsdm")), C.PERMISSION_DENIED
    )
    skp = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(request_id=rid(), name=skp.name), metadata=admin)
    assert skp.status == s.STATUS_SKP_PERSETUJUAN
    riwayat = await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=sekda)
    assert riwayat.riwayat[-1].aktor_nama == f"{BUPATI.nama} (penilai eksternal), oleh ADMIN.MADIUN"
    jejak = await client.skp.ListJejakAudit(au.ListJejakAuditRequest(metode="SetujuiSkp"), metadata=admin)
    (j,) = jejak.jejak
    assert (j.aktor, j.atas_nama) == ("admin.madiun", data.SEKDA)
    assert j.aktor_nama == f"{BUPATI.nama} (penilai eksternal), oleh ADMIN.MADIUN"

    # Rated by the admin for him. The Sekda leads a unor induk: his rating hasil
    # follows the unit's final capaian (docs/domain.md#capaian-kinerja-organisasi).
    cap = await client.penilaian.SetCapaianOrganisasi(
        n.SetCapaianOrganisasiRequest(
            unor_induk_id=data.SETDA, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, capaian=n.CAPAIAN_BAIK
        ),
        metadata=admin,
    )
    await client.penilaian.FinalisasiCapaianOrganisasi(
        n.FinalisasiCapaianOrganisasiRequest(
            unor_induk_id=data.SETDA, tahun=TAHUN_BUKA, periode=n.PERIODE_AKHIR_TAHUN, etag=cap.etag
        ),
        metadata=admin,
    )
    rating = n.SetRatingRequest(name=periode(skp), rating_perilaku_kerja=n.RATING_SESUAI_EKSPEKTASI)
    await gagal(client.penilaian.SetRating(rating, metadata=sekda), C.PERMISSION_DENIED)
    await gagal(client.penilaian.SetRating(rating, metadata=await client.login(username="admin.ngawi")), C.NOT_FOUND)
    dinilai = await client.penilaian.SetRating(rating, metadata=admin)
    assert dinilai.periode.predikat == n.PREDIKAT_BAIK and dinilai.rating_hasil_dari_capaian
    await client.penilaian.SetCatatanEvaluasi(
        n.SetCatatanEvaluasiRequest(name=periode(skp), catatan="Pertahankan reformasi birokrasi."), metadata=admin
    )
    jejak = await client.penilaian.ListJejakAudit(au.ListJejakAuditRequest(metode="SetRating"), metadata=admin)
    (j,) = jejak.jejak
    assert j.aktor == "admin.madiun" and j.aktor_nama.startswith(BUPATI.nama)
    nilai = await client.penilaian.GetPenilaian(n.GetPenilaianRequest(name=periode(skp)), metadata=sekda)
    assert nilai.dinilai_oleh == BUPATI.nama

    # Printed by the admin, the penilai eksternal in every penilai block.
    rencana = teks(
        (
            await unduh(
                client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL), metadata=admin)
            )
        ).isi
    )
    for bagian in [
        f"1 NAMA {BUPATI.nama}",
        "2 NIP - 3",
        "3 PANGKAT / GOL. RUANG NON ASN 4",
        "4 JABATAN Bupati Madiun 5",
        "5 UNIT KERJA Pemerintah Kab. Madiun",
    ]:
        assert bagian in rencana, bagian
    # His NIP line under the signature stays blank.
    assert tanpa_kaki(rencana).endswith(f"Pejabat Penilai Kinerja {BUPATI.nama}")
    form = teks(
        (
            await unduh(
                client.cetak.CetakFormPenilaian(
                    c.CetakFormPenilaianRequest(penilaian=periode(skp), tanggal=TANGGAL), metadata=admin
                )
            )
        ).isi
    )
    for bagian in [
        f"1 NAMA {BUPATI.nama}",
        "2 NIP - 3",
        "3 PANGKAT / GOL. RUANG NON ASN 4",
        "4 JABATAN Bupati Madiun 5",
    ]:
        assert bagian in form, bagian
    evaluasi = teks(
        (
            await unduh(
                client.cetak.CetakEvaluasiKinerja(
                    c.CetakEvaluasiKinerjaRequest(
                        penilaian=periode(skp), tanggal_pegawai=TANGGAL, tanggal_penilai=Date(year=2023, month=9, day=6)
                    ),
                    metadata=admin,
                )
            )
        ).isi
    )
    assert f"2. PEJABAT PENILAI KINERJA NAMA {BUPATI.nama} NIP - PANGKAT / GOL. RUANG NON ASN" in evaluasi
    assert "CAPAIAN KINERJA ORGANISASI BAIK" in evaluasi and "penilai eksternal (NON ASN)" in evaluasi
    assert "JABATAN Bupati Madiun UNIT KERJA Pemerintah Kab. Madiun" in evaluasi
    assert "3. ATASAN PEJABAT PENILAI KINERJA NAMA -" in evaluasi
    assert "5. CATATAN / REKOMENDASI Pertahankan reformasi birokrasi." in evaluasi
    assert f"6. Pejabat Penilai Kinerja {BUPATI.nama} Madiun, 5 September 2023 7." in evaluasi
    # The admin never signs for him.
    err = await gagal(
        unduh(
            client.cetak.CetakRencanaSkp(
                c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL, tanda_tangan=c.PIHAK_TANDA_TANGAN_PENILAI),
                metadata=admin,
            )
        ),
        C.PERMISSION_DENIED,
    )
    assert "tidak memiliki akun" in err.details()
    await gagal(
        unduh(
            client.cetak.CetakRencanaSkp(
                c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL),
                metadata=await client.login(username="admin.ngawi"),
            )
        ),
        C.NOT_FOUND,
    )


async def test_nip_penilai_eksternal_tidak_membuka_akses_bagi_pemilik_nip_itu(client):
    """A NIP given for the penilai eksternal is printed, never matched to an
    account: the pegawai who holds it elsewhere does not become the penilai."""
    admin = await client.login(username="admin.madiun")
    await catat(
        client, admin, penilai=p.PenilaiEksternal(nama="PJ BUPATI", jabatan="Penjabat Bupati", nip=data.KEPALA_BKPSDM)
    )
    sekda = await client.login(nip=data.SEKDA)
    skp = await skp_sekda(client, sekda)
    assert (skp.penilai.nip, skp.penilai.eksternal) == (data.KEPALA_BKPSDM, True)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sekda)
    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    await gagal(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=kepala), C.PERMISSION_DENIED)
    assert not (await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=TAHUN_BUKA), metadata=kepala)).skp
    skp = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=admin)
    t = teks(
        (
            await unduh(
                client.cetak.CetakRencanaSkp(c.CetakRencanaSkpRequest(skp=skp.name, tanggal=TANGGAL), metadata=admin)
            )
        ).isi
    )
    assert f"2 NIP {data.KEPALA_BKPSDM}" in t and tanpa_kaki(t).endswith(f"PJ BUPATI NIP {data.KEPALA_BKPSDM}")
