"""The organisation of a generated instansi (bench/generator.py): a unor tree
that grows with the number of pegawai, its pimpinan, PLT/PLH and staff.
Pure: plain dicts, no database."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

from services.profil.demo import _bagi, _email, _Orang
from services.profil.domain.penugasan import jabatan_peran

NAMA_INSTANSI = "Pemerintah Kab. Ngawi (data tolok ukur)"
LOKASI = "NGAWI"

DINAS = [
    ("DINAS PENDIDIKAN DAN KEBUDAYAAN", "pendidikan", "sekolah"),
    ("DINAS KESEHATAN", "kesehatan", "puskesmas"),
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "teknik", ""),
    ("BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "keuangan", ""),
    ("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "kepegawaian", ""),
    ("DINAS SOSIAL", "umum", ""),
    ("DINAS PERHUBUNGAN", "teknik", "upt"),
    ("DINAS PERTANIAN", "umum", "upt"),
    ("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "umum", ""),
    ("BADAN PERENCANAAN PEMBANGUNAN DAERAH", "umum", ""),
    ("DINAS LINGKUNGAN HIDUP", "teknik", "upt"),
    ("DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", "teknik", ""),
    ("DINAS KOMUNIKASI DAN INFORMATIKA", "umum", ""),
    ("BADAN PENDAPATAN DAERAH", "keuangan", "upt"),
    ("DINAS PERDAGANGAN DAN PERINDUSTRIAN", "umum", ""),
    ("SATUAN POLISI PAMONG PRAJA", "umum", ""),
    ("DINAS PEMUDA DAN OLAHRAGA", "umum", ""),
    ("INSPEKTORAT DAERAH", "keuangan", ""),
    ("DINAS PERPUSTAKAAN DAN KEARSIPAN", "umum", ""),
    ("BADAN PENANGGULANGAN BENCANA DAERAH", "teknik", ""),
]
KECAMATAN = [
    "NGAWI",
    "PARON",
    "KEDUNGGALAR",
    "PITU",
    "WIDODAREN",
    "MANTINGAN",
    "KARANGJATI",
    "BRINGIN",
    "PADAS",
    "KASREMAN",
    "GENENG",
    "GERIH",
    "KWADUNGAN",
    "PANGKUR",
    "SINE",
    "JOGOROGO",
    "NGRAMBE",
]
BIDANG = [
    "PERENCANAAN DAN PROGRAM",
    "PELAYANAN",
    "PEMBINAAN",
    "PENGEMBANGAN",
    "PENGENDALIAN DAN EVALUASI",
    "DATA DAN INFORMASI",
]
SEKSI = ["PERENCANAAN", "PELAKSANAAN", "PENGAWASAN", "PEMBINAAN TEKNIS"]
BAGIAN_SETDA = ["PEMERINTAHAN", "HUKUM", "ORGANISASI", "UMUM", "PEREKONOMIAN", "KESEJAHTERAAN RAKYAT"]
SEKSI_KEC = [
    "PEMERINTAHAN",
    "PELAYANAN",
    "KESEJAHTERAAN SOSIAL",
    "KETENTRAMAN DAN KETERTIBAN",
    "PEMBERDAYAAN MASYARAKAT",
]
UPT = {"sekolah": "SMP NEGERI {n} {kec}", "puskesmas": "UPTD PUSKESMAS {kec}", "upt": "UPT {dinas} WILAYAH {n}"}

STAF = {  # jabatan, golongan choices
    "umum": [
        ("Pengadministrasi Umum", ["II/a", "II/b", "II/c", "II/d"]),
        ("Analis Kebijakan Ahli Pertama", ["III/a", "III/b"]),
        ("Pranata Komputer Ahli Pertama", ["III/a", "III/b"]),
        ("Pengelola Keuangan", ["II/c", "III/a"]),
    ],
    "pendidikan": [("Pengawas Sekolah Ahli Madya", ["IV/a", "IV/b"]), ("Analis Kurikulum", ["III/a", "III/b"])],
    "sekolah": [
        ("Guru Ahli Pertama", ["III/a", "III/b"]),
        ("Guru Ahli Muda", ["III/c", "III/d"]),
        ("Guru Ahli Madya", ["IV/a", "IV/b"]),
        ("Pengadministrasi Perkantoran", ["II/a", "II/b"]),
    ],
    "kesehatan": [
        ("Perawat Terampil", ["II/c", "II/d"]),
        ("Bidan Terampil", ["II/c", "II/d"]),
        ("Dokter Ahli Pertama", ["III/b", "III/c"]),
        ("Apoteker Ahli Pertama", ["III/a", "III/b"]),
    ],
    "puskesmas": [
        ("Perawat Terampil", ["II/c", "II/d"]),
        ("Bidan Terampil", ["II/c", "II/d"]),
        ("Sanitarian Terampil", ["II/c", "III/a"]),
        ("Dokter Ahli Pertama", ["III/b", "III/c"]),
    ],
    "upt": [
        ("Pengawas Lapangan", ["II/b", "II/c"]),
        ("Pengadministrasi Umum", ["II/a", "II/b"]),
        ("Penyuluh Ahli Pertama", ["III/a", "III/b"]),
    ],
    "teknik": [
        ("Teknik Jalan dan Jembatan Ahli Pertama", ["III/a", "III/b"]),
        ("Pengawas Lapangan", ["II/b", "II/c"]),
        ("Teknik Pengairan Ahli Muda", ["III/c", "III/d"]),
    ],
    "keuangan": [
        ("Analis Keuangan Pusat dan Daerah Ahli Pertama", ["III/a", "III/b"]),
        ("Penata Laporan Keuangan", ["II/c", "II/d"]),
        ("Auditor Ahli Pertama", ["III/a", "III/b"]),
    ],
    "kepegawaian": [
        ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", ["III/a", "III/b"]),
        ("PENGADMINISTRASI KEPEGAWAIAN", ["II/a", "II/b", "II/c"]),
    ],
    "kecamatan": [
        ("Pengadministrasi Umum", ["II/a", "II/b", "II/c"]),
        ("Pengelola Layanan Kependudukan", ["II/b", "II/c"]),
        ("Analis Pemerintahan", ["III/a", "III/b"]),
    ],
}
# Staff weight of a unit by its kind: UPT (schools, puskesmas) are the large ones.
BOBOT = {"setda": 1, "sekretariat": 3, "subbag": 3, "bidang": 3, "seksi": 4, "upt": 18, "kepala": 1}
GOL_PIMPINAN = {
    "setda": "IV/d",
    "kepala": "IV/c",
    "camat": "IV/a",
    "sekretariat": "IV/a",
    "bidang": "IV/a",
    "bagian": "IV/a",
    "subbag": "III/d",
    "seksi": "III/d",
    "upt": "III/d",
}


def hex_id(*parts: object) -> str:
    return hashlib.md5("/".join(("ekinerja-bench", *map(str, parts))).encode()).hexdigest()


@dataclass
class Organisasi:
    instansi_id: str
    unor: list[dict[str, Any]] = field(default_factory=list)
    pegawai: list[dict[str, Any]] = field(default_factory=list)
    penugasan: list[dict[str, Any]] = field(default_factory=list)
    pimpinan: dict[str, str] = field(default_factory=dict)  # unor id -> definitive pimpinan nip


def _ukuran(jumlah: int) -> tuple[int, int, int, int]:
    """Dinas, kecamatan, bidang per dinas, seksi per bidang for `jumlah` pegawai (~16 per unit)."""
    dinas = max(2, min(len(DINAS), jumlah // 450))
    kec = max(1, min(len(KECAMATAN), jumlah // 600))
    bidang = 4 if jumlah >= 4000 else 3 if jumlah >= 1000 else 2
    seksi = 3 if jumlah >= 4000 else 2 if jumlah >= 1000 else 0
    return dinas, kec, bidang, seksi


def _tree(org: Organisasi, jumlah: int) -> list[tuple[str, str, str]]:
    """Adds the units; returns (unor id, kind, staff profile) of each."""
    units: list[tuple[str, str, str]] = []

    def unit(nama: str, parent: str | None, induk: bool, jabatan: str, jenis: str, profil: str) -> str:
        uid = hex_id(org.instansi_id, "unor", len(units))
        org.unor.append(
            {
                "id": uid,
                "instansi_id": org.instansi_id,
                "nama": nama,
                "parent_id": parent,
                "induk": induk,
                "jabatan_pimpinan": jabatan or f"Kepala {nama}",
                "pimpinan_nip": None,
            }
        )
        units.append((uid, jenis, profil))
        return uid

    n_dinas, n_kec, n_bidang, n_seksi = _ukuran(jumlah)
    setda = unit("SEKRETARIAT DAERAH", None, True, "Sekretaris Daerah", "setda", "umum")
    for b in BAGIAN_SETDA[: max(2, n_bidang + 1)]:
        bag = unit(f"BAGIAN {b}", setda, False, "", "bagian", "umum")
        for s in range(n_seksi and 2):
            unit(f"SUBBAGIAN {SEKSI[s]} {b}", bag, False, "", "subbag", "umum")
    for d, (nama, profil, upt) in enumerate(DINAS[:n_dinas]):
        kepala = unit(nama, setda, True, "", "kepala", profil)
        sek = unit(f"SEKRETARIAT {nama}", kepala, False, f"Sekretaris {nama}", "sekretariat", "umum")
        for s in ("UMUM DAN KEPEGAWAIAN", "KEUANGAN")[: 2 if n_seksi else 0]:
            unit(f"SUBBAGIAN {s}", sek, False, "", "subbag", "umum")
        for b in BIDANG[:n_bidang]:
            bid = unit(f"BIDANG {b}", kepala, False, "", "bidang", profil)
            for s in SEKSI[:n_seksi]:
                unit(f"SEKSI {s} {b}", bid, False, "", "seksi", profil)
        if upt:
            for n in range(1, (3 if jumlah >= 4000 else 1) + 1):
                kec = KECAMATAN[(d + n) % len(KECAMATAN)]
                unit(UPT[upt].format(n=n, kec=kec, dinas=nama.split(" ", 1)[1]), kepala, False, "", "upt", upt)
    for kec in KECAMATAN[:n_kec]:
        camat = unit(f"KECAMATAN {kec}", setda, True, f"Camat {kec.title()}", "camat", "kecamatan")
        unit(
            f"SEKRETARIAT KECAMATAN {kec}",
            camat,
            False,
            f"Sekretaris Kecamatan {kec.title()}",
            "sekretariat",
            "kecamatan",
        )
        for s in SEKSI_KEC[: 2 + (n_seksi > 0) * 3]:
            unit(f"SEKSI {s}", camat, False, "", "seksi", "kecamatan")
    return units


def organisasi(jumlah: int, seed: int, hari_ini: dt.date) -> Organisasi:
    """`jumlah` pegawai (pimpinan included) in a tree; ~3% of units vacant
    with a PLT (the parent's pimpinan) or a PLH (a staff member, for now)."""
    org = Organisasi(hex_id(NAMA_INSTANSI, seed))
    units = _tree(org, jumlah)
    rng = random.Random(seed)
    orang = _Orang(seed, ())
    per_id = {u["id"]: u for u in org.unor}
    staf_unit: dict[str, list[str]] = {}

    def tambah(nama: str, jabatan: str, gol: str, unor_id: str, pria: bool, senior: bool = False) -> str:
        nip = orang.nip(gol, pria, pppk=False, senior=senior)
        org.pegawai.append(
            {
                "nip": nip,
                "instansi_id": org.instansi_id,
                "nama": nama,
                "nama_cari": nama.casefold(),
                "jabatan": jabatan,
                "golongan": gol,
                "jenis_asn": "PNS",
                "unor_id": unor_id,
                "email": _email(nama, nip),
                "versi": 1,
            }
        )
        return nip

    lowong = {uid for uid, jenis, _ in units[1:] if jenis in ("seksi", "subbag", "bidang") and rng.random() < 0.03}
    for uid, jenis, _ in units:
        if uid in lowong:
            continue
        pria = rng.random() < 0.6
        u = per_id[uid]
        nip = tambah(
            orang.nama(pria),
            u["jabatan_pimpinan"],
            GOL_PIMPINAN[jenis],
            uid,
            pria,
            senior=jenis in ("setda", "kepala", "camat"),
        )
        u["pimpinan_nip"] = org.pimpinan[uid] = nip
    sisa = max(0, jumlah - len(org.pegawai))
    for (uid, _jenis, profil), n in zip(units, _bagi(sisa, [BOBOT.get(j, 3) for _, j, _ in units]), strict=True):
        pilihan = STAF[profil]
        for _ in range(n):
            jabatan, gols = rng.choice(pilihan)
            pria = rng.random() < 0.5
            staf_unit.setdefault(uid, []).append(tambah(orang.nama(pria), jabatan, rng.choice(gols), uid, pria))
    tahun = hari_ini.year
    for i, uid in enumerate(sorted(lowong)):
        u = per_id[uid]
        staf = staf_unit.get(uid)
        if i % 3 == 2 and staf:  # PLH: a staff member of the unit, this month and the next
            jenis, nip = "PLH", staf[0]
            mulai = hari_ini.replace(day=1)
            selesai = min(dt.date(tahun, 12, 31), mulai + dt.timedelta(days=60))
        else:  # PLT: the pimpinan of the unit above, the whole year
            jenis, nip = "PLT", org.pimpinan.get(u["parent_id"]) or org.pegawai[0]["nip"]
            mulai, selesai = dt.date(tahun, 1, 1), dt.date(tahun, 12, 31)
        org.penugasan.append(
            {
                "id": hex_id(org.instansi_id, "penugasan", uid),
                "nip": nip,
                "unor_id": uid,
                "instansi_id": org.instansi_id,
                "jenis": jenis,
                "mulai": mulai,
                "selesai": selesai,
                "catatan": f"Surat Perintah Bupati (data tolok ukur): {jabatan_peran(jenis, u['jabatan_pimpinan'])}",
            }
        )
    return org
