"""Who may lead a unit (docs/domain.md#klaim-pimpinan, #plt-dan-plh), through a
real channel on SQLite and PostgreSQL: a claim resting on data the pegawai set
himself waits for admin/helpdesk and grants nothing until then; a PLT is
refused on a unit with a definitive pimpinan; a PLH stands in for one; a
pegawai only requests an assignment."""

import datetime as dt
from pathlib import Path

import grpc
from ekinerja.audit.v1 import audit_pb2 as au
from ekinerja.profil.v1 import profil_pb2 as p
from google.protobuf.field_mask_pb2 import FieldMask
from google.type.date_pb2 import Date
from sqlalchemy import update

from services.profil.importer import import_pegawai, import_unor
from services.profil.passwords import hash_password_sync
from services.profil.store.models import AkunRow
from services.shared.db import Database
from tests import data
from tests.api.errors import field_violations, gagal

C = grpc.StatusCode
SD = "10000000000000000000000000000006"
GURU = "197505052000032001"
TU_SD = "199306062019021001"


def nama(nip: str) -> str:
    return f"pegawai/{nip}"


def tgl(d: dt.date) -> Date:
    return Date(year=d.year, month=d.month, day=d.day)


async def atasan(client, md, nip, pada=None, unor_plt=""):
    req = p.GetAtasanRequest(name=nama(nip), unor_plt=unor_plt)
    if pada:
        req.tanggal.CopyFrom(tgl(pada))
    return await client.profil.GetAtasan(req, metadata=md)


async def bawahan(client, md, nip, pada=None):
    req = p.ListBawahanRequest(name=nama(nip))
    if pada:
        req.tanggal.CopyFrom(tgl(pada))
    return sorted(b.pegawai.nip for b in (await client.profil.ListBawahan(req, metadata=md)).bawahan)


async def ubah_sendiri(client, md, nip, **nilai):
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(pegawai=p.Pegawai(name=nama(nip), **nilai), update_mask=FieldMask(paths=list(nilai))),
        metadata=md,
    )


async def klaim(client, md, nip, **kw):
    return await client.profil.KlaimPimpinan(p.KlaimPimpinanRequest(name=nama(nip), **kw), metadata=md)


async def menunggu(client, md):
    r = await client.profil.ListKlaimPimpinan(p.ListKlaimPimpinanRequest(status=p.STATUS_KLAIM_MENUNGGU), metadata=md)
    return list(r.klaim), r.total_size


async def test_klaim_atas_data_sendiri_menunggu_dan_tidak_memberi_hak(client):
    """The issue's case: a pegawai moves himself into a headless unit, takes
    its head title and claims it. Nothing changes until admin confirms."""
    admin = await client.login(username="admin.madiun")
    hd = await client.login(username="helpdesk.bkpsdm")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: mutasi",
            pegawai=p.Pegawai(name=nama(data.SUTIKNO), unor_id=data.SEKRETARIAT),
            update_mask=FieldMask(paths=["unor_id"]),
        ),
        metadata=hd,
    )
    widanang = await client.login(nip=data.WIDANANG)
    await ubah_sendiri(client, widanang, data.WIDANANG, unor_id=data.SEKRETARIAT, jabatan="Sekretaris BKPSDM")
    unor = await klaim(client, widanang, data.WIDANANG)
    assert not unor.HasField("pimpinan")
    assert unor.klaim.status == p.STATUS_KLAIM_MENUNGGU and "Edit Profil" in unor.klaim.dasar
    # Grants nothing: not atasan of anyone, not Pimpinan, GetAtasan unchanged.
    assert (await atasan(client, admin, data.SUTIKNO)).atasan.nip == data.KEPALA_BKPSDM
    assert await bawahan(client, widanang, data.WIDANANG) == []
    diri = await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(data.WIDANANG)), metadata=widanang)
    assert diri.jenis == p.JENIS_PEGAWAI_PEGAWAI
    # Asking again does not make a second claim.
    assert (await klaim(client, widanang, data.WIDANANG)).klaim.id == unor.klaim.id
    # The pegawai sees his own; only admin/helpdesk see the instansi's and decide.
    sendiri = await client.profil.ListKlaimPimpinan(
        p.ListKlaimPimpinanRequest(parent=nama(data.WIDANANG)), metadata=widanang
    )
    assert [k.id for k in sendiri.klaim] == [unor.klaim.id]
    await gagal(client.profil.ListKlaimPimpinan(p.ListKlaimPimpinanRequest(), metadata=widanang), C.PERMISSION_DENIED)
    await gagal(
        client.profil.PutuskanKlaimPimpinan(
            p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=True, alasan="x"), metadata=widanang
        ),
        C.PERMISSION_DENIED,
    )
    daftar, total = await menunggu(client, admin)
    assert total == 1 and daftar[0].pegawai.nip == data.WIDANANG and daftar[0].unor.id == data.SEKRETARIAT
    admin_lain = await client.login(username="admin.ngawi")
    await gagal(
        client.profil.PutuskanKlaimPimpinan(
            p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=True, alasan="x"), metadata=admin_lain
        ),
        C.NOT_FOUND,
    )
    assert (await menunggu(client, admin_lain))[1] == 0
    # Admin confirms: now he leads the unit.
    putus = await client.profil.PutuskanKlaimPimpinan(
        p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=True, alasan="SK mutasi 821/45/2023 diperiksa"),
        metadata=admin,
    )
    assert putus.status == p.STATUS_KLAIM_DISETUJUI and putus.diputus_oleh == "admin.madiun"
    assert putus.pimpinan_sekarang.nip == data.WIDANANG
    assert (await atasan(client, admin, data.SUTIKNO)).atasan.nip == data.WIDANANG
    assert await bawahan(client, widanang, data.WIDANANG) == sorted([data.SUTIKNO, data.STAF_SEKRETARIAT])
    await gagal(
        client.profil.PutuskanKlaimPimpinan(
            p.PutuskanKlaimPimpinanRequest(name=unor.klaim.name, setujui=False, alasan="x"), metadata=admin
        ),
        C.FAILED_PRECONDITION,
    )
    jejak = (
        await client.profil.ListJejakAudit(au.ListJejakAuditRequest(atas_nama=data.WIDANANG), metadata=admin)
    ).jejak
    keputusan = [j for j in jejak if j.metode == "PutuskanKlaimPimpinan"]
    assert len(keputusan) == 1 and keputusan[0].alasan == "SK mutasi 821/45/2023 diperiksa"
    assert "DISETUJUI" in keputusan[0].sesudah and keputusan[0].sasaran == unor.klaim.name
    assert any(j.metode == "KlaimPimpinan" and "MENUNGGU" in j.sesudah for j in jejak)


async def test_admin_menolak_klaim_dengan_alasan(client):
    sri = await client.login(nip=data.STAF_SEKRETARIAT)
    await ubah_sendiri(client, sri, data.STAF_SEKRETARIAT, jabatan="Sekretaris BKPSDM")
    k = (await klaim(client, sri, data.STAF_SEKRETARIAT)).klaim
    hd = await client.login(username="helpdesk.bkpsdm")
    err = await gagal(
        client.profil.PutuskanKlaimPimpinan(p.PutuskanKlaimPimpinanRequest(name=k.name, setujui=False), metadata=hd),
        C.INVALID_ARGUMENT,
    )
    assert "alasan" in field_violations(err)
    tolak = await client.profil.PutuskanKlaimPimpinan(
        p.PutuskanKlaimPimpinanRequest(
            name=k.name, setujui=False, alasan="Tidak ada SK pengangkatan sebagai Sekretaris"
        ),
        metadata=hd,
    )
    assert tolak.status == p.STATUS_KLAIM_DITOLAK
    sendiri = (
        await client.profil.ListKlaimPimpinan(
            p.ListKlaimPimpinanRequest(parent=nama(data.STAF_SEKRETARIAT)), metadata=sri
        )
    ).klaim
    assert [(x.status, x.alasan_keputusan) for x in sendiri] == [
        (p.STATUS_KLAIM_DITOLAK, "Tidak ada SK pengangkatan sebagai Sekretaris")
    ]
    unor = await client.profil.GetUnor(p.GetUnorRequest(name=f"unor/{data.SEKRETARIAT}"), metadata=hd)
    assert not unor.HasField("pimpinan")


async def test_klaim_menunggu_batal_bila_unit_atau_jabatan_berubah(client):
    sri = await client.login(nip=data.STAF_SEKRETARIAT)
    await ubah_sendiri(client, sri, data.STAF_SEKRETARIAT, jabatan="Sekretaris BKPSDM")
    k = (await klaim(client, sri, data.STAF_SEKRETARIAT)).klaim
    await ubah_sendiri(client, sri, data.STAF_SEKRETARIAT, jabatan="Pengelola Umum")
    admin = await client.login(username="admin.madiun")
    assert (await menunggu(client, admin))[1] == 0
    await gagal(
        client.profil.PutuskanKlaimPimpinan(
            p.PutuskanKlaimPimpinanRequest(name=k.name, setujui=True, alasan="x"), metadata=admin
        ),
        C.FAILED_PRECONDITION,
    )


async def test_klaim_atas_data_master_atau_data_dari_admin_berlaku_seketika(client, settings, tmp_path: Path):
    # Admin corrected the jabatan: that is the confirmation.
    admin = await client.login(username="admin.madiun")
    await client.profil.UpdatePegawai(
        p.UpdatePegawaiRequest(
            alasan="uji: SK 821/1",
            pegawai=p.Pegawai(name=nama(data.STAF_SEKRETARIAT), jabatan="Sekretaris BKPSDM"),
            update_mask=FieldMask(paths=["jabatan"]),
        ),
        metadata=admin,
    )
    sri = await client.login(nip=data.STAF_SEKRETARIAT)
    unor = await klaim(client, sri, data.STAF_SEKRETARIAT)
    assert unor.pimpinan.nip == data.STAF_SEKRETARIAT and not unor.HasField("klaim")
    # Master data: an import names NUR PURWATI Kepala Seksi Pelayanan after she
    # had set it herself; her claim then takes effect at once.
    nur = await client.login(nip=data.NUR_PURWATI)
    await ubah_sendiri(client, nur, data.NUR_PURWATI, jabatan="Kepala Seksi Pelayanan")
    berkas = tmp_path / "pegawai.csv"
    berkas.write_text(
        "nip;nama;jabatan;golongan_ruang;id_unor;email\n"
        f"{data.NUR_PURWATI};NUR PURWATI NINGSIH;Kepala Seksi Pelayanan;III/a;{data.PELAYANAN};"
        f"{data.email_of(data.NUR_PURWATI)}\n",
        encoding="utf-8",
    )
    db = Database.for_service(settings, "profil")
    try:
        laporan = await import_pegawai(db, berkas)
    finally:
        await db.dispose()
    assert not laporan.ditolak
    unor = await klaim(client, nur, data.NUR_PURWATI)
    assert unor.pimpinan.nip == data.NUR_PURWATI and not unor.HasField("klaim")
    assert (await atasan(client, admin, data.STAF_PELAYANAN, dt.date.today())).atasan.nip == data.NUR_PURWATI


async def _sekolah(settings, tmp_path: Path) -> None:
    unor = tmp_path / "unor.csv"
    unor.write_text(
        "id_unor;nama_unor;id_unor_atasan;unor_induk;jabatan_pimpinan;id_instansi;nama_instansi\n"
        f"{SD};SD NEGERI 1 JIWAN;{data.JIWAN};N;Kepala SD Negeri 1 Jiwan;{data.INSTANSI};"
        "Pemerintah Kab. Madiun\n",
        encoding="utf-8",
    )
    pegawai = tmp_path / "pegawai.csv"
    pegawai.write_text(
        "nip;nama;jabatan;golongan_ruang;id_unor;email\n"
        f"{GURU};SITI AMINAH;Guru Ahli Madya;IV/a;{SD};guru@contoh.go.id\n"
        f"{TU_SD};AGUS PRASETYO;Pengadministrasi Umum;II/a;{SD};tu@contoh.go.id\n",
        encoding="utf-8",
    )
    db = Database.for_service(settings, "profil")
    try:
        assert not (await import_unor(db, unor)).ditolak
        assert not (await import_pegawai(db, pegawai)).ditolak
        async with db.transaction() as s:  # imported accounts have no password yet
            await s.execute(
                update(AkunRow)
                .where(AkunRow.nip.in_([GURU, TU_SD]))
                .values(password_hash=hash_password_sync(data.PASSWORD))
            )
    finally:
        await db.dispose()


async def test_kepala_sekolah_jabatan_fungsional_mengklaim(client, settings, tmp_path: Path):
    """A kepala sekolah holds "Guru Ahli Madya", not the unit's head title: he
    claims without rewriting his jabatan. Master data does not say which
    guru carries the extra duty, so admin/helpdesk confirms."""
    await _sekolah(settings, tmp_path)
    tu = await client.login(nip=TU_SD)
    err = await gagal(klaim(client, tu, TU_SD), C.FAILED_PRECONDITION)
    assert "bukan jabatan pimpinan" in err.details()
    guru = await client.login(nip=GURU)
    k = (await klaim(client, guru, GURU)).klaim
    assert k.status == p.STATUS_KLAIM_MENUNGGU and "kepala sekolah" in k.dasar
    admin = await client.login(username="admin.madiun")
    assert (await atasan(client, admin, TU_SD)).atasan.nip == data.CAMAT
    await client.profil.PutuskanKlaimPimpinan(
        p.PutuskanKlaimPimpinanRequest(name=k.name, setujui=True, alasan="SK tugas tambahan kepala sekolah 800/3/2023"),
        metadata=admin,
    )
    assert (await atasan(client, admin, TU_SD)).atasan.nip == GURU
    diri = await client.profil.GetPegawai(p.GetPegawaiRequest(name=nama(GURU)), metadata=guru)
    assert diri.jenis == p.JENIS_PEGAWAI_PIMPINAN and diri.jabatan == "Guru Ahli Madya"


async def test_admin_mengklaimkan_kepala_sekolah_berlaku_seketika(client, settings, tmp_path: Path):
    await _sekolah(settings, tmp_path)
    hd = await client.login(username="helpdesk.bkpsdm")
    unor = await client.profil.KlaimPimpinan(
        p.KlaimPimpinanRequest(name=nama(GURU), alasan="SK tugas tambahan kepala sekolah 800/3/2023"), metadata=hd
    )
    assert unor.pimpinan.nip == GURU and not unor.HasField("klaim")


async def test_plt_ditolak_bila_unit_punya_pimpinan_definitif(client):
    admin = await client.login(username="admin.madiun")
    err = await gagal(
        client.profil.CreatePenugasan(
            p.CreatePenugasanRequest(
                alasan="SK 800/1",
                penugasan=p.Penugasan(
                    nip=data.WIDANANG,
                    unor_id=data.BIDANG,
                    jenis=p.JENIS_PENUGASAN_PLT,
                    tanggal_mulai=tgl(dt.date(2023, 6, 1)),
                    tanggal_selesai=tgl(dt.date(2023, 6, 30)),
                ),
            ),
            metadata=admin,
        ),
        C.FAILED_PRECONDITION,
    )
    assert "ENDANG SUMARSIH" in err.details() and "Plh" in err.details()
    # A pegawai's request is refused the same way.
    widanang = await client.login(nip=data.WIDANANG)
    err = await gagal(
        client.profil.CreatePenugasan(
            p.CreatePenugasanRequest(
                penugasan=p.Penugasan(
                    nip=data.WIDANANG,
                    unor_id=data.BIDANG,
                    jenis=p.JENIS_PENUGASAN_PLT,
                    tanggal_mulai=tgl(dt.date(2023, 6, 1)),
                    tanggal_selesai=tgl(dt.date(2023, 6, 30)),
                )
            ),
            metadata=widanang,
        ),
        C.FAILED_PRECONDITION,
    )
    assert "ENDANG SUMARSIH" in err.details()


async def test_plh_bertindak_sebagai_pimpinan_selama_tanggalnya(client):
    admin = await client.login(username="admin.madiun")
    t = await client.profil.CreatePenugasan(
        p.CreatePenugasanRequest(
            alasan="SPT Plh. 800/77/2023: Kepala Bidang cuti",
            penugasan=p.Penugasan(
                nip=data.WIDANANG,
                unor_id=data.BIDANG,
                jenis=p.JENIS_PENUGASAN_PLH,
                tanggal_mulai=tgl(dt.date(2023, 6, 1)),
                tanggal_selesai=tgl(dt.date(2023, 6, 30)),
            ),
        ),
        metadata=admin,
    )
    assert t.status == p.STATUS_PENUGASAN_BERLAKU and t.alasan_keputusan.startswith("SPT Plh.")
    dalam, luar = dt.date(2023, 6, 15), dt.date(2023, 7, 1)
    a = await atasan(client, admin, data.SUTIKNO, dalam)
    assert (a.atasan.nip, a.sebagai) == (data.WIDANANG, p.JENIS_PENUGASAN_PLH)
    assert (await atasan(client, admin, data.SUTIKNO, luar)).atasan.nip == data.ENDANG
    # The definitive pimpinan is rated from the unit above meanwhile, as is the PLH role.
    assert (await atasan(client, admin, data.ENDANG, dalam)).atasan.nip == data.KEPALA_BKPSDM
    assert (await atasan(client, admin, data.WIDANANG, dalam, f"unor/{data.BIDANG}")).atasan.nip == data.KEPALA_BKPSDM
    assert await bawahan(client, admin, data.WIDANANG, dalam) == sorted([data.SUTIKNO, data.SUYANTO])
    assert await bawahan(client, admin, data.ENDANG, dalam) == []
    assert data.ENDANG in await bawahan(client, admin, data.KEPALA_BKPSDM, dalam)
    assert await bawahan(client, admin, data.ENDANG, luar) == sorted([data.SUTIKNO, data.WIDANANG, data.SUYANTO])


async def test_pegawai_meminta_penugasan_admin_mendaftarkan(client):
    sutikno = await client.login(nip=data.SUTIKNO)
    minta = await client.profil.CreatePenugasan(
        p.CreatePenugasanRequest(
            penugasan=p.Penugasan(
                nip=data.SUTIKNO,
                unor_id=data.SEKRETARIAT,
                jenis=p.JENIS_PENUGASAN_PLT,
                tanggal_mulai=tgl(dt.date(2023, 1, 1)),
                tanggal_selesai=tgl(dt.date(2023, 12, 31)),
            )
        ),
        metadata=sutikno,
    )
    assert minta.status == p.STATUS_PENUGASAN_DIAJUKAN and minta.diajukan_oleh == data.SUTIKNO
    admin = await client.login(username="admin.madiun")
    # A request grants nothing.
    assert (await atasan(client, admin, data.STAF_SEKRETARIAT, dt.date(2023, 6, 1))).atasan.nip == data.KEPALA_BKPSDM
    await gagal(
        client.profil.PutuskanPenugasan(
            p.PutuskanPenugasanRequest(name=minta.name, setujui=True, alasan="x"), metadata=sutikno
        ),
        C.PERMISSION_DENIED,
    )
    await gagal(client.profil.ListPenugasan(p.ListPenugasanRequest(), metadata=sutikno), C.PERMISSION_DENIED)
    antre = await client.profil.ListPenugasan(
        p.ListPenugasanRequest(status=p.STATUS_PENUGASAN_DIAJUKAN), metadata=admin
    )
    assert [x.id for x in antre.penugasan] == [minta.id]
    err = await gagal(
        client.profil.PutuskanPenugasan(p.PutuskanPenugasanRequest(name=minta.name, setujui=True), metadata=admin),
        C.INVALID_ARGUMENT,
    )
    assert "alasan" in field_violations(err)
    daftar = await client.profil.PutuskanPenugasan(
        p.PutuskanPenugasanRequest(name=minta.name, setujui=True, alasan="SK Bupati 800/12/2023"), metadata=admin
    )
    assert daftar.status == p.STATUS_PENUGASAN_BERLAKU and daftar.diputus_oleh == "admin.madiun"
    a = await atasan(client, admin, data.STAF_SEKRETARIAT, dt.date(2023, 6, 1))
    assert (a.atasan.nip, a.sebagai) == (data.SUTIKNO, p.JENIS_PENUGASAN_PLT)
    await gagal(
        client.profil.PutuskanPenugasan(
            p.PutuskanPenugasanRequest(name=minta.name, setujui=False, alasan="x"), metadata=admin
        ),
        C.FAILED_PRECONDITION,
    )
    # Another request, refused with the reason the pegawai reads.
    widanang = await client.login(nip=data.WIDANANG)
    lagi = await client.profil.CreatePenugasan(
        p.CreatePenugasanRequest(
            penugasan=p.Penugasan(
                nip=data.WIDANANG,
                unor_id=data.PELAYANAN,
                jenis=p.JENIS_PENUGASAN_PLH,
                tanggal_mulai=tgl(dt.date(2024, 2, 1)),
                tanggal_selesai=tgl(dt.date(2024, 2, 10)),
            )
        ),
        metadata=widanang,
    )
    tolak = await client.profil.PutuskanPenugasan(
        p.PutuskanPenugasanRequest(name=lagi.name, setujui=False, alasan="Bukan pegawai Kecamatan Jiwan"),
        metadata=admin,
    )
    assert tolak.status == p.STATUS_PENUGASAN_DITOLAK
    sendiri = (
        await client.profil.ListPenugasan(p.ListPenugasanRequest(parent=nama(data.WIDANANG)), metadata=widanang)
    ).penugasan
    assert [(x.status, x.alasan_keputusan) for x in sendiri] == [
        (p.STATUS_PENUGASAN_DITOLAK, "Bukan pegawai Kecamatan Jiwan")
    ]
    jejak = (await client.profil.ListJejakAudit(au.ListJejakAuditRequest(atas_nama=data.SUTIKNO), metadata=admin)).jejak
    assert any(
        j.metode == "PutuskanPenugasan" and j.alasan == "SK Bupati 800/12/2023" and "BERLAKU" in j.sesudah
        for j in jejak
    )
