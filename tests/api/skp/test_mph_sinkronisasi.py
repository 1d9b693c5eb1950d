"""Matriks Peran Hasil feeds the bawahan's intervensi choices; Sinkronisasi
SKP Bawahan moves the penilai after an organisational change."""

import grpc
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, get, skp_siap, tambah_rhk

C = grpc.StatusCode


async def _tugaskan(client, md, rhk, nip, ya=True):
    return await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(rhk=rhk.name, nip=nip, ditugaskan=ya), metadata=md
    )


async def test_matriks_peran_hasil_mengisi_pilihan_rhk_intervensi(client):
    endang = await client.login(nip=data.ENDANG)
    skp_atasan = await buat_skp(client, endang)
    assert skp_atasan.jenis_pegawai == s.JENIS_PEGAWAI_PIMPINAN
    rhk_a = await tambah_rhk(
        client, endang, skp_atasan, teks="Tersedianya data yang akurat", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI
    )
    rhk_b = await tambah_rhk(
        client, endang, skp_atasan, teks="Meningkatnya Disiplin ASN", klasifikasi=s.KLASIFIKASI_RHK_INDIVIDU
    )
    m = await client.skp.GetMatriksPeranHasil(s.GetMatriksPeranHasilRequest(name=skp_atasan.name), metadata=endang)
    assert {b.nip for b in m.bawahan} >= {data.SUTIKNO, data.WIDANANG, data.SUYANTO}
    assert [r.teks for r in m.rhk] == [rhk_a.teks, rhk_b.teks] and not m.peran
    m = await _tugaskan(client, endang, rhk_a, data.SUTIKNO)
    assert [(x.rhk, list(x.nip)) for x in m.peran] == [(rhk_a.name, [data.SUTIKNO])]
    err = await gagal(_tugaskan(client, endang, rhk_a, data.STAF_SEKRETARIAT), C.INVALID_ARGUMENT)
    assert "bukan bawahan" in field_violations(err)["nip"]

    sutikno = await client.login(nip=data.SUTIKNO)
    await gagal(_tugaskan(client, sutikno, rhk_a, data.SUTIKNO), C.PERMISSION_DENIED)
    skp = await buat_skp(client, sutikno)
    pilihan = await client.skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=skp.name), metadata=sutikno)
    assert [x.teks for x in pilihan.rhk] == [rhk_a.teks] and not pilihan.petunjuk
    rhk = await tambah_rhk(client, sutikno, skp, rhk_atasan=rhk_a.name)
    assert rhk.rhk_atasan_teks == rhk_a.teks
    err = await gagal(tambah_rhk(client, sutikno, skp, rhk_atasan=rhk_b.name), C.INVALID_ARGUMENT)
    assert "Matriks Peran Hasil" in field_violations(err)["rhk.rhk_atasan"]

    widanang = await client.login(nip=data.WIDANANG)
    kosong = await client.skp.ListRhkIntervensi(
        s.ListRhkIntervensiRequest(parent=(await buat_skp(client, widanang)).name), metadata=widanang
    )
    assert not kosong.rhk and "Matriks Peran Hasil (MPH)" in kosong.petunjuk
    lepas = await _tugaskan(client, endang, rhk_a, data.SUTIKNO, ya=False)
    assert not lepas.peran and {b.nip for b in lepas.bawahan} >= {data.SUTIKNO}  # the columns stay
    assert not (await client.skp.ListRhkIntervensi(s.ListRhkIntervensiRequest(parent=skp.name), metadata=sutikno)).rhk
    assert (await get(client, sutikno, skp)).rhk[0].rhk_atasan_teks == rhk_a.teks  # the chosen text stays


async def test_rhk_organisasi_diwariskan_ke_pimpinan_berikutnya(client):
    endang = await client.login(nip=data.ENDANG)
    lama = await buat_skp(client, endang, awal=(2023, 1, 1), akhir=(2023, 6, 30))
    await tambah_rhk(client, endang, lama, teks="Meningkatnya Kinerja ASN", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI)
    await tambah_rhk(client, endang, lama, teks="Pribadi", klasifikasi=s.KLASIFIKASI_RHK_INDIVIDU)
    admin = await client.login(username="admin.madiun")
    # ENDANG leaves; WIDANANG becomes Kepala Bidang and claims the unit.
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=f"pegawai/{data.ENDANG}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(
                name=f"pegawai/{data.WIDANANG}", jabatan="Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"
            ),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=admin,
    )
    widanang = await client.login(nip=data.WIDANANG)
    await client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=f"pegawai/{data.WIDANANG}"), metadata=widanang)
    baru = await buat_skp(client, widanang, awal=(2023, 7, 1), akhir=(2023, 12, 31))
    assert [(r.teks, r.diwarisi_dari) for r in baru.rhk] == [("Meningkatnya Kinerja ASN", lama.name)]


async def test_sinkronisasi_memindahkan_penilai_setelah_mutasi(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, sutikno)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sutikno)
    admin = await client.login(username="admin.madiun")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )

    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    # (ENDANG's SKP, whose RHK Organisasi SUTIKNO intervenes, is the Kepala's bawahan from the start.)
    sebelum = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023), metadata=kepala)
    assert [x.nip for x in sebelum.skp] == [data.ENDANG]
    hasil = await client.skp.SinkronisasiSkpBawahan(s.SinkronisasiSkpBawahanRequest(tahun=2023), metadata=kepala)
    assert [(x.pegawai_nip, x.penilai_lama.nip, x.penilai_baru.nip) for x in hasil.perubahan] == [
        (data.SUTIKNO, data.ENDANG, data.KEPALA_BKPSDM)
    ]
    assert not hasil.gagal
    daftar = await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023), metadata=kepala)
    assert sorted(x.nip for x in daftar.skp) == sorted([data.SUTIKNO, data.ENDANG])

    endang = await client.login(nip=data.ENDANG)
    err = await gagal(client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang), C.PERMISSION_DENIED)
    assert "bukan milik Anda" in err.details() or "penilai" in err.details()
    ulang = await client.skp.SinkronisasiSkpBawahan(s.SinkronisasiSkpBawahanRequest(tahun=2023), metadata=kepala)
    assert ulang.diperiksa >= 1 and not ulang.perubahan  # nothing left to change
    setuju = await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=kepala)
    assert setuju.status == s.STATUS_SKP_PERSETUJUAN


async def test_sinkronisasi_oleh_penilai_lama_melepas_skp_yang_bukan_bawahannya_lagi(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, sutikno)
    admin = await client.login(username="admin.madiun")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )
    endang = await client.login(nip=data.ENDANG)
    hasil = await client.skp.SinkronisasiSkpBawahan(s.SinkronisasiSkpBawahanRequest(tahun=2023), metadata=endang)
    assert [x.penilai_baru.nip for x in hasil.perubahan] == [data.KEPALA_BKPSDM]
    assert not (await client.skp.ListSkpBawahan(s.ListSkpBawahanRequest(tahun=2023), metadata=endang)).skp
    await gagal(get(client, endang, skp), C.PERMISSION_DENIED)


async def test_sel_mph_membawa_peran_hasil_dan_peran(client):
    """Each cell carries the peran hasil and a role (docs/domain.md#matriks-peran-hasil)."""
    endang = await client.login(nip=data.ENDANG)
    skp_atasan = await buat_skp(client, endang)
    rhk = await tambah_rhk(
        client, endang, skp_atasan, teks="Tersedianya data yang akurat", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI
    )

    def tugaskan(nip, teks="", peran=s.PERAN_TIM_UNSPECIFIED):
        return client.skp.UpdatePeranHasil(
            s.UpdatePeranHasilRequest(rhk=rhk.name, nip=nip, ditugaskan=True, peran_hasil=teks, peran=peran),
            metadata=endang,
        )

    await tugaskan(data.SUTIKNO, "  Terlaksananya  pemutakhiran data  ", s.PERAN_TIM_KETUA_TIM)
    m = await tugaskan(data.SUYANTO)  # no role given: anggota
    assert [(x.nip, x.peran_hasil, x.peran) for x in m.peran[0].sel] == [
        (data.SUTIKNO, "Terlaksananya pemutakhiran data", s.PERAN_TIM_KETUA_TIM),
        (data.SUYANTO, "", s.PERAN_TIM_ANGGOTA),
    ]
    assert sorted(m.peran[0].nip) == sorted([data.SUTIKNO, data.SUYANTO])
    m = await tugaskan(data.SUYANTO, "Tersusunnya laporan", s.PERAN_TIM_KOORDINATOR)  # again: replaces both
    assert [(x.peran_hasil, x.peran) for x in m.peran[0].sel if x.nip == data.SUYANTO] == [
        ("Tersusunnya laporan", s.PERAN_TIM_KOORDINATOR)
    ]
    err = await gagal(tugaskan(data.SUYANTO, "x" * 1001), C.INVALID_ARGUMENT)
    assert "peran_hasil" in field_violations(err)
    err = await gagal(tugaskan(data.SUYANTO, "x", 9), C.INVALID_ARGUMENT)
    assert "peran" in field_violations(err)
    dibaca = await client.skp.GetMatriksPeranHasil(s.GetMatriksPeranHasilRequest(name=skp_atasan.name), metadata=endang)
    assert dibaca.peran == m.peran


async def test_sinkronisasi_tidak_mengganti_penilai_skp_disetujui_tanpa_konfirmasi(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, sutikno)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=sutikno)
    endang = await client.login(nip=data.ENDANG)
    await client.skp.SetujuiSkp(s.SetujuiSkpRequest(name=skp.name), metadata=endang)
    admin = await client.login(username="admin.madiun")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=f"pegawai/{data.SUTIKNO}", unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=admin,
    )
    kepala = await client.login(nip=data.KEPALA_BKPSDM)

    def sinkron(konfirmasi=False):
        return client.skp.SinkronisasiSkpBawahan(
            s.SinkronisasiSkpBawahanRequest(tahun=2023, konfirmasi=konfirmasi), metadata=kepala
        )

    hasil = await sinkron()
    assert not hasil.perubahan
    assert [(x.skp, x.penilai_lama.nip, x.penilai_baru.nip) for x in hasil.menunggu_konfirmasi] == [
        (skp.name, data.ENDANG, data.KEPALA_BKPSDM)
    ]
    assert "dikonfirmasi" in hasil.menunggu_konfirmasi[0].keterangan
    assert (await get(client, sutikno, skp)).penilai.nip == data.ENDANG  # unchanged until asked
    hasil = await sinkron(konfirmasi=True)
    assert [(x.pegawai_nip, x.penilai_baru.nip) for x in hasil.perubahan] == [(data.SUTIKNO, data.KEPALA_BKPSDM)]
    assert not hasil.menunggu_konfirmasi
    sesudah = await get(client, sutikno, skp)
    assert (sesudah.penilai.nip, sesudah.status) == (data.KEPALA_BKPSDM, s.STATUS_SKP_PERSETUJUAN)


async def test_tambah_pegawai_unit_lain_ke_matriks(client):
    """The atasan adds a pegawai of another unit (a team across units) and assigns them a cell."""
    endang = await client.login(nip=data.ENDANG)
    skp_atasan = await buat_skp(client, endang)
    rhk = await tambah_rhk(
        client, endang, skp_atasan, teks="Tersedianya data yang akurat", klasifikasi=s.KLASIFIKASI_RHK_ORGANISASI
    )

    def tambah(nip, md=endang):
        return client.skp.TambahPegawaiMph(s.TambahPegawaiMphRequest(name=skp_atasan.name, nip=nip), metadata=md)

    m = await tambah(data.STAF_PELAYANAN)
    [budi] = [b for b in m.bawahan if b.lintas_unit]
    assert (budi.nip, budi.nama, budi.unor_nama) == (data.STAF_PELAYANAN, "BUDI SANTOSO", "SEKSI PELAYANAN")
    assert not any(b.lintas_unit for b in m.bawahan if b.nip == data.SUTIKNO)
    m = await client.skp.UpdatePeranHasil(
        s.UpdatePeranHasilRequest(
            rhk=rhk.name,
            nip=data.STAF_PELAYANAN,
            ditugaskan=True,
            peran=s.PERAN_TIM_ANGGOTA,
            peran_hasil="Terlaksananya layanan data di kecamatan",
        ),
        metadata=endang,
    )
    assert [x.nip for x in m.peran[0].sel] == [data.STAF_PELAYANAN]
    for nip, pesan in (
        (data.STAF_PELAYANAN, "sudah ada"),
        (data.SUTIKNO, "sudah ada"),
        (data.PEGAWAI_LAIN, "tidak ditemukan"),
        (data.ENDANG, "SKP Anda sendiri"),
    ):
        err = await gagal(tambah(nip), C.INVALID_ARGUMENT)
        assert pesan in field_violations(err)["nip"], nip
    await gagal(tambah(data.SUYANTO, md=await client.login(nip=data.SUTIKNO)), C.PERMISSION_DENIED)
    await gagal(tambah(data.SUYANTO, md=await client.login(username="admin.ngawi")), C.NOT_FOUND)
    # Removing the column removes its cells; a bawahan's column cannot be removed.
    err = await gagal(
        client.skp.HapusPegawaiMph(s.HapusPegawaiMphRequest(name=skp_atasan.name, nip=data.SUTIKNO), metadata=endang),
        C.INVALID_ARGUMENT,
    )
    assert "nip" in field_violations(err)
    m = await client.skp.HapusPegawaiMph(
        s.HapusPegawaiMphRequest(name=skp_atasan.name, nip=data.STAF_PELAYANAN), metadata=endang
    )
    assert not any(b.lintas_unit for b in m.bawahan) and not m.peran
