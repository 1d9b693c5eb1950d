"""The five cases helpdesk BKPSDM fixes all year, through the gRPC API, each
with its jejak audit record; and a pegawai cannot use any of it."""

from __future__ import annotations

import datetime as dt

import grpc
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.profil.v1 import auth_pb2 as a
from ekinerja.profil.v1 import profil_pb2 as p
from ekinerja.skp.v1 import skp_pb2 as s
from google.protobuf.field_mask_pb2 import FieldMask

from tests import data
from tests.api.errors import field_violations, gagal
from tests.api.skp.bantu import buat_skp, skp_siap, tgl
from tests.api.test_auth import kode_dari_outbox

C = grpc.StatusCode
ALASAN = "Tiket #123: SK mutasi 12/2023 belum masuk"


def pegawai(nip: str) -> str:
    return f"pegawai/{nip}"


async def jejak(stub, md, **saring) -> list[au.JejakAudit]:
    return list((await stub.ListJejakAudit(au.ListJejakAuditRequest(**saring), metadata=md)).jejak)


async def test_unit_kerja_salah_diperbaiki_dengan_alasan(client):
    hd = await client.login(username="helpdesk.bkpsdm")
    ubah = p.UpdatePegawaiRequest(
        pegawai=p.Pegawai(name=pegawai(data.SUTIKNO), unor_id=data.SEKRETARIAT),
        update_mask=FieldMask(paths=["unor_id"]),
    )
    err = await gagal(client.profil.UpdatePegawai(ubah, metadata=hd), C.INVALID_ARGUMENT)
    assert "alasan" in field_violations(err)
    tetap = await client.profil.GetPegawai(p.GetPegawaiRequest(name=pegawai(data.SUTIKNO)), metadata=hd)
    assert tetap.unor_id == data.BIDANG  # refused: nothing changed, nothing recorded
    assert await jejak(client.profil, hd, atas_nama=data.SUTIKNO) == []

    ubah.alasan = ALASAN
    u = await client.profil.UpdatePegawai(ubah, metadata=hd)
    assert u.unor_id == data.SEKRETARIAT
    (j,) = await jejak(client.profil, hd, atas_nama=data.SUTIKNO)
    assert (j.layanan, j.metode, j.aktor, j.alasan) == ("profil", "UpdatePegawai", "helpdesk.bkpsdm", ALASAN)
    assert j.aktor_peran == ["helpdesk"] and j.sasaran == pegawai(data.SUTIKNO)
    assert j.sebelum == f"unor_id={data.BIDANG}" and j.sesudah == f"unor_id={data.SEKRETARIAT}"
    assert j.waktu.ToDatetime(tzinfo=dt.UTC) > dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)

    # The pegawai fixing their own jabatan needs no reason, and is recorded too.
    md = await client.login(nip=data.SUTIKNO)
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            pegawai=p.Pegawai(name=pegawai(data.SUTIKNO), jabatan="Analis SDM Aparatur"),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=md,
    )
    terbaru, _ = await jejak(client.profil, hd, atas_nama=data.SUTIKNO)
    assert (terbaru.aktor, terbaru.alasan, terbaru.sesudah) == (data.SUTIKNO, "", "jabatan=Analis SDM Aparatur")


async def test_atasan_salah_dimuat_ulang_oleh_helpdesk(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await buat_skp(client, md)
    hd = await client.login(username="helpdesk.bkpsdm")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan=ALASAN,
            pegawai=p.Pegawai(name=pegawai(data.SUTIKNO), unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=hd,
    )
    muat = s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI)
    err = await gagal(client.skp.MuatUlangSkp(muat, metadata=hd), C.INVALID_ARGUMENT)
    assert "alasan" in field_violations(err)
    muat.alasan = "Atasan lama masih tercantum setelah mutasi"
    baru = await client.skp.MuatUlangSkp(muat, metadata=hd)
    assert baru.penilai.nip == data.KEPALA_BKPSDM
    (j,) = await jejak(client.skp, hd, sasaran=skp.name, aktor="helpdesk.bkpsdm")
    (buat,) = await jejak(client.skp, hd, sasaran=skp.name, metode="CreateSkp")
    assert buat.aktor == data.SUTIKNO and buat.atas_nama == data.SUTIKNO
    assert (j.layanan, j.metode, j.atas_nama, j.alasan) == ("skp", "MuatUlangSkp", data.SUTIKNO, muat.alasan)
    assert data.ENDANG in j.sebelum and data.KEPALA_BKPSDM in j.sesudah
    riwayat = await client.skp.ListRiwayatSkp(s.ListRiwayatSkpRequest(name=skp.name), metadata=hd)
    assert "HELPDESK.BKPSDM" in riwayat.riwayat[-1].aktor_nama and muat.alasan in riwayat.riwayat[-1].alasan
    # Usernames are lowercase; a filter typed otherwise still finds them.
    assert await jejak(client.skp, hd, sasaran=skp.name, aktor="Helpdesk.BKPSDM") == [j]


async def test_status_skp_yang_macet_diubah_helpdesk(client):
    md = await client.login(nip=data.SUTIKNO)
    skp = await skp_siap(client, md)
    await client.skp.AjukanSkp(s.AjukanSkpRequest(name=skp.name), metadata=md)
    hd = await client.login(username="helpdesk.bkpsdm")
    ubah = s.UbahStatusSkpRequest(name=skp.name, status=s.STATUS_SKP_DRAFT)
    err = await gagal(client.skp.UbahStatusSkp(ubah, metadata=hd), C.INVALID_ARGUMENT)
    assert "alasan" in field_violations(err)
    ubah.alasan = "Penilai cuti panjang; pegawai perlu memperbaiki RHK"
    hasil = await client.skp.UbahStatusSkp(ubah, metadata=hd)
    assert hasil.status == s.STATUS_SKP_DRAFT
    (j,) = await jejak(client.skp, hd, metode="UbahStatusSkp")
    assert (j.sebelum, j.sesudah, j.alasan) == ("status=PENGAJUAN", "status=DRAFT", ubah.alasan)
    # The pegawai's own submission is in the trail as well, without a reason.
    (ajukan,) = await jejak(client.skp, hd, metode="AjukanSkp", atas_nama=data.SUTIKNO)
    assert ajukan.aktor == data.SUTIKNO and ajukan.sesudah == "status=PENGAJUAN"


async def test_kode_reset_password_dikirim_helpdesk_tanpa_rahasia(client, server):
    hd = await client.login(username="helpdesk.bkpsdm")
    err = await gagal(
        client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.SUTIKNO), metadata=hd), C.INVALID_ARGUMENT
    )
    assert "alasan" in field_violations(err)
    assert not list(server.context.settings.outbox_dir.glob("*.eml"))  # refused: no mail either
    r = await client.auth.KirimKodeReset(
        a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan="Pegawai lupa password, menelepon helpdesk"), metadata=hd
    )
    alamat = data.email_of(data.SUTIKNO)
    assert r.email_tersamar == f"{alamat[0]}***@{alamat.split('@')[1]}"
    assert r.kedaluwarsa.ToDatetime(tzinfo=dt.UTC) > dt.datetime.now(dt.UTC)
    await server.context.services["profil.akun"].menunggu_email()
    kode = kode_dari_outbox(server.context.settings)
    (j,) = await jejak(client.profil, hd, metode="KirimKodeReset")
    assert j.atas_nama == data.SUTIKNO and r.email_tersamar in j.sesudah
    assert kode not in str(j) and data.email_of(data.SUTIKNO) not in str(j)
    await client.auth.ResetPassword(a.ResetPasswordRequest(nip=data.SUTIKNO, kode=kode, password_baru="baru-dari-hd-1"))
    await client.login(nip=data.SUTIKNO, password="baru-dari-hd-1")
    # Another instansi's pegawai is unknown to this helpdesk.
    await gagal(
        client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.PEGAWAI_LAIN, alasan="x"), metadata=hd), C.NOT_FOUND
    )


async def test_plt_ditambah_dan_diakhiri_helpdesk(client):
    hd = await client.login(username="helpdesk.bkpsdm")
    baru = p.CreatePenugasanRequest(
        penugasan=p.Penugasan(
            nip=data.WIDANANG,
            unor_id=data.SEKRETARIAT,
            jenis=p.JENIS_PENUGASAN_PLT,
            tanggal_mulai=tgl(2023, 2, 1),
            tanggal_selesai=tgl(2023, 7, 31),
        )
    )
    err = await gagal(client.profil.CreatePenugasan(baru, metadata=hd), C.INVALID_ARGUMENT)
    assert "alasan" in field_violations(err)
    baru.alasan = "SPT Plt. Sekretaris BKPSDM nomor 800/12/2023"
    t = await client.profil.CreatePenugasan(baru, metadata=hd)
    akhiri = p.AkhiriPenugasanRequest(
        name=t.name, tanggal_selesai=tgl(2023, 5, 31), alasan="Sekretaris definitif dilantik"
    )
    selesai = await client.profil.AkhiriPenugasan(akhiri, metadata=hd)
    assert (selesai.tanggal_selesai.month, selesai.tanggal_selesai.day) == (5, 31)
    akhir, awal = await jejak(client.profil, hd, atas_nama=data.WIDANANG)
    assert (awal.metode, awal.sasaran, awal.alasan) == ("CreatePenugasan", t.name, baru.alasan)
    assert "PLT" in awal.sesudah and "SEKRETARIAT BKPSDM" in awal.sesudah
    assert (akhir.metode, akhir.sebelum, akhir.sesudah) == (
        "AkhiriPenugasan",
        "selesai=31-07-2023",
        "selesai=31-05-2023",
    )


async def test_pegawai_tidak_dapat_memakai_rpc_helpdesk(client):
    endang = await client.login(nip=data.ENDANG)  # a penilai, still only a pegawai
    skp = await buat_skp(client, await client.login(nip=data.WIDANANG))
    denied = [
        client.auth.KirimKodeReset(a.KirimKodeResetRequest(nip=data.SUTIKNO, alasan="x"), metadata=endang),
        client.auth.CariKunciSsh(a.CariKunciSshRequest(kunci_publik="ssh-ed25519 AAAA"), metadata=endang),
        client.profil.UpdatePegawai(
            p.UpdatePegawaiRequest(
                alasan="x",
                pegawai=p.Pegawai(name=pegawai(data.SUTIKNO), unor_id=data.SEKRETARIAT),
                update_mask=FieldMask(paths=["unor_id"]),
            ),
            metadata=endang,
        ),
        client.profil.KlaimPimpinan(
            p.KlaimPimpinanRequest(name=pegawai(data.SUTIKNO), ganti_pimpinan=True, alasan="x"), metadata=endang
        ),
        client.skp.MuatUlangSkp(
            s.MuatUlangSkpRequest(name=skp.name, pihak=s.PIHAK_SKP_PENILAI, alasan="x"), metadata=endang
        ),
        *(
            stub.ListJejakAudit(au.ListJejakAuditRequest(), metadata=endang)
            for stub in (client.profil, client.skp, client.penilaian, client.cetak)
        ),
    ]
    for call in denied:
        await gagal(call, C.PERMISSION_DENIED)
    # UbahStatusSkp of an SKP whose penilai she is not: denied as well.
    sutikno_skp = await buat_skp(client, await client.login(nip=data.SUTIKNO), awal=(2024, 1, 1), akhir=(2024, 12, 31))
    await gagal(
        client.skp.UbahStatusSkp(
            s.UbahStatusSkpRequest(name=sutikno_skp.name, status=s.STATUS_SKP_PERSETUJUAN, alasan="x"),
            metadata=await client.login(nip=data.WIDANANG),
        ),
        C.PERMISSION_DENIED,
    )
