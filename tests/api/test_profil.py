"""ProfilService through a real channel, on SQLite and PostgreSQL."""

import datetime as dt

import grpc
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from google.type.date_pb2 import Date

from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode


def nama(nip):
    return f"pegawai/{nip}"


def tanggal(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)


async def atasan(client, md, nip, pada=None, unor_plt=""):
    req = p.GetAtasanRequest(name=nama(nip), unor_plt=unor_plt)
    if pada:
        req.tanggal.CopyFrom(tanggal(pada))
    return await client.profil.GetAtasan(req, metadata=md)


async def test_data_pribadi_seperti_manual(client):
    md = await client.login(nip=data.WIDANANG)
    g = await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.WIDANANG)), metadata=md)
    assert (g.instansi.nama, g.nama, g.jabatan) == (
        "Pemerintah Kab. Madiun",
        "WIDANANG SASMITO AJI",
        "Analis Kepegawaian Muda / Ahli Muda",
    )
    assert (g.golongan_ruang, g.pangkat, g.jenis) == ("III/c", "Penata", p.JENIS_PEGAWAI_PEGAWAI)
    assert g.unor.id == data.BIDANG
    assert g.unor_atasan.nama == g.unor_induk.nama == "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
    assert g.email == data.email_of(data.WIDANANG)
    e = await client.profil.GetPegawai(
        p.GetPegawaiRequest(name=nama(data.ENDANG)), metadata=await client.login(nip=data.ENDANG)
    )
    assert e.jenis == p.JENIS_PEGAWAI_PIMPINAN


async def test_pegawai_tidak_boleh_membaca_profil_orang_lain(client):
    md = await client.login(nip=data.SUTIKNO)
    await gagal(
        client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.WIDANANG)), metadata=md), C.PERMISSION_DENIED
    )
    await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.WIDANANG), jabatan="Ketua"), update_mask=FieldMask(paths=["jabatan"])
            ),
            metadata=md,
        ),
        C.PERMISSION_DENIED,
    )


async def test_admin_dan_layanan_membaca_dalam_instansinya_saja_akun_gerbang_tidak_sama_sekali(client):
    admin = await client.login(username="admin.madiun")
    assert (await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.SUTIKNO)), metadata=admin)).email
    # A service account (another system calling the API) reads its own instansi.
    layanan = await client.login(username="layanan.siasn")
    g = await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.SUTIKNO)), metadata=layanan)
    assert g.nama == "SUTIKNO" and g.email == ""  # a service account does not need the address
    # The SSH gateway's account: keys and login tickets only (services/shared/principal.py).
    gerbang = await client.login(username="gerbang.ssh")
    err = await gagal(
        client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.SUTIKNO)), metadata=gerbang), C.PERMISSION_DENIED
    )
    assert "gerbang SSH" in err.details()
    ngawi = await client.login(username="admin.ngawi")
    # Another instansi's pegawai is as unknown as a NIP that does not exist.
    await gagal(client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.SUTIKNO)), metadata=ngawi), C.NOT_FOUND)


async def test_nama_sumber_daya_tidak_sah(client):
    md = await client.login(nip=data.SUTIKNO)
    err = await gagal(
        client.profil.GetPegawai(p.GetPegawaiRequest(name="pegawai/19690323200212100"), metadata=md), C.INVALID_ARGUMENT
    )
    assert "18 digit" in field_violations(err)["name"]
    err = await gagal(client.profil.GetPegawai(p.GetPegawaiRequest(name=data.SUTIKNO), metadata=md), C.INVALID_ARGUMENT)
    assert "name" in field_violations(err)
    await gagal(
        client.profil.GetPegawai(
            p.GetPegawaiRequest(name=nama("199901012020011001")), metadata=await client.login(username="admin.madiun")
        ),
        C.NOT_FOUND,
    )


async def test_edit_profil_sendiri_dan_etag(client):
    md = await client.login(nip=data.SUTIKNO)
    g = await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.SUTIKNO)), metadata=md)
    u = await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=nama(data.SUTIKNO), jabatan="Pengelola Data Kepegawaian", etag=g.etag),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=md,
    )
    assert u.jabatan == "Pengelola Data Kepegawaian" and u.etag != g.etag
    await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.SUTIKNO), jabatan="Lain", etag=g.etag),
                update_mask=FieldMask(paths=["jabatan"]),
            ),
            metadata=md,
        ),
        C.ABORTED,
    )
    err = await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.SUTIKNO), nama="NAMA BARU"), update_mask=FieldMask(paths=["nama"])
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "admin" in field_violations(err)["update_mask"]
    err = await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.SUTIKNO), unor_id="bukan-id"), update_mask=FieldMask(paths=["unor_id"])
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "pegawai.unor_id" in field_violations(err)
    err = await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.SUTIKNO), unor_id=data.UNOR_LAIN),
                update_mask=FieldMask(paths=["unor_id"]),
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "instansi" in field_violations(err)["pegawai.unor_id"]


async def test_helpdesk_mengubah_golongan_dan_email(client):
    md = await client.login(username="helpdesk.bkpsdm")
    u = await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="SK kenaikan pangkat",
            pegawai=p.Pegawai(name=nama(data.SUTIKNO), golongan_ruang="ii/b", email="Sutikno@Madiunkab.go.id"),
            update_mask=FieldMask(paths=["golongan_ruang", "email"]),
        ),
        metadata=md,
    )
    assert (u.golongan_ruang, u.pangkat, u.email) == ("II/b", "Pengatur Muda Tingkat I", "sutikno@madiunkab.go.id")
    err = await gagal(
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                pegawai=p.Pegawai(name=nama(data.SUTIKNO), golongan_ruang="V/a"),
                update_mask=FieldMask(paths=["golongan_ruang"]),
            ),
            metadata=md,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "pegawai.golongan_ruang" in field_violations(err)


async def test_data_atasan(client):
    admin = await client.login(username="admin.madiun")
    assert (await atasan(client, admin, data.SUTIKNO)).atasan.nama == "ENDANG SUMARSIH"
    assert (await atasan(client, admin, data.ENDANG)).atasan.nip == data.KEPALA_BKPSDM
    assert (await atasan(client, admin, data.STAF_SEKRETARIAT)).atasan.nip == data.KEPALA_BKPSDM
    puncak = await atasan(client, admin, data.SEKDA)
    assert not puncak.HasField("atasan") and "tertinggi" in puncak.keterangan


async def test_atasan_plt_dalam_dan_di_luar_masa_tugas(client):
    admin = await client.login(username="admin.madiun")
    dalam = await atasan(client, admin, data.STAF_PELAYANAN, dt.date(2023, 1, 15))
    assert dalam.atasan.nama == "NUR PURWATI NINGSIH" and dalam.sebagai == p.JENIS_PENUGASAN_PLT
    luar = await atasan(client, admin, data.STAF_PELAYANAN, dt.date(2023, 6, 1))
    assert luar.atasan.nip == data.CAMAT and luar.sebagai == p.JENIS_PENUGASAN_UNSPECIFIED
    # The PLT is rated from the unit above the one she leads.
    assert (await atasan(client, admin, data.NUR_PURWATI, dt.date(2023, 1, 15))).atasan.nip == data.CAMAT
    err = await gagal(
        atasan(client, admin, data.SUTIKNO, dt.date(2023, 1, 15), f"unor/{data.PELAYANAN}"), C.INVALID_ARGUMENT
    )
    assert "unor_plt" in field_violations(err)


async def test_list_pegawai_bawahan(client):
    md = await client.login(nip=data.ENDANG)
    r = await client.profil.ListBawahan(p.ListBawahanRequest(name=nama(data.ENDANG)), metadata=md)
    assert [b.pegawai.nama for b in r.bawahan] == ["SUTIKNO", "SUYANTO", "WIDANANG SASMITO AJI"]
    kepala = await client.login(nip=data.KEPALA_BKPSDM)
    r = await client.profil.ListBawahan(p.ListBawahanRequest(name=nama(data.KEPALA_BKPSDM)), metadata=kepala)
    assert {b.pegawai.nip for b in r.bawahan} == {data.ENDANG, data.STAF_SEKRETARIAT}
    camat = await client.login(nip=data.CAMAT)
    req = p.ListBawahanRequest(name=nama(data.CAMAT), tanggal=tanggal(dt.date(2023, 1, 15)))
    r = await client.profil.ListBawahan(req, metadata=camat)
    assert [(b.pegawai.nip, b.sebagai) for b in r.bawahan] == [(data.NUR_PURWATI, p.JENIS_PENUGASAN_PLT)]
    req.tanggal.CopyFrom(tanggal(dt.date(2023, 6, 1)))
    r = await client.profil.ListBawahan(req, metadata=camat)
    assert {b.pegawai.nip for b in r.bawahan} == {data.NUR_PURWATI, data.STAF_PELAYANAN}


async def test_list_pegawai_satu_unit_kerja_berhalaman(client):
    md = await client.login(nip=data.SUTIKNO)
    req = p.ListPegawaiRequest(parent=f"unor/{data.BIDANG}", page_size=3)
    first = await client.profil.ListPegawai(req, metadata=md)
    assert first.total_size == 4 and len(first.pegawai) == 3 and first.next_page_token
    req.page_token = first.next_page_token
    second = await client.profil.ListPegawai(req, metadata=md)
    assert [x.nama for x in [*first.pegawai, *second.pegawai]] == [
        "ENDANG SUMARSIH",
        "SUTIKNO",
        "SUYANTO",
        "WIDANANG SASMITO AJI",
    ]
    assert not second.next_page_token
    await gagal(
        client.profil.ListPegawai(p.ListPegawaiRequest(parent=f"unor/{data.PELAYANAN}"), metadata=md),
        C.PERMISSION_DENIED,
    )
    err = await gagal(
        client.profil.ListPegawai(p.ListPegawaiRequest(parent=f"unor/{data.BIDANG}", page_token="zz"), metadata=md),
        C.INVALID_ARGUMENT,
    )
    assert "page_token" in field_violations(err)


async def test_cari_pegawai_untuk_helpdesk(client):
    md = await client.login(username="helpdesk.bkpsdm")
    r = await client.profil.SearchPegawai(p.SearchPegawaiRequest(query="sutik"), metadata=md)
    assert [x.nip for x in r.pegawai] == [data.SUTIKNO]
    r = await client.profil.SearchPegawai(p.SearchPegawaiRequest(query="1971"), metadata=md)
    assert [x.nip for x in r.pegawai] == [data.ENDANG]
    r = await client.profil.SearchPegawai(p.SearchPegawaiRequest(query="instansi lain"), metadata=md)
    assert not r.pegawai  # other instansi's pegawai are not found
    # A pegawai searches too (Tambah Pegawai in the Matriks Peran Hasil), within the instansi.
    r = await client.profil.SearchPegawai(
        p.SearchPegawaiRequest(query="budi"), metadata=await client.login(nip=data.ENDANG)
    )
    assert [(x.nip, x.unor_nama) for x in r.pegawai] == [(data.STAF_PELAYANAN, "SEKSI PELAYANAN")]
    assert not (
        await client.profil.SearchPegawai(
            p.SearchPegawaiRequest(query="instansi lain"), metadata=await client.login(nip=data.ENDANG)
        )
    ).pegawai


async def test_klaim_pimpinan(client):
    widanang = await client.login(nip=data.WIDANANG)
    err = await gagal(
        client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=nama(data.WIDANANG)), metadata=widanang),
        C.FAILED_PRECONDITION,
    )
    assert "bukan jabatan pimpinan" in err.details()
    # Helpdesk moves SUTIKNO to the Sekretariat, which has no pimpinan yet.
    helpdesk = await client.login(username="helpdesk.bkpsdm")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(name=nama(data.SUTIKNO), unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=helpdesk,
    )
    assert (await atasan(client, helpdesk, data.SUTIKNO)).atasan.nip == data.KEPALA_BKPSDM
    sri = await client.login(nip=data.STAF_SEKRETARIAT)
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=nama(data.STAF_SEKRETARIAT), jabatan="Sekretaris BKPSDM"),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=sri,
    )
    unor = await client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=nama(data.STAF_SEKRETARIAT)), metadata=sri)
    # Her jabatan is her own edit: the claim waits for admin/helpdesk
    # (tests/api/test_klaim_penugasan.py has the whole flow).
    assert not unor.HasField("pimpinan") and unor.klaim.status == p.STATUS_KLAIM_MENUNGGU
    assert (await atasan(client, helpdesk, data.SUTIKNO)).atasan.nip == data.KEPALA_BKPSDM
    await client.profil.PutuskanKlaimPimpinan(
        p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=True, alasan="uji: SK diperiksa"),
        metadata=helpdesk,
    )
    assert (await atasan(client, helpdesk, data.SUTIKNO)).atasan.nip == data.STAF_SEKRETARIAT


async def test_unit_berpimpinan_hanya_diganti_admin(client):
    helpdesk = await client.login(username="helpdesk.bkpsdm")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: perbaikan data",
            pegawai=p.Pegawai(
                name=nama(data.WIDANANG), jabatan="Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"
            ),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=helpdesk,
    )
    widanang = await client.login(nip=data.WIDANANG)
    err = await gagal(
        client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=nama(data.WIDANANG)), metadata=widanang),
        C.FAILED_PRECONDITION,
    )
    assert "ENDANG SUMARSIH" in err.details()
    await gagal(
        client.profil.KlaimPimpinan(
            p.KlaimPimpinanRequest(name=nama(data.WIDANANG), ganti_pimpinan=True), metadata=widanang
        ),
        C.PERMISSION_DENIED,
    )
    u = await client.profil.KlaimPimpinan(
        p.KlaimPimpinanRequest(alasan="uji: perbaikan data", name=nama(data.WIDANANG), ganti_pimpinan=True),
        metadata=helpdesk,
    )
    assert u.pimpinan.nip == data.WIDANANG
    assert (await atasan(client, helpdesk, data.SUTIKNO)).atasan.nip == data.WIDANANG


async def test_pimpinan_pindah_melepas_klaim(client):
    endang = await client.login(nip=data.ENDANG)
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=nama(data.ENDANG), jabatan="Analis Kebijakan Ahli Madya"),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=endang,
    )
    admin = await client.login(username="admin.madiun")
    assert (await atasan(client, admin, data.SUTIKNO)).atasan.nip == data.KEPALA_BKPSDM
    unor = await client.profil.GetUnor(p.GetUnorRequest(name=f"unor/{data.BIDANG}"), metadata=admin)
    assert not unor.HasField("pimpinan")


async def test_unor_pohon_dan_pencarian(client):
    md = await client.login(nip=data.SUTIKNO)
    r = await client.profil.ListUnor(p.ListUnorRequest(), metadata=md)
    assert [(u.nama, u.kedalaman) for u in r.unor][:3] == [
        ("SEKRETARIAT DAERAH", 0),
        ("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", 1),
        ("BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI", 2),
    ]
    assert "DINAS PENDIDIKAN" not in [u.nama for u in r.unor]
    r = await client.profil.ListUnor(p.ListUnorRequest(query="pelayanan"), metadata=md)
    assert [(u.id, u.induk_id) for u in r.unor] == [(data.PELAYANAN, data.JIWAN)]
    await gagal(
        client.profil.ListUnor(p.ListUnorRequest(instansi_id=data.INSTANSI_LAIN), metadata=md), C.PERMISSION_DENIED
    )


async def test_penugasan_plt(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    mulai, selesai = tanggal(dt.date(2023, 1, 1)), tanggal(dt.date(2023, 12, 31))
    admin = await client.login(username="admin.madiun")
    t = await client.profil.CreatePenugasan(
        p.CreatePenugasanRequest(
            request_id="plt-sutikno-1",
            alasan="SK 800/1/2023",
            penugasan=p.Penugasan(
                nip=data.SUTIKNO,
                unor_id=data.SEKRETARIAT,
                jenis=p.JENIS_PENUGASAN_PLT,
                tanggal_mulai=mulai,
                tanggal_selesai=selesai,
            ),
        ),
        metadata=admin,
    )
    assert t.jabatan == "Plt. Sekretaris BKPSDM" and t.unor_nama == "SEKRETARIAT BKPSDM"
    a = await atasan(client, admin, data.STAF_SEKRETARIAT, dt.date(2023, 6, 1))
    assert a.atasan.nip == data.SUTIKNO and a.sebagai == p.JENIS_PENUGASAN_PLT
    # SUTIKNO's PLT role is rated by the head of the Badan.
    assert (
        await atasan(client, admin, data.SUTIKNO, dt.date(2023, 6, 1), f"unor/{data.SEKRETARIAT}")
    ).atasan.nip == data.KEPALA_BKPSDM
    err = await gagal(
        client.profil.CreatePenugasan(
            p.CreatePenugasanRequest(
                alasan="uji: perbaikan data",
                penugasan=p.Penugasan(
                    nip=data.WIDANANG,
                    unor_id=data.SEKRETARIAT,
                    jenis=p.JENIS_PENUGASAN_PLH,
                    tanggal_mulai=tanggal(dt.date(2023, 6, 1)),
                    tanggal_selesai=tanggal(dt.date(2023, 6, 30)),
                ),
            ),
            metadata=admin,
        ),
        C.FAILED_PRECONDITION,
    )
    assert "sudah memiliki PLT" in err.details()
    err = await gagal(
        client.profil.CreatePenugasan(
            p.CreatePenugasanRequest(
                alasan="uji: perbaikan data",
                penugasan=p.Penugasan(
                    nip=data.WIDANANG,
                    unor_id=data.PELAYANAN,
                    jenis=p.JENIS_PENUGASAN_PLH,
                    tanggal_mulai=selesai,
                    tanggal_selesai=mulai,
                ),
            ),
            metadata=admin,
        ),
        C.INVALID_ARGUMENT,
    )
    assert "penugasan.tanggal_selesai" in field_violations(err)
    await gagal(
        client.profil.CreatePenugasan(
            p.CreatePenugasanRequest(
                penugasan=p.Penugasan(
                    nip=data.WIDANANG,
                    unor_id=data.PELAYANAN,
                    jenis=p.JENIS_PENUGASAN_PLH,
                    tanggal_mulai=mulai,
                    tanggal_selesai=selesai,
                )
            ),
            metadata=sutikno,
        ),
        C.PERMISSION_DENIED,
    )
    daftar = await client.profil.ListPenugasan(p.ListPenugasanRequest(parent=nama(data.SUTIKNO)), metadata=sutikno)
    assert [x.id for x in daftar.penugasan] == [t.id]
    akhir = await client.profil.AkhiriPenugasan(
        p.AkhiriPenugasanRequest(name=t.name, tanggal_selesai=tanggal(dt.date(2023, 3, 31))), metadata=sutikno
    )
    assert akhir.tanggal_selesai.month == 3
    assert (await atasan(client, admin, data.STAF_SEKRETARIAT, dt.date(2023, 6, 1))).atasan.nip == data.KEPALA_BKPSDM
