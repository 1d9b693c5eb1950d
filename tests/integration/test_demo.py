"""`ekinerja seed demo`: services/profil/demo.py on a fresh profil schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faker.providers.person.id_ID import Provider as NamaIndonesia
from sqlalchemy import func, select

from services.profil.demo import DEMO_PASSWORD, INSTANSI_ID, seed_demo
from services.profil.domain.akun import validate_email
from services.profil.domain.golongan import normalize_golongan
from services.profil.domain.klaim import MENUNGGU
from services.profil.domain.nip import validate_nip
from services.profil.domain.organisasi import resolve_atasan
from services.profil.importer import import_pegawai, import_unor
from services.profil.passwords import verify_password
from services.profil.store import repository as repo
from services.profil.store.models import (
    AkunRow,
    InstansiRow,
    KlaimRow,
    PegawaiRow,
    PenilaiEksternalRow,
    PenugasanRow,
    UnorRow,
)
from services.shared.db import Database

ROOT = Path(__file__).resolve().parents[2]
BIDANG = "8ae482a759b076c20159b52790057b36"
SUTIKNO, ENDANG, WIDANANG = "196903232002121009", "197106062006042005", "198901052014021002"
SUYANTO, NUR = "197905192010011024", "198603222011012016"
MANUAL = {SUTIKNO, ENDANG, WIDANANG, SUYANTO, NUR}
PRIA, WANITA = set(NamaIndonesia.first_names_male), set(NamaIndonesia.first_names_female)


async def count(db: Database, model: type) -> int:
    async with db.read() as s:
        return await s.scalar(select(func.count()).select_from(model)) or 0


async def test_demo_madiun(profil_db: Database) -> None:
    laporan = await seed_demo(profil_db)
    assert laporan.pegawai == 600 and 35 <= laporan.unor <= 50
    assert (await count(profil_db, PegawaiRow), await count(profil_db, UnorRow)) == (laporan.pegawai, laporan.unor)
    assert await count(profil_db, AkunRow) == 603
    assert "600 pegawai" in laporan.ringkasan()

    today = dt.date.today()
    async with profil_db.read() as s:
        instansi = await s.get(InstansiRow, INSTANSI_ID)
        pegawai = {p.nip: p for p in (await s.scalars(select(PegawaiRow))).all()}
        unor = {u.id: u for u in (await s.scalars(select(UnorRow))).all()}
        akun = {a.nip or a.username: a for a in (await s.scalars(select(AkunRow))).all()}
        penugasan = (await s.scalars(select(PenugasanRow))).all()
        struktur = await repo.load_struktur(s, INSTANSI_ID)
    assert instansi is not None and (instansi.nama, instansi.lokasi) == ("Pemerintah Kab. Madiun", "MADIUN")

    for p in pegawai.values():
        validate_nip(p.nip, p.jenis_asn)
        if p.jenis_asn == "PPPK":
            assert p.nip[12:14] == "21"  # PPPK code where a PNS NIP has the TMT month
        assert normalize_golongan(p.golongan, p.jenis_asn) == p.golongan
        assert p.nama == p.nama.upper() and "." not in p.nama and "," not in p.nama
        assert p.nama_cari == p.nama.casefold()
        assert validate_email(p.email) == p.email and p.email.isascii()
        assert p.email.endswith("@madiunkab.go.id") and p.nip in p.email
        depan = p.nama.split()[0].title()
        if p.nip not in MANUAL and (depan in PRIA) != (depan in WANITA):
            assert p.nip[14] == ("1" if depan in PRIA else "2"), (p.nama, p.nip)
    assert {p.jenis_asn for p in pegawai.values()} == {"PNS", "PPPK"}

    # the manual's people and units (docs/domain.md#contoh-dari-panduan)
    bidang = unor[BIDANG]
    bkpsdm = unor[bidang.parent_id or ""]
    assert bidang.nama == "BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI" and not bidang.induk
    assert bidang.jabatan_pimpinan == "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"
    assert bkpsdm.nama == "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA" and bkpsdm.induk
    expected = {
        SUTIKNO: ("SUTIKNO", "II/a", "PENGADMINISTRASI KEPEGAWAIAN"),
        ENDANG: ("ENDANG SUMARSIH", "III/d", "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI"),
        WIDANANG: ("WIDANANG SASMITO AJI", "III/c", "Analis Kepegawaian Muda / Ahli Muda"),
        SUYANTO: ("SUYANTO", "III/a", "Pranata Komputer Ahli Pertama"),
    }
    for nip, (nama, gol, jabatan) in expected.items():
        p = pegawai[nip]
        assert (p.nama, p.golongan, p.jabatan, p.unor_id) == (nama, gol, jabatan, BIDANG)
    assert bidang.pimpinan_nip == ENDANG
    kepala = pegawai[bkpsdm.pimpinan_nip or ""]
    assert kepala.unor_id == bkpsdm.id and kepala.jabatan == bkpsdm.jabatan_pimpinan

    nur = pegawai[NUR]
    pelayanan = unor[nur.unor_id]
    jiwan = unor[pelayanan.parent_id or ""]
    assert (nur.nama, nur.golongan, nur.jabatan) == ("NUR PURWATI NINGSIH", "III/a", "ASISTEN PENGELOLA KEUANGAN")
    assert pelayanan.nama == "SEKSI PELAYANAN" and pelayanan.pimpinan_nip is None
    assert jiwan.nama == "KECAMATAN JIWAN" and jiwan.induk
    plt_nur = sorted((p.mulai, p.selesai) for p in penugasan if p.nip == NUR and p.unor_id == pelayanan.id)
    assert plt_nur[0] == (dt.date(2022, 10, 1), dt.date(2023, 3, 3))
    assert any(m <= today <= s for m, s in plt_nur)

    # atasan today, by the domain rules
    assert resolve_atasan(struktur, SUTIKNO, BIDANG, today).nip == ENDANG  # type: ignore[union-attr]
    assert resolve_atasan(struktur, ENDANG, BIDANG, today).nip == kepala.nip  # type: ignore[union-attr]
    staf_pelayanan = next(p for p in pegawai.values() if p.unor_id == pelayanan.id and p.nip != NUR)
    atasan = resolve_atasan(struktur, staf_pelayanan.nip, pelayanan.id, today)
    assert atasan is not None and (atasan.nip, atasan.sebagai) == (NUR, "PLT")

    # every unit is led: by a definitive pimpinan holding its jabatan, or (2–3 vacancies) by a PLT/PLH
    lowong = []
    for u in unor.values():
        if u.pimpinan_nip:
            pimpinan = pegawai[u.pimpinan_nip]
            assert (pimpinan.unor_id, pimpinan.jabatan) == (u.id, u.jabatan_pimpinan)
        else:
            lowong.append(u.id)
            assert struktur.pimpinan_pada(u.id, today) is not None, u.nama
    assert 2 <= len(lowong) <= 3
    kedalaman = [len(list(struktur.leluhur(uid))) for uid in unor]
    assert max(kedalaman) == 4 and sum(1 for u in unor.values() if u.induk) >= 6
    for p in penugasan:
        assert p.instansi_id == INSTANSI_ID and p.jenis in ("PLT", "PLH")

    # accounts: one password for all, the three non-pegawai accounts, and the logins printed
    assert all(a.password_hash == akun[SUTIKNO].password_hash for a in akun.values())
    assert await verify_password(akun[SUTIKNO].password_hash, DEMO_PASSWORD)
    for username, peran in [
        ("admin.madiun", "admin_instansi"),
        ("helpdesk.bkpsdm", "helpdesk"),
        ("layanan.siasn", "layanan"),
    ]:
        assert (akun[username].peran, akun[username].nip, akun[username].instansi_id) == (peran, None, INSTANSI_ID)
        assert akun[username].nama
    assert all(akun[nip].peran == "pegawai" for nip in pegawai)
    logins = [login for login, _nama, _ket in laporan.logins]
    setda = next(u for u in unor.values() if u.parent_id is None)
    assert laporan.sekda == setda.pimpinan_nip and laporan.sekda != kepala.nip  # sets BKPSDM's capaian
    assert bkpsdm.parent_id == setda.id
    assert logins == [
        SUTIKNO,
        ENDANG,
        WIDANANG,
        SUYANTO,
        NUR,
        kepala.nip,
        laporan.sekda,
        "admin.madiun",
        "helpdesk.bkpsdm",
        "layanan.siasn",
    ]

    # The Sekda, at the top, is rated by a penilai eksternal the demo records (docs/domain.md#penentuan-atasan).
    assert resolve_atasan(struktur, setda.pimpinan_nip or "", setda.id, today) is None
    async with profil_db.read() as s:
        luar = (await s.scalars(select(PenilaiEksternalRow))).all()
    assert [(x.nip, x.nama, x.jabatan, x.nip_penilai) for x in luar] == [
        (setda.pimpinan_nip, "BUPATI MADIUN", "Bupati Madiun", "")
    ]


async def test_demo_dua_kali_sama(profil_db: Database) -> None:
    async def keadaan() -> tuple[object, ...]:
        async with profil_db.read() as s:
            return (
                sorted((await s.execute(select(PegawaiRow.nip, PegawaiRow.nama, PegawaiRow.versi))).all()),
                sorted((await s.execute(select(AkunRow.id, AkunRow.nip, AkunRow.password_hash))).all(), key=str),
                sorted((await s.execute(select(UnorRow.id, UnorRow.pimpinan_nip))).all(), key=str),
                sorted((await s.execute(select(PenugasanRow.id, PenugasanRow.mulai))).all()),
            )

    pertama = await seed_demo(profil_db)
    sebelum = await keadaan()
    kedua = await seed_demo(profil_db)
    assert (kedua.unor, kedua.pegawai, kedua.akun, kedua.penugasan) == (
        pertama.unor,
        pertama.pegawai,
        pertama.akun,
        pertama.penugasan,
    )
    assert kedua.logins == pertama.logins
    assert await keadaan() == sebelum  # not even a version counter moved

    # fewer pegawai: the extra ones go, with their accounts
    kecil = await seed_demo(profil_db, jumlah_pegawai=120)
    assert kecil.pegawai == 120
    assert await count(profil_db, PegawaiRow) == 120 and await count(profil_db, AkunRow) == 123
    lain = await seed_demo(profil_db, jumlah_pegawai=120, seed=7)
    # the manual's people do not depend on the seed; the generated ones are replaced
    assert [login[:2] for login in lain.logins[:5]] == [login[:2] for login in pertama.logins[:5]]
    assert lain.logins[5] != pertama.logins[5]
    assert await count(profil_db, PegawaiRow) == 120 and await count(profil_db, AkunRow) == 123


async def test_contoh_impor_cocok_dengan_demo(profil_db: Database) -> None:
    """examples/*.csv describe the demo's units and the manual's people."""
    await seed_demo(profil_db, jumlah_pegawai=100)
    unor = await import_unor(profil_db, ROOT / "examples/unor.csv")
    pegawai = await import_pegawai(profil_db, ROOT / "examples/pegawai.csv")
    assert unor.ditolak == [] and unor.tidak_berubah == 5
    assert pegawai.ditolak == [] and (pegawai.tidak_berubah, pegawai.ditambah) == (5, 1)
    async with profil_db.read() as s:
        assert (await s.get(UnorRow, BIDANG)).pimpinan_nip == ENDANG  # type: ignore[union-attr]


async def test_demo_ulang_setelah_klaim_menunggu(profil_db: Database) -> None:
    """A claim that waited (docs/domain.md#klaim-pimpinan) rests on rows the demo
    rebuilds: a rerun clears it, and the unit and jabatan are master data again,
    even for a pegawai the smaller rerun removes."""
    await seed_demo(profil_db)
    async with profil_db.transaction() as s:
        orang = (
            await s.scalars(select(PegawaiRow).where(PegawaiRow.instansi_id == INSTANSI_ID).order_by(PegawaiRow.nip))
        ).all()
        for p in (orang[0], orang[-1]):
            p.data_sendiri = True
            s.add(
                KlaimRow(
                    id=p.nip.ljust(32, "0"),
                    nip=p.nip,
                    unor_id=p.unor_id,
                    instansi_id=INSTANSI_ID,
                    jabatan=p.jabatan,
                    status=MENUNGGU,
                    dasar="uji",
                    diajukan=dt.datetime.now(dt.UTC),
                    diputus=None,
                    diputus_oleh="",
                    alasan_keputusan="",
                )
            )
    await seed_demo(profil_db, jumlah_pegawai=120)
    assert await count(profil_db, KlaimRow) == 0
    async with profil_db.read() as s:
        assert not (await s.scalars(select(PegawaiRow.nip).where(PegawaiRow.data_sendiri))).all()
