"""`ekinerja seed demo`: a realistic "Pemerintah Kab. Madiun" with the
manual's people (docs/domain.md#contoh-dari-panduan) among ~600 generated ones.

Everything is derived from `seed` (faker id_ID and random.Random), ids from
md5 of names, so a second run computes the same rows; it then brings the
database to exactly that state (insert, update, delete), which keeps akun ids
and pegawai versions of unchanged rows. Only the PLT/PLH dates follow today,
so that someone is Plt. atasan in the current year.
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
import hashlib
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from faker import Faker
from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.profil.passwords import hash_password_sync, verify_password
from services.profil.store.models import (
    AkunRow,
    InstansiRow,
    KlaimRow,
    KodeResetRow,
    PegawaiRow,
    PenilaiEksternalRow,
    PenugasanRow,
    SesiRow,
    UnorRow,
)
from services.profil.store.repository import ubah_bila_berbeda
from services.shared.db import Database

DEMO_PASSWORD = "ekinerja2023"
NAMA_INSTANSI = "Pemerintah Kab. Madiun"
LOKASI = "MADIUN"
DOMAIN_EMAIL = "madiunkab.go.id"
# Birth dates and TMT are drawn against a fixed year, so the data do not drift with the clock.
TAHUN_ACUAN = 2023


def _hex(*parts: str) -> str:
    return hashlib.md5("/".join(("ekinerja-demo", *parts)).encode()).hexdigest()


INSTANSI_ID = _hex(NAMA_INSTANSI)
BIDANG_PEMBINAAN = "8ae482a759b076c20159b52790057b36"  # the manual's id

# --- the organisation ---------------------------------------------------------

BKPSDM = "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
DINDIK = "DINAS PENDIDIKAN DAN KEBUDAYAAN"
DINKES = "DINAS KESEHATAN"
DPUPR = "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"
BPKAD = "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH"

# key, nama, parent key, induk, jabatan pimpinan ("" = "Kepala " + nama), level of the
# head (golongan), staff profile, staff weight. Keys are unique; names need not be.
UNIT: list[tuple[str, str, str | None, bool, str, str, str, int]] = [
    ("setda", "SEKRETARIAT DAERAH", None, True, "Sekretaris Daerah", "sekda", "umum", 1),
    ("bag_pem", "BAGIAN PEMERINTAHAN", "setda", False, "", "kabid", "umum", 4),
    ("bag_hukum", "BAGIAN HUKUM", "setda", False, "", "kabid", "umum", 4),
    ("bag_org", "BAGIAN ORGANISASI", "setda", False, "", "kabid", "umum", 3),
    ("bag_umum", "BAGIAN UMUM", "setda", False, "", "kabid", "umum", 4),
    ("sub_tu", "SUBBAGIAN TATA USAHA DAN PROTOKOL", "bag_umum", False, "", "kasi", "umum", 3),
    ("bkpsdm", BKPSDM, "setda", True, "", "kepala", "kepegawaian", 1),
    ("bkpsdm_sek", f"SEKRETARIAT {BKPSDM}", "bkpsdm", False, f"Sekretaris {BKPSDM}", "kabid", "umum", 3),
    ("bkpsdm_sub", "SUBBAGIAN UMUM DAN KEPEGAWAIAN", "bkpsdm_sek", False, "", "kasi", "kepegawaian", 3),
    ("bidang", "BIDANG PEMBINAAN, DATA DAN KESEJAHTERAAN PEGAWAI", "bkpsdm", False, "", "kabid", "kepegawaian", 3),
    ("bid_mutasi", "BIDANG MUTASI DAN PROMOSI", "bkpsdm", False, "", "kabid", "kepegawaian", 4),
    ("bid_psdm", "BIDANG PENGEMBANGAN SUMBER DAYA MANUSIA", "bkpsdm", False, "", "kabid", "kepegawaian", 4),
    ("dindik", DINDIK, "setda", True, "", "kepala", "umum", 1),
    ("dindik_sek", f"SEKRETARIAT {DINDIK}", "dindik", False, f"Sekretaris {DINDIK}", "kabid", "umum", 3),
    ("dindik_keu", "SUBBAGIAN KEUANGAN DAN ASET", "dindik_sek", False, "", "kasi", "keuangan", 3),
    ("bid_sd", "BIDANG PEMBINAAN SEKOLAH DASAR", "dindik", False, "", "kabid", "pendidikan", 4),
    ("bid_smp", "BIDANG PEMBINAAN SEKOLAH MENENGAH PERTAMA", "dindik", False, "", "kabid", "pendidikan", 4),
    ("smpn1", "SMP NEGERI 1 MEJAYAN", "dindik", False, "", "upt", "sekolah", 40),
    ("sdn_jiwan", "SD NEGERI JIWAN 01", "dindik", False, "", "upt", "sekolah", 16),
    ("dinkes", DINKES, "setda", True, "", "kepala", "umum", 1),
    ("dinkes_sek", f"SEKRETARIAT {DINKES}", "dinkes", False, f"Sekretaris {DINKES}", "kabid", "umum", 3),
    ("bid_yankes", "BIDANG PELAYANAN KESEHATAN", "dinkes", False, "", "kabid", "kesehatan", 4),
    ("seksi_primer", "SEKSI PELAYANAN KESEHATAN PRIMER", "bid_yankes", False, "", "kasi", "kesehatan", 3),
    ("bid_p2p", "BIDANG PENCEGAHAN DAN PENGENDALIAN PENYAKIT", "dinkes", False, "", "kabid", "kesehatan", 4),
    ("pkm_jiwan", "UPTD PUSKESMAS JIWAN", "dinkes", False, "", "upt", "kesehatan", 36),
    ("dpupr", DPUPR, "setda", True, "", "kepala", "teknik", 1),
    ("dpupr_sek", f"SEKRETARIAT {DPUPR}", "dpupr", False, f"Sekretaris {DPUPR}", "kabid", "umum", 3),
    ("bina_marga", "BIDANG BINA MARGA", "dpupr", False, "", "kabid", "teknik", 5),
    ("seksi_jalan", "SEKSI PEMBANGUNAN JALAN DAN JEMBATAN", "bina_marga", False, "", "kasi", "teknik", 4),
    ("bid_sda", "BIDANG SUMBER DAYA AIR", "dpupr", False, "", "kabid", "teknik", 5),
    ("bpkad", BPKAD, "setda", True, "", "kepala", "keuangan", 1),
    ("bpkad_sek", f"SEKRETARIAT {BPKAD}", "bpkad", False, f"Sekretaris {BPKAD}", "kabid", "umum", 3),
    ("bid_anggaran", "BIDANG ANGGARAN", "bpkad", False, "", "kabid", "keuangan", 5),
    ("bid_akuntansi", "BIDANG AKUNTANSI", "bpkad", False, "", "kabid", "keuangan", 5),
    ("jiwan", "KECAMATAN JIWAN", "setda", True, "Camat Jiwan", "camat", "kecamatan", 1),
    ("jiwan_sek", "SEKRETARIAT KECAMATAN JIWAN", "jiwan", False, "Sekretaris Kecamatan Jiwan", "kabid", "kecamatan", 3),
    ("jiwan_pel", "SEKSI PELAYANAN", "jiwan", False, "", "kasi", "kecamatan", 3),
    ("jiwan_pem", "SEKSI PEMERINTAHAN", "jiwan", False, "", "kasi", "kecamatan", 2),
    ("mejayan", "KECAMATAN MEJAYAN", "setda", True, "Camat Mejayan", "camat", "kecamatan", 1),
    (
        "mejayan_sek",
        "SEKRETARIAT KECAMATAN MEJAYAN",
        "mejayan",
        False,
        "Sekretaris Kecamatan Mejayan",
        "kabid",
        "kecamatan",
        3,
    ),
    ("mejayan_pel", "SEKSI PELAYANAN", "mejayan", False, "", "kasi", "kecamatan", 3),
    ("dagangan", "KECAMATAN DAGANGAN", "setda", True, "Camat Dagangan", "camat", "kecamatan", 1),
    (
        "dagangan_sek",
        "SEKRETARIAT KECAMATAN DAGANGAN",
        "dagangan",
        False,
        "Sekretaris Kecamatan Dagangan",
        "kabid",
        "kecamatan",
        3,
    ),
    ("dagangan_kesos", "SEKSI KESEJAHTERAAN SOSIAL", "dagangan", False, "", "kasi", "kecamatan", 3),
]

GOLONGAN_PIMPINAN = {
    "sekda": ["IV/d", "IV/c"],
    "kepala": ["IV/c", "IV/b"],
    "camat": ["IV/a", "IV/b"],
    "kabid": ["IV/a", "IV/b", "III/d"],
    "kasi": ["III/c", "III/d", "IV/a"],
    "upt": ["III/d", "IV/a", "IV/b"],
}
MUDA = ["II/a", "II/b", "II/c", "II/d", "III/a"]
PERTAMA = ["III/a", "III/b"]
AHLI_MUDA = ["III/c", "III/d"]
MADYA = ["IV/a", "IV/b"]
# jabatan, PNS golongan choices, PPPK golongan (None: not a PPPK formation), weight
PROFIL: dict[str, list[tuple[str, list[str], str | None, int]]] = {
    "umum": [
        ("Pengadministrasi Umum", MUDA, "V", 4),
        ("Pengelola Umum", MUDA, None, 2),
        ("Arsiparis Ahli Pertama", PERTAMA, None, 1),
        ("Analis Kebijakan Ahli Muda", AHLI_MUDA, None, 1),
        ("Pranata Komputer Ahli Pertama", PERTAMA, "IX", 1),
        ("Pengelola Keuangan", MUDA, None, 1),
        ("Perencana Ahli Pertama", PERTAMA, None, 1),
        ("Pengelola Barang Milik Negara", MUDA, None, 1),
    ],
    "kepegawaian": [
        ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", PERTAMA, "IX", 3),
        ("Analis Kepegawaian Muda / Ahli Muda", AHLI_MUDA, None, 2),
        ("PENGADMINISTRASI KEPEGAWAIAN", MUDA, "V", 3),
        ("Pranata Komputer Ahli Pertama", PERTAMA, "IX", 1),
        ("Widyaiswara Ahli Muda", AHLI_MUDA, None, 1),
    ],
    "keuangan": [
        ("Analis Keuangan Pusat dan Daerah Ahli Pertama", PERTAMA, "IX", 3),
        ("Analis Keuangan Pusat dan Daerah Ahli Muda", AHLI_MUDA, None, 2),
        ("ASISTEN PENGELOLA KEUANGAN", MUDA, None, 2),
        ("Penata Laporan Keuangan", MUDA, None, 2),
        ("Pengelola Keuangan", MUDA, None, 1),
    ],
    "pendidikan": [
        ("Pengawas Sekolah Ahli Madya", MADYA, None, 2),
        ("Pengadministrasi Umum", MUDA, None, 2),
        ("Analis Kurikulum", PERTAMA, None, 1),
    ],
    "sekolah": [
        ("Guru Ahli Pertama", PERTAMA, "IX", 6),
        ("Guru Ahli Muda", AHLI_MUDA, None, 4),
        ("Guru Ahli Madya", MADYA, None, 3),
        ("Pengadministrasi Perkantoran", MUDA, "V", 1),
        ("Pustakawan Terampil", MUDA, None, 1),
    ],
    "kesehatan": [
        ("Perawat Terampil", MUDA, "VII", 5),
        ("Perawat Ahli Pertama", PERTAMA, "IX", 3),
        ("Bidan Terampil", MUDA, "VII", 4),
        ("Bidan Ahli Pertama", PERTAMA, None, 1),
        ("Dokter Ahli Pertama", PERTAMA, "IX", 2),
        ("Dokter Ahli Muda", AHLI_MUDA, None, 1),
        ("Apoteker Ahli Pertama", PERTAMA, None, 1),
        ("Sanitarian Terampil", MUDA, "VII", 1),
        ("Pranata Laboratorium Kesehatan Terampil", MUDA, None, 1),
    ],
    "teknik": [
        ("Teknik Jalan dan Jembatan Ahli Pertama", PERTAMA, "IX", 3),
        ("Teknik Jalan dan Jembatan Ahli Muda", AHLI_MUDA, None, 2),
        ("Teknik Pengairan Ahli Pertama", PERTAMA, None, 2),
        ("Pengawas Jalan dan Jembatan", MUDA, None, 2),
        ("Pengadministrasi Umum", MUDA, None, 1),
    ],
    "kecamatan": [
        ("Pengadministrasi Umum", MUDA, "V", 3),
        ("Pengelola Layanan Kependudukan", MUDA, None, 2),
        ("Analis Pemerintahan", PERTAMA, None, 1),
        ("Pengelola Data", MUDA, None, 1),
        ("ASISTEN PENGELOLA KEUANGAN", MUDA, None, 1),
    ],
}

SUTIKNO, ENDANG, WIDANANG, SUYANTO, NUR_PURWATI = (
    "196903232002121009",
    "197106062006042005",
    "198901052014021002",
    "197905192010011024",
    "198603222011012016",
)
# nip, nama, jabatan ("" = the unit's jabatan pimpinan), golongan, unit key
ORANG_PANDUAN = [
    (SUTIKNO, "SUTIKNO", "PENGADMINISTRASI KEPEGAWAIAN", "II/a", "bidang"),
    (ENDANG, "ENDANG SUMARSIH", "", "III/d", "bidang"),
    (WIDANANG, "WIDANANG SASMITO AJI", "Analis Kepegawaian Muda / Ahli Muda", "III/c", "bidang"),
    (SUYANTO, "SUYANTO", "Pranata Komputer Ahli Pertama", "III/a", "bidang"),
    (NUR_PURWATI, "NUR PURWATI NINGSIH", "ASISTEN PENGELOLA KEUANGAN", "III/a", "jiwan_pel"),
]
PLT_PANDUAN = (dt.date(2022, 10, 1), dt.date(2023, 3, 3))
# Vacant units: unit key -> (jenis, who acts: a unit key whose pimpinan acts, or a NIP)
# The Sekda's penilai: the Kepala Daerah, not an ASN (docs/domain.md#penentuan-atasan).
BUPATI = ("BUPATI MADIUN", "Bupati Madiun")
LOWONG = {"jiwan_pel": ("PLT", NUR_PURWATI), "seksi_jalan": ("PLT", "bina_marga"), "bid_akuntansi": ("PLH", "bpkad")}
AKUN_KHUSUS = [
    ("admin.madiun", "admin_instansi", "ADMIN BKPSDM KAB. MADIUN", "admin instansi (data master, capaian, batas)"),
    ("helpdesk.bkpsdm", "helpdesk", "HELPDESK BKPSDM KAB. MADIUN", "helpdesk instansi"),
    ("layanan.siasn", "layanan", "LAYANAN SIASN", "akun layanan (sistem lain memanggil API)"),
]


# --- the plan: every row the demo consists of -----------------------------------


@dataclass
class Rencana:
    unor: list[dict[str, Any]] = field(default_factory=list)
    pegawai: list[dict[str, Any]] = field(default_factory=list)
    akun: list[dict[str, Any]] = field(default_factory=list)  # without password fields
    penugasan: list[dict[str, Any]] = field(default_factory=list)
    pimpinan: dict[str, str] = field(default_factory=dict)  # unor id -> nip
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    kepala_bkpsdm: str = ""
    unor_induk_bkpsdm: str = ""
    # The Sekda's penilai eksternal (NON ASN), recorded as the admin instansi
    # would (docs/domain.md#penentuan-atasan): his SKP can be walked.
    penilai_eksternal: list[dict[str, Any]] = field(default_factory=list)
    sekda: str = ""


@dataclass
class LaporanDemo:
    instansi_id: str
    instansi: str
    unor: int
    pegawai: int
    akun: int
    penugasan: int
    logins: list[tuple[str, str, str]]
    kepala_bkpsdm: str  # NIP: ENDANG's atasan, who approves her SKP in the demo
    unor_induk_bkpsdm: str  # the unor induk whose capaian the demo sets
    # NIP: the pimpinan above BKPSDM, who sets its capaian (never the Kepala BKPSDM himself,
    # docs/domain.md#capaian-kinerja-organisasi); rated by the penilai eksternal, for whom admin.madiun acts
    sekda: str = ""

    def ringkasan(self) -> str:
        return (
            f"Instansi demo {self.instansi} ({self.instansi_id}) siap: {self.unor} unit organisasi, "
            f"{self.pegawai} pegawai, {self.akun} akun, {self.penugasan} penugasan PLT/PLH."
        )


class _Orang:
    """Names, birth dates and NIPs: unique, valid, and matching the gender."""

    def __init__(self, seed: int, dipakai: Iterable[str]) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("id_ID")
        self.fake.seed_instance(seed)
        self.dipakai = set(dipakai)

    def nama(self, pria: bool) -> str:
        f = self.fake
        first, last = (f.first_name_male, f.last_name_male) if pria else (f.first_name_female, f.last_name_female)
        bagian = [first()]
        if self.rng.random() < 0.3:
            bagian.append(first())
        if self.rng.random() < 0.65:
            bagian.append(last())
        return " ".join(bagian).upper()

    def nip(self, golongan: str, pria: bool, pppk: bool, senior: bool = False) -> str:
        r = self.rng
        if senior:  # heads of a Badan/Dinas/Kecamatan have 25+ years of service
            lahir_awal, lahir_akhir = 1963, 1976
        elif pppk:
            lahir_awal, lahir_akhir = 1975, 1996
        elif golongan.startswith("IV"):
            lahir_awal, lahir_akhir = 1964, 1982
        elif golongan in AHLI_MUDA:
            lahir_awal, lahir_akhir = 1968, 1990
        else:
            lahir_awal, lahir_akhir = 1974, 1998
        while True:
            lahir = dt.date(r.randint(lahir_awal, lahir_akhir), r.randint(1, 12), r.randint(1, 28))
            if pppk:
                # PPPK numbers carry the appointment year and the code 21 where PNS have the TMT month.
                tmt = (r.choice([2021, 2022, 2023]), 21)
            else:
                tahun = min(lahir.year + r.randint(21, 30), TAHUN_ACUAN - 1)
                tmt = (max(tahun, lahir.year + 19), r.choice([1, 2, 3, 4, 12]))
            nip = f"{lahir:%Y%m%d}{tmt[0]:04d}{tmt[1]:02d}{1 if pria else 2}{r.randint(1, 999):03d}"
            if nip not in self.dipakai:
                self.dipakai.add(nip)
                return nip


def _email(nama: str, nip: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode().lower()
    return f"{re.sub(r'[^a-z]', '', ascii_)[:30]}.{nip}@{DOMAIN_EMAIL}"


def _bagi(total: int, bobot: list[int]) -> list[int]:
    """`total` split by weights (largest remainder), deterministic."""
    jumlah = sum(bobot)
    dasar = [total * b // jumlah for b in bobot]
    sisa = sorted(range(len(bobot)), key=lambda i: (-(total * bobot[i] % jumlah), i))
    for i in sisa[: total - sum(dasar)]:
        dasar[i] += 1
    return dasar


def _periode_plt(jenis: str, hari_ini: dt.date) -> tuple[dt.date, dt.date]:
    """PLT for the current year; PLH (short by nature) for this month and the next two."""
    if jenis == "PLT":
        return dt.date(hari_ini.year, 1, 1), dt.date(hari_ini.year, 12, 31)
    y, m = divmod(hari_ini.month + 1, 12)  # two months ahead, 0-based month in m
    akhir_tahun, akhir_bulan = hari_ini.year + y, m + 1
    return hari_ini.replace(day=1), dt.date(akhir_tahun, akhir_bulan, calendar.monthrange(akhir_tahun, akhir_bulan)[1])


def rencana_demo(jumlah_pegawai: int, seed: int, hari_ini: dt.date) -> Rencana:
    """The whole demo instansi as plain values (pure: no database)."""
    rencana = Rencana()
    ids: dict[str, str] = {}
    jalur: dict[str, str] = {}
    jabatan_pimpinan: dict[str, str] = {}
    for key, nama, parent, induk, jabatan, *_ in UNIT:
        jalur[key] = f"{jalur[parent]}/{nama}" if parent else nama
        ids[key] = BIDANG_PEMBINAAN if key == "bidang" else _hex("unor", jalur[key])
        jabatan_pimpinan[key] = jabatan or f"Kepala {nama}"
        rencana.unor.append(
            {
                "id": ids[key],
                "instansi_id": INSTANSI_ID,
                "nama": nama,
                "parent_id": ids[parent] if parent else None,
                "induk": induk,
                "jabatan_pimpinan": jabatan_pimpinan[key],
            }
        )
    orang = _Orang(seed, (o[0] for o in ORANG_PANDUAN))

    def tambah(nip: str, nama: str, jabatan: str, golongan: str, key: str, jenis_asn: str = "PNS") -> None:
        rencana.pegawai.append(
            {
                "nip": nip,
                "instansi_id": INSTANSI_ID,
                "nama": nama,
                "nama_cari": nama.casefold(),
                "jabatan": jabatan,
                "golongan": golongan,
                "jenis_asn": jenis_asn,
                "unor_id": ids[key],
                "email": _email(nama, nip),
            }
        )

    nama_pimpinan: dict[str, tuple[str, str]] = {}  # unit key -> (nip, nama)
    for nip, nama, jabatan, gol, key in ORANG_PANDUAN:
        tambah(nip, nama, jabatan or jabatan_pimpinan[key], gol, key)
        if not jabatan:
            nama_pimpinan[key] = (nip, nama)
    for key, _nama, _p, _i, _j, level, _profil, _b in UNIT:
        if key in LOWONG or key in nama_pimpinan:
            continue
        pria = orang.rng.random() < 0.65
        nama, gol = orang.nama(pria), orang.rng.choice(GOLONGAN_PIMPINAN[level])
        nip = orang.nip(gol, pria, pppk=False, senior=level in ("sekda", "kepala", "camat"))
        tambah(nip, nama, jabatan_pimpinan[key], gol, key)
        nama_pimpinan[key] = (nip, nama)
    rencana.pimpinan = {ids[k]: nip for k, (nip, _) in nama_pimpinan.items()}

    staf = _bagi(max(0, jumlah_pegawai - len(rencana.pegawai)), [u[7] for u in UNIT])
    for (key, *_, profil, _b), n in zip(UNIT, staf, strict=True):
        pilihan = PROFIL[profil]
        for _ in range(n):
            jabatan, gol_pns, gol_pppk, _w = orang.rng.choices(pilihan, weights=[p[3] for p in pilihan])[0]
            pppk = gol_pppk is not None and orang.rng.random() < 0.3
            pria = orang.rng.random() < 0.5
            gol = gol_pppk if pppk and gol_pppk else orang.rng.choice(gol_pns)
            nama = orang.nama(pria)
            tambah(orang.nip(gol, pria, pppk), nama, jabatan, gol, key, "PPPK" if pppk else "PNS")

    for key, (jenis, siapa) in LOWONG.items():
        nip = siapa if siapa.isdigit() else nama_pimpinan[siapa][0]
        periode = [_periode_plt(jenis, hari_ini)]
        if nip == NUR_PURWATI:
            # The manual's assignment, then a current one that starts after it (no overlap).
            awal, akhir = periode[0]
            periode = [PLT_PANDUAN, (max(awal, PLT_PANDUAN[1] + dt.timedelta(days=1)), akhir)]
        for mulai, selesai in periode:
            if mulai <= selesai:
                rencana.penugasan.append(
                    {
                        "id": _hex("penugasan", nip, ids[key], mulai.isoformat()),
                        "nip": nip,
                        "unor_id": ids[key],
                        "instansi_id": INSTANSI_ID,
                        "jenis": jenis,
                        "mulai": mulai,
                        "selesai": selesai,
                        "catatan": f"Surat Perintah Bupati Madiun (data demo): {jenis} {jabatan_pimpinan[key]}",
                    }
                )

    for p in rencana.pegawai:
        rencana.akun.append(
            {
                "id": _hex("akun", p["nip"]),
                "nip": p["nip"],
                "username": None,
                "nama": p["nama"],
                "peran": "pegawai",
                "instansi_id": INSTANSI_ID,
                "aktif": True,
            }
        )
    for username, peran, nama, _ket in AKUN_KHUSUS:
        rencana.akun.append(
            {
                "id": _hex("akun", username),
                "nip": None,
                "username": username,
                "nama": nama,
                "peran": peran,
                "instansi_id": INSTANSI_ID,
                "aktif": True,
            }
        )

    sekda = nama_pimpinan["setda"]
    rencana.sekda = sekda[0]
    rencana.penilai_eksternal = [
        {"nip": sekda[0], "instansi_id": INSTANSI_ID, "nama": BUPATI[0], "jabatan": BUPATI[1], "nip_penilai": ""}
    ]

    endang = "ENDANG SUMARSIH"
    kepala_bkpsdm = nama_pimpinan["bkpsdm"]
    rencana.kepala_bkpsdm = kepala_bkpsdm[0]
    rencana.unor_induk_bkpsdm = ids["bkpsdm"]
    sekda = nama_pimpinan["setda"]
    rencana.sekda = sekda[0]
    rencana.logins = [
        (SUTIKNO, "SUTIKNO", f"pegawai; atasan {endang}"),
        (ENDANG, endang, f"pimpinan {jalur['bidang'].rsplit('/', 1)[-1]}; atasan {kepala_bkpsdm[1]}"),
        (WIDANANG, "WIDANANG SASMITO AJI", f"pegawai; atasan {endang}"),
        (SUYANTO, "SUYANTO", f"pegawai; atasan {endang}"),
        (NUR_PURWATI, "NUR PURWATI NINGSIH", "Plt. Kepala SEKSI PELAYANAN, KECAMATAN JIWAN"),
        (kepala_bkpsdm[0], kepala_bkpsdm[1], "Kepala BKPSDM (pimpinan unit induk)"),
        (
            sekda[0],
            sekda[1],
            f"Sekretaris Daerah (menetapkan capaian unit induk di bawahnya); penilai "
            f"eksternal {BUPATI[0]} (admin instansi bertindak)",
        ),
        *((u, nama, ket) for u, _peran, nama, ket in AKUN_KHUSUS),
    ]
    return rencana


# --- applying the plan -------------------------------------------------------


async def seed_demo(db: Database, *, jumlah_pegawai: int = 600, seed: int = 2023) -> LaporanDemo:
    rencana = rencana_demo(jumlah_pegawai, seed, dt.date.today())
    password_hash = await _hash_demo(db, SUTIKNO)
    async with db.transaction() as s:
        await _terapkan(s, rencana, password_hash)
    return LaporanDemo(
        INSTANSI_ID,
        NAMA_INSTANSI,
        len(rencana.unor),
        len(rencana.pegawai),
        len(rencana.akun),
        len(rencana.penugasan),
        rencana.logins,
        rencana.kepala_bkpsdm,
        rencana.unor_induk_bkpsdm,
        rencana.sekda,
    )


async def _hash_demo(db: Database, nip: str) -> str:
    """The demo password's hash, hashed once (argon2 is slow on purpose). A
    re-run reuses the stored one when it still matches, so nothing changes."""
    async with db.read() as s:
        stored = await s.scalar(select(AkunRow.password_hash).where(AkunRow.nip == nip))
    if stored and await verify_password(stored, DEMO_PASSWORD):
        return stored
    return await asyncio.to_thread(hash_password_sync, DEMO_PASSWORD)


async def _muat(s: AsyncSession, model: Any, syarat: Any, kunci: Any, nilai: list[Any]) -> list[Any]:
    """Rows matching `syarat` or whose `kunci` is in `nilai` (in chunks: the
    parameter limits of SQLite and asyncpg), each once."""
    rows = {id(r): r for r in (await s.scalars(select(model).where(syarat))).all()}
    for i in range(0, len(nilai), 5000):
        rows.update((id(r), r) for r in (await s.scalars(select(model).where(kunci.in_(nilai[i : i + 5000])))).all())
    return list(rows.values())


async def _terapkan(s: AsyncSession, r: Rencana, password_hash: str) -> None:
    nips = [p["nip"] for p in r.pegawai]
    unor_ids = [u["id"] for u in r.unor]
    instansi = await s.get(InstansiRow, INSTANSI_ID)
    if instansi is None:
        s.add(InstansiRow(id=INSTANSI_ID, nama=NAMA_INSTANSI, lokasi=LOKASI, demo=True))
    else:
        ubah_bila_berbeda(instansi, {"nama": NAMA_INSTANSI, "lokasi": LOKASI, "demo": True})
    await s.flush()
    # Claims and assignments are rebuilt last: free them first (pimpinan_nip is unique).
    await s.execute(
        update(UnorRow)
        .where(or_(UnorRow.instansi_id == INSTANSI_ID, UnorRow.pimpinan_nip.in_(nips)))
        .values(pimpinan_nip=None)
        .execution_options(synchronize_session=False)
    )
    await s.execute(
        delete(PenugasanRow).where(
            or_(PenugasanRow.instansi_id == INSTANSI_ID, PenugasanRow.id.in_([p["id"] for p in r.penugasan]))
        )
    )
    # Claims that waited rest on the rows rebuilt here: they go with the assignments.
    await s.execute(delete(KlaimRow).where(or_(KlaimRow.instansi_id == INSTANSI_ID, KlaimRow.nip.in_(nips))))

    unor = {u.id: u for u in await _muat(s, UnorRow, UnorRow.instansi_id == INSTANSI_ID, UnorRow.id, unor_ids)}
    for nilai in r.unor:
        row = unor.get(nilai["id"])
        if row is None:
            unor[nilai["id"]] = row = UnorRow(pimpinan_nip=None, **nilai)
            s.add(row)
        else:
            ubah_bila_berbeda(row, nilai)
    await s.flush()

    milik_demo = PegawaiRow.instansi_id == INSTANSI_ID
    pegawai = {p.nip: p for p in await _muat(s, PegawaiRow, milik_demo, PegawaiRow.nip, nips)}
    for nilai in r.pegawai:
        row = pegawai.get(nilai["nip"])
        if row is None:
            s.add(PegawaiRow(**nilai))
        else:
            # The demo's unit and jabatan are master data (docs/domain.md#klaim-pimpinan).
            ubah_bila_berbeda(row, {**nilai, "data_sendiri": False})
    await s.flush()

    lebih_pegawai = set(pegawai) - set(nips)
    await _terapkan_akun(s, r, password_hash, lebih_pegawai)
    await s.execute(
        delete(PenilaiEksternalRow).where(
            or_(PenilaiEksternalRow.instansi_id == INSTANSI_ID, PenilaiEksternalRow.nip.in_(nips))
        )
    )
    await s.flush()
    if lebih_pegawai:
        await s.execute(delete(PenugasanRow).where(PenugasanRow.nip.in_(lebih_pegawai)))
        await s.execute(delete(PegawaiRow).where(PegawaiRow.nip.in_(lebih_pegawai)))
    lebih_unor = set(unor) - set(unor_ids)
    if lebih_unor:
        await s.execute(delete(UnorRow).where(UnorRow.id.in_(lebih_unor)))
    for uid, nip in r.pimpinan.items():
        unor[uid].pimpinan_nip = nip
    s.add_all(PenugasanRow(**p) for p in r.penugasan)
    waktu = dt.datetime.now(dt.UTC)
    s.add_all(PenilaiEksternalRow(**p, dicatat=waktu) for p in r.penilai_eksternal)
    await s.flush()


async def _terapkan_akun(s: AsyncSession, r: Rencana, password_hash: str, lebih_pegawai: set[str]) -> None:
    nips = [a["nip"] for a in r.akun if a["nip"]] + sorted(lebih_pegawai)
    usernames = [a["username"] for a in r.akun if a["username"]]
    semua = {a.id: a for a in await _muat(s, AkunRow, AkunRow.instansi_id == INSTANSI_ID, AkunRow.nip, nips)}
    semua.update(
        (a.id, a)
        for a in await _muat(s, AkunRow, AkunRow.username.in_(usernames), AkunRow.id, [a["id"] for a in r.akun])
    )
    # Matched by login (NIP or username), so an account made elsewhere keeps its id and sessions.
    per_login = {("nip", a.nip) if a.nip else ("username", a.username): a for a in semua.values()}
    now = dt.datetime.now(dt.UTC)
    cocok: dict[str, AkunRow] = {}
    for nilai in r.akun:
        row = per_login.get(("nip", nilai["nip"]) if nilai["nip"] else ("username", nilai["username"]))
        if row is not None:
            cocok[nilai["id"]] = row
    dipakai = {a.id for a in cocok.values()}
    lebih = [i for i in semua if i not in dipakai]
    # Extra accounts of the demo instansi go, with what hangs on them.
    for tabel in (SesiRow, KodeResetRow):
        await s.execute(delete(tabel).where(tabel.akun_id.in_(lebih)))
    await s.execute(delete(AkunRow).where(AkunRow.id.in_(lebih)))
    for nilai in r.akun:
        row = cocok.get(nilai["id"])
        if row is None:
            s.add(AkunRow(**nilai, password_hash=password_hash, password_diubah=now))
            continue
        ubah_bila_berbeda(row, {k: v for k, v in nilai.items() if k != "id"})
        if row.password_hash != password_hash:
            row.password_hash, row.password_diubah = password_hash, now
    await s.flush()
