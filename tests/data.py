"""A small, exact organisation for tests: the manual's people (docs/domain.md#contoh-dari-panduan) in BKPSDM Kab.
Madiun and Kecamatan Jiwan, plus a second instansi. Each case in the tests
names the people below, so the expected atasan can be read off this file.

Tree (pimpinan in brackets):
  SEKRETARIAT DAERAH [SEKDA]                               (induk)
  ├─ BADAN KEPEGAWAIAN DAN PSDM [KEPALA_BKPSDM]            (induk)
  │  ├─ BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI [ENDANG]
  │  │    SUTIKNO, WIDANANG, SUYANTO
  │  └─ SEKRETARIAT BKPSDM [—]  STAF_SEKRETARIAT
  └─ KECAMATAN JIWAN [CAMAT]                               (induk)
     └─ SEKSI PELAYANAN [— ; NUR PURWATI is PLT 2022-10-01..2023-03-03]
          NUR PURWATI, STAF_PELAYANAN
"""

from __future__ import annotations

import datetime as dt
import uuid

from services.profil.passwords import hash_password_sync
from services.profil.store.models import AkunRow, InstansiRow, PegawaiRow, PenugasanRow, UnorRow
from services.shared.db import Database

PASSWORD = "rahasia-uji-1"
INSTANSI = "a0000000000000000000000000000001"
INSTANSI_LAIN = "a0000000000000000000000000000002"

SETDA = "10000000000000000000000000000001"
BKPSDM = "10000000000000000000000000000002"
BIDANG = "8ae482a759b076c20159b52790057b36"
SEKRETARIAT = "10000000000000000000000000000003"
JIWAN = "10000000000000000000000000000004"
PELAYANAN = "10000000000000000000000000000005"
UNOR_LAIN = "20000000000000000000000000000001"

SEKDA = "196501011990031001"
KEPALA_BKPSDM = "197001011995031002"
ENDANG = "197106062006042005"
SUTIKNO = "196903232002121009"
WIDANANG = "198901052014021002"
SUYANTO = "197905192010011024"
STAF_SEKRETARIAT = "199002022015022001"
CAMAT = "197203032000031003"
NUR_PURWATI = "198603222011012016"
STAF_PELAYANAN = "199104042016041001"
PEGAWAI_LAIN = "198808082012081001"

PLT_MULAI = dt.date(2022, 10, 1)
PLT_SELESAI = dt.date(2023, 3, 3)

UNOR = [
    # id, nama, parent, induk, jabatan pimpinan, pimpinan, instansi
    (SETDA, "SEKRETARIAT DAERAH", None, True, "Sekretaris Daerah", SEKDA, INSTANSI),
    (
        BKPSDM,
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        SETDA,
        True,
        "Kepala BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        KEPALA_BKPSDM,
        INSTANSI,
    ),
    (
        BIDANG,
        "BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI",
        BKPSDM,
        False,
        "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI",
        ENDANG,
        INSTANSI,
    ),
    (SEKRETARIAT, "SEKRETARIAT BKPSDM", BKPSDM, False, "Sekretaris BKPSDM", None, INSTANSI),
    (JIWAN, "KECAMATAN JIWAN", SETDA, True, "Camat Jiwan", CAMAT, INSTANSI),
    (PELAYANAN, "SEKSI PELAYANAN", JIWAN, False, "Kepala Seksi Pelayanan", None, INSTANSI),
    (UNOR_LAIN, "DINAS PENDIDIKAN", None, True, "Kepala Dinas Pendidikan", None, INSTANSI_LAIN),
]

PEGAWAI = [
    # nip, nama, jabatan, golongan, unor, email
    (SEKDA, "SEKDA MADIUN", "Sekretaris Daerah", "IV/c", SETDA),
    (KEPALA_BKPSDM, "KEPALA BKPSDM", "Kepala BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "IV/b", BKPSDM),
    (ENDANG, "ENDANG SUMARSIH", "Kepala BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI", "III/d", BIDANG),
    (SUTIKNO, "SUTIKNO", "PENGADMINISTRASI KEPEGAWAIAN", "II/a", BIDANG),
    (WIDANANG, "WIDANANG SASMITO AJI", "Analis Kepegawaian Muda / Ahli Muda", "III/c", BIDANG),
    (SUYANTO, "SUYANTO", "Pranata Komputer Ahli Pertama", "III/a", BIDANG),
    (STAF_SEKRETARIAT, "SRI WAHYUNI", "Pengelola Umum", "II/c", SEKRETARIAT),
    (CAMAT, "CAMAT JIWAN", "Camat Jiwan", "IV/a", JIWAN),
    (NUR_PURWATI, "NUR PURWATI NINGSIH", "ASISTEN PENGELOLA KEUANGAN", "III/a", PELAYANAN),
    (STAF_PELAYANAN, "BUDI SANTOSO", "Pengadministrasi Umum", "II/b", PELAYANAN),
    (PEGAWAI_LAIN, "PEGAWAI INSTANSI LAIN", "Guru Ahli Muda", "III/c", UNOR_LAIN),
]


def email_of(nip: str) -> str:
    return f"{nip}@contoh.go.id"


async def isi(db: Database) -> None:
    hashed = hash_password_sync(PASSWORD)
    now = dt.datetime.now(dt.UTC)
    async with db.transaction() as s:
        s.add_all(
            [
                InstansiRow(id=INSTANSI, nama="Pemerintah Kab. Madiun", lokasi="MADIUN"),
                InstansiRow(id=INSTANSI_LAIN, nama="Pemerintah Kab. Ngawi", lokasi="NGAWI"),
            ]
        )
        await s.flush()
        s.add_all(
            UnorRow(id=i, nama=n, parent_id=p, induk=ind, jabatan_pimpinan=j, pimpinan_nip=None, instansi_id=ins)
            for i, n, p, ind, j, _, ins in UNOR
        )
        await s.flush()
        for nip, nama, jabatan, gol, unor in PEGAWAI:
            ins = INSTANSI_LAIN if unor == UNOR_LAIN else INSTANSI
            s.add(
                PegawaiRow(
                    nip=nip,
                    nama=nama,
                    nama_cari=nama.casefold(),
                    jabatan=jabatan,
                    golongan=gol,
                    jenis_asn="PNS",
                    unor_id=unor,
                    email=email_of(nip),
                    instansi_id=ins,
                )
            )
        await s.flush()  # no ORM relationships: order the inserts by hand
        for nip, nama, _jabatan, _gol, unor in PEGAWAI:
            ins = INSTANSI_LAIN if unor == UNOR_LAIN else INSTANSI
            s.add(
                AkunRow(
                    id=uuid.uuid4().hex,
                    nip=nip,
                    username=None,
                    nama=nama,
                    password_hash=hashed,
                    peran="pegawai",
                    instansi_id=ins,
                    aktif=True,
                    password_diubah=now,
                )
            )
        await s.flush()
        for i, *_, pimpinan, _ins in UNOR:
            if pimpinan:
                (await s.get(UnorRow, i)).pimpinan_nip = pimpinan  # type: ignore[union-attr]
        s.add(
            PenugasanRow(
                id=uuid.uuid4().hex,
                nip=NUR_PURWATI,
                unor_id=PELAYANAN,
                instansi_id=INSTANSI,
                jenis="PLT",
                mulai=PLT_MULAI,
                selesai=PLT_SELESAI,
                catatan="",
            )
        )
        for username, peran, ins in [
            ("admin.madiun", "admin_instansi", INSTANSI),
            ("helpdesk.bkpsdm", "helpdesk", INSTANSI),
            ("layanan.siasn", "layanan", INSTANSI),
            ("admin.ngawi", "admin_instansi", INSTANSI_LAIN),
            ("gerbang.ssh", "gerbang_ssh", INSTANSI),
        ]:
            s.add(
                AkunRow(
                    id=uuid.uuid4().hex,
                    nip=None,
                    username=username,
                    nama=username.upper(),
                    password_hash=hashed,
                    peran=peran,
                    instansi_id=ins,
                    aktif=True,
                    password_diubah=now,
                )
            )
