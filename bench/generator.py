"""Data generator for the scale benchmarks: an instansi of N pegawai (bawaan
10,000) with a year of SKP and penilaian.

    python -m bench.generator --pegawai 10000 [--database-url URL] [--data-dir DIR] [--xlsx DIR]

It BYPASSES THE API ON PURPOSE: 10,000 pegawai through the RPCs (argon2 per
login, one transaction per RHK) would take an hour. Rows are written in
bulk (SQLAlchemy Core, many rows per statement) straight into each
service's own tables, through its own store models, into a freshly
migrated, empty database. `ekinerja seed demo` still goes through the API.
What it writes is what the services would have written: penilai snapshots
from the same atasan resolution profil uses (services/profil/domain/
organisasi.py), versi 1 everywhere, period codes tw1…tw4/akhir, ratings
with their predikat, and the capaian a pimpinan of a unor induk is rated by.

The year is the current one: Triwulan I–III are over (realisasi, bukti
dukung, ratings), Triwulan IV is open (realisasi partly filled), so writes
such as UpdateRealisasi work against it. Every account's password is
`ekinerja2023`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.struktur import LOKASI, NAMA_INSTANSI, Organisasi, hex_id, organisasi
from services.penilaian.domain.predikat import Rating, predikat
from services.penilaian.store import models as pm
from services.profil.domain import organisasi as org_domain
from services.profil.domain.golongan import pangkat
from services.profil.domain.penugasan import jabatan_peran
from services.profil.passwords import hash_password_sync
from services.profil.store import models as prm
from services.shared.config import SERVICES, Settings
from services.shared.db import Database
from services.skp.store import models as sm

PASSWORD = "ekinerja2023"
LALU = ("tw1", "tw2", "tw3")  # periods already over: filled in and rated
TERBUKA = "tw4"
RATING = {"DIBAWAH": Rating.DIBAWAH, "SESUAI": Rating.SESUAI, "DIATAS": Rating.DIATAS}
RHK_TEKS = [
    "Terlaksananya {x} sesuai rencana",
    "Meningkatnya kualitas {x}",
    "Tersusunnya laporan {x}",
    "Terselesaikannya dokumen {x} tepat waktu",
    "Terkelolanya data {x}",
]
INDIKATOR = [
    ("KUANTITAS", "Jumlah dokumen {x}", "12 dokumen", 12.0, "dokumen"),
    ("KUALITAS", "Persentase {x} tanpa revisi", "90 %", 90.0, "%"),
    ("WAKTU", "Waktu penyelesaian {x}", "12 bulan", 12.0, "bulan"),
]


@dataclass
class Hasil:
    """What the generator made, and people worth logging in as."""

    instansi_id: str
    tahun: int
    jumlah: dict[str, int] = field(default_factory=dict)
    detik: dict[str, float] = field(default_factory=dict)
    pegawai: list[str] = field(default_factory=list)  # staff with an approved SKP, not pimpinan
    penilai: str = ""  # the penilai with the most approved bawahan SKPs
    bawahan_penilai: int = 0
    skp_pegawai: dict[str, str] = field(default_factory=dict)  # nip -> SKP id (approved ones)
    skp_bawahan: list[str] = field(default_factory=list)  # approved SKP ids rated by `penilai`
    indikator: dict[str, str] = field(default_factory=dict)  # SKP id -> "skp/…/rhk/…/indikator/…" of one
    org: Organisasi | None = None


def _skp_rows(
    org: Organisasi, tahun: int, acuan: dt.date, rng: random.Random, now: dt.datetime
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """One definitive SKP per pegawai, penilai resolved as profil does on `acuan`."""
    struktur = org_domain.Struktur(
        {
            u["id"]: org_domain.Unor(
                u["id"], u["nama"], u["parent_id"], u["induk"], u["jabatan_pimpinan"], u["pimpinan_nip"]
            )
            for u in org.unor
        },
        [
            org_domain.Penugasan(p["id"], p["nip"], p["unor_id"], p["jenis"], p["mulai"], p["selesai"])
            for p in org.penugasan
        ],
    )
    unor = {u["id"]: u for u in org.unor}
    pegawai = {p["nip"]: p for p in org.pegawai}
    pimpinan = set(org.pimpinan.values())
    rows, status = [], {}
    for p in org.pegawai:
        a = org_domain.resolve_atasan(struktur, p["nip"], p["unor_id"], acuan)
        nilai = {
            "penilai_nip": None,
            "penilai_nama": "",
            "penilai_golongan": "",
            "penilai_pangkat": "",
            "penilai_jabatan": "",
            "penilai_unor_id": "",
            "penilai_unor_nama": "",
            "penilai_dimuat": now,
        }
        if a is not None:
            atasan = pegawai[a.nip]
            # Acting: the role's jabatan and unit (services/skp/usecases/sumber.py penilai()).
            jab = jabatan_peran(a.sebagai, unor[a.unor_id]["jabatan_pimpinan"]) if a.sebagai else atasan["jabatan"]
            u = unor[a.unor_id] if a.sebagai else unor[atasan["unor_id"]]
            nilai.update(
                penilai_nip=a.nip,
                penilai_nama=atasan["nama"],
                penilai_golongan=atasan["golongan"],
                penilai_pangkat=pangkat(atasan["golongan"]),
                penilai_jabatan=jab,
                penilai_unor_id=u["id"],
                penilai_unor_nama=u["nama"],
            )
        r = rng.random()
        st = "DRAFT" if a is None or r < 0.04 else "PENGAJUAN" if r < 0.08 else "PERSETUJUAN"
        u = unor[p["unor_id"]]
        skp_id = uuid.UUID(int=rng.getrandbits(128)).hex
        status[skp_id] = st
        rows.append(
            {
                "id": skp_id,
                "nip": p["nip"],
                "instansi_id": org.instansi_id,
                "instansi_nama": NAMA_INSTANSI,
                "tahun": tahun,
                "awal": dt.date(tahun, 1, 1),
                "akhir": dt.date(tahun, 12, 31),
                "pendekatan": "KUANTITATIF",
                "status": st,
                "peran": "DEFINITIF",
                "unor_plt_id": None,
                "pimpinan": p["nip"] in pimpinan,
                "jabatan": p["jabatan"],
                "unor_id": u["id"],
                "unor_nama": u["nama"],
                "keterangan": "",
                "pegawai_nama": p["nama"],
                "pegawai_golongan": p["golongan"],
                "pegawai_pangkat": pangkat(p["golongan"]),
                "pegawai_jabatan": p["jabatan"],
                "pegawai_unor_id": u["id"],
                "pegawai_unor_nama": u["nama"],
                "pegawai_dimuat": now,
                **nilai,
                "ekspektasi": {},
                "lampiran": {},
                "versi": 1,
                "dibuat": now,
                "diubah": now,
            }
        )
    return rows, status


def _rhk_rows(skps: list[dict[str, Any]], rng: random.Random) -> tuple[list[dict], list[dict], dict[str, list]]:
    """2–4 RHK per SKP (a pimpinan's are RHK Organisasi of the unit; a
    bawahan's intervene in one of the penilai's), 1–3 indikator each."""
    rhk, ind = [], []
    per_skp: dict[str, list[tuple[str, list[str]]]] = {}  # skp id -> [(rhk id, [indikator ids])]
    rhk_nip: dict[str, list[tuple[str, str, str]]] = {}  # nip -> [(rhk id, skp id, teks)]
    for s in skps:  # pimpinan first would not matter: links are made in a second pass
        for n in range(rng.randint(2, 4)):
            rid = uuid.UUID(int=rng.getrandbits(128)).hex
            teks = RHK_TEKS[(n + len(rhk)) % len(RHK_TEKS)].format(x=s["unor_nama"].lower()[:80])
            rhk.append(
                {
                    "id": rid,
                    "skp_id": s["id"],
                    "jenis": "UTAMA" if n < 2 else "TAMBAHAN",
                    "klasifikasi": "ORGANISASI" if s["pimpinan"] else "INDIVIDU",
                    "unor_id": s["unor_id"] if s["pimpinan"] else None,
                    "unor_nama": s["unor_nama"] if s["pimpinan"] else "",
                    "rhk_atasan_id": None,
                    "rhk_atasan_skp_id": None,
                    "rhk_atasan_teks": "",
                    "perjanjian_kinerja": "",
                    "teks": teks,
                    "urutan": n + 1,
                    "diwarisi_dari": None,
                    "versi": 1,
                }
            )
            rhk_nip.setdefault(s["nip"], []).append((rid, s["id"], teks))
            ids = []
            for k in range(rng.randint(1, 3)):
                aspek, t, target, angka, satuan = INDIKATOR[k]
                iid = uuid.UUID(int=rng.getrandbits(128)).hex
                ids.append(iid)
                ind.append(
                    {
                        "id": iid,
                        "rhk_id": rid,
                        "aspek": aspek,
                        "teks": t.format(x=teks.split()[-1]),
                        "target": target,
                        "target_angka": angka,
                        "target_satuan": satuan,
                        "urutan": k + 1,
                        "versi": 1,
                    }
                )
            per_skp.setdefault(s["id"], []).append((rid, ids))
    skp_of = {r["id"]: r for r in skps}
    for r in rhk:
        if r["jenis"] == "UTAMA":
            atasan = rhk_nip.get(skp_of[r["skp_id"]]["penilai_nip"] or "")
            if atasan:
                r["rhk_atasan_id"], r["rhk_atasan_skp_id"], r["rhk_atasan_teks"] = rng.choice(atasan)
    return rhk, ind, per_skp


def _penilaian_rows(
    org: Organisasi,
    skps: list[dict],
    status: dict[str, str],
    per_skp: dict[str, list],
    tahun: int,
    rng: random.Random,
    now: dt.datetime,
) -> dict[Any, list[dict]]:
    induk = {u["id"]: u for u in org.unor}
    struktur = org_domain.Struktur(
        {
            u["id"]: org_domain.Unor(
                u["id"], u["nama"], u["parent_id"], u["induk"], u["jabatan_pimpinan"], u["pimpinan_nip"]
            )
            for u in org.unor
        }
    )
    out: dict[Any, list[dict]] = {
        t: [] for t in (pm.RencanaAksiRow, pm.BuktiDukungRow, pm.RealisasiRow, pm.PenilaianRow, pm.CapaianRow)
    }
    induk_ids = [u["id"] for u in org.unor if u["induk"]]
    for uid in induk_ids:  # final capaian: what a pimpinan of a unor induk is rated by
        for kode in LALU:
            out[pm.CapaianRow].append(
                {
                    "unor_induk_id": uid,
                    "tahun": tahun,
                    "periode": kode,
                    "instansi_id": org.instansi_id,
                    "unor_induk_nama": induk[uid]["nama"],
                    "capaian": "BAIK",
                    "final": True,
                    "diubah_oleh": "ADMIN (data tolok ukur)",
                    "waktu": now,
                    "versi": 1,
                }
            )

    def uid() -> str:
        return uuid.UUID(int=rng.getrandbits(128)).hex

    for s in skps:
        if status[s["id"]] != "PERSETUJUAN":
            continue
        unor_induk = struktur.induk_dari(s["unor_id"])
        memimpin_induk = s["pimpinan"] and unor_induk is not None and unor_induk.id == s["unor_id"]
        for kode in (*LALU, TERBUKA):
            for rid, ind_ids in per_skp[s["id"]]:
                out[pm.RencanaAksiRow].append(
                    {
                        "id": uid(),
                        "skp_id": s["id"],
                        "periode": kode,
                        "rhk_id": rid,
                        "teks": "Menyusun rencana kerja dan melaksanakannya",
                        "dibuat": now,
                        "versi": 1,
                    }
                )
                if kode != TERBUKA:
                    out[pm.BuktiDukungRow].append(
                        {
                            "id": uid(),
                            "skp_id": s["id"],
                            "periode": kode,
                            "rhk_id": rid,
                            "nama": "Laporan kegiatan",
                            "tautan": f"https://drive.example.go.id/{rid[:12]}/{kode}",
                            "dibuat": now,
                            "versi": 1,
                        }
                    )
                for iid in ind_ids:
                    if kode != TERBUKA or rng.random() < 0.4:
                        out[pm.RealisasiRow].append(
                            {
                                "skp_id": s["id"],
                                "periode": kode,
                                "indikator_id": iid,
                                "rhk_id": rid,
                                "realisasi": f"{rng.randint(2, 4)} dokumen",
                                "sumber_data": "Laporan triwulan",
                                "diubah": now,
                                "versi": 1,
                            }
                        )
            if kode == TERBUKA or s["penilai_nip"] is None or rng.random() < 0.08:
                continue  # the open period, and a few not rated yet
            hasil = "SESUAI" if memimpin_induk else rng.choices(["DIBAWAH", "SESUAI", "DIATAS"], [1, 7, 2])[0]
            perilaku = rng.choices(["DIBAWAH", "SESUAI", "DIATAS"], [1, 7, 2])[0]
            pred = predikat(RATING[hasil], RATING[perilaku])
            out[pm.PenilaianRow].append(
                {
                    "skp_id": s["id"],
                    "periode": kode,
                    "tahun": tahun,
                    "instansi_id": org.instansi_id,
                    "unor_induk_id": unor_induk.id if unor_induk else s["unor_id"],
                    "nip": s["nip"],
                    "penilai_nip": s["penilai_nip"],
                    "rating_hasil": hasil,
                    "rating_perilaku": perilaku,
                    "predikat": pred.name if pred else "",  # stored as the enum's name
                    "status": "DINILAI",
                    "dari_capaian": memimpin_induk,
                    "dinilai_oleh": s["penilai_nama"],
                    "waktu": now,
                    "versi": 1,
                }
            )
    return out


async def _tulis(db: Database, tabel: Any, rows: list[dict[str, Any]], potong: int = 5000) -> None:
    # Many rows per statement (executemany / insertmanyvalues); chunks keep memory and parameters bounded.
    async with db.transaction() as s:
        for i in range(0, len(rows), potong):
            await s.execute(insert(tabel.__table__ if hasattr(tabel, "__table__") else tabel), rows[i : i + potong])


async def generate(
    settings: Settings, jumlah: int = 10_000, seed: int = 2026, hari_ini: dt.date | None = None
) -> Hasil:
    """Writes the instansi into the (migrated, empty) databases of `settings`."""
    hari_ini = hari_ini or dt.date.today()
    tahun, now, rng = hari_ini.year, dt.datetime.now(dt.UTC), random.Random(seed)
    t0 = time.perf_counter()
    org = organisasi(jumlah, seed, hari_ini)
    skps, status = _skp_rows(org, tahun, hari_ini, rng, now)
    rhk, ind, per_skp = _rhk_rows(skps, rng)
    nilai = _penilaian_rows(org, skps, status, per_skp, tahun, rng, now)
    hasil = Hasil(org.instansi_id, tahun, org=org)
    hasil.detik["rencana"] = time.perf_counter() - t0

    t = time.perf_counter()
    pw = hash_password_sync(PASSWORD)  # once: argon2 is slow on purpose
    akun = [
        {
            "id": hex_id("akun", p["nip"]),
            "nip": p["nip"],
            "username": None,
            "nama": p["nama"],
            "password_hash": pw,
            "peran": "pegawai",
            "instansi_id": org.instansi_id,
            "aktif": True,
            "password_diubah": now,
        }
        for p in org.pegawai
    ]
    akun.append(
        {
            "id": hex_id("akun", "admin", seed),
            "nip": None,
            "username": f"admin.bench{seed}",
            "nama": "ADMIN (data tolok ukur)",
            "password_hash": pw,
            "peran": "admin_instansi",
            "instansi_id": org.instansi_id,
            "aktif": True,
            "password_diubah": now,
        }
    )
    riwayat = [
        {
            "skp_id": s["id"],
            "waktu": now,
            "aktor_akun": hex_id("akun", s["nip"]),
            "aktor_nip": s["nip"],
            "aktor_nama": s["pegawai_nama"],
            "dari": dari,
            "ke": ke,
            "alasan": "",
        }
        for s in skps
        for dari, ke in (("", "DRAFT"), ("DRAFT", "PENGAJUAN"), ("PENGAJUAN", "PERSETUJUAN"))
        if (ke == "DRAFT" or status[s["id"]] != "DRAFT") and (ke != "PERSETUJUAN" or status[s["id"]] == ke)
    ]
    dbs = {n: Database.for_service(settings, n) for n in ("profil", "skp", "penilaian")}
    try:
        await _tulis(dbs["profil"], prm.InstansiRow, [{"id": org.instansi_id, "nama": NAMA_INSTANSI, "lokasi": LOKASI}])
        # Pimpinan claims last: pimpinan_nip is unique and names a pegawai.
        await _tulis(dbs["profil"], prm.UnorRow, org.unor)
        await _tulis(dbs["profil"], prm.PegawaiRow, org.pegawai)
        await _tulis(dbs["profil"], prm.AkunRow, akun)
        await _tulis(dbs["profil"], prm.PenugasanRow, org.penugasan)
        for model, rows in (
            (sm.SkpRow, skps),
            (sm.RhkRow, rhk),
            (sm.IndikatorRow, ind),
            (sm.RiwayatRow, riwayat),
            *nilai.items(),
        ):
            await _tulis(dbs["penilaian" if model in nilai else "skp"], model, rows)
    finally:
        for db in dbs.values():
            await db.dispose()
    hasil.detik["tulis"] = time.perf_counter() - t
    hasil.jumlah = {
        "unor": len(org.unor),
        "pegawai": len(org.pegawai),
        "penugasan": len(org.penugasan),
        "skp": len(skps),
        "rhk": len(rhk),
        "indikator": len(ind),
        "riwayat": len(riwayat),
        **{m.__tablename__: len(r) for m, r in nilai.items()},
    }
    _sorot(hasil, org, skps, status, per_skp)
    return hasil


def _sorot(hasil: Hasil, org: Organisasi, skps: list[dict], status: dict[str, str], per_skp: dict) -> None:
    pimpinan = set(org.pimpinan.values())
    disetujui = [s for s in skps if status[s["id"]] == "PERSETUJUAN"]
    hasil.skp_pegawai = {s["nip"]: s["id"] for s in disetujui}
    # Staff of a bidang or seksi first, the common case: the statements of an
    # RPC depend on the unit's place in the tree (its unor induk is another unit).
    induk = {u["id"] for u in org.unor if u["induk"]}
    staf = [s for s in disetujui if s["nip"] not in pimpinan]
    hasil.pegawai = [s["nip"] for s in sorted(staf, key=lambda s: s["unor_id"] in induk)]
    hasil.indikator = {sid: f"skp/{sid}/rhk/{rows[0][0]}/indikator/{rows[0][1][0]}" for sid, rows in per_skp.items()}
    hitung: dict[str, list[str]] = {}
    for s in disetujui:
        if s["penilai_nip"]:
            hitung.setdefault(s["penilai_nip"], []).append(s["id"])
    hasil.penilai, ids = max(hitung.items(), key=lambda kv: (len(kv[1]), kv[0]))
    # Not the pimpinan of a unor induk: their rating hasil follows the capaian.
    hasil.skp_bawahan = [i for i in ids if not next(s for s in disetujui if s["id"] == i)["pimpinan"]] or ids
    hasil.bawahan_penilai = len(ids)


def tulis_xlsx(org: Organisasi, folder: Path) -> tuple[Path, Path]:
    """unor.xlsx and pegawai.xlsx in the import format (docs/import.md): the
    same organisation, for the import benchmark."""
    from openpyxl import Workbook

    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "unor.xlsx", folder / "pegawai.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("unor")
    ws.append(
        [
            "id_unor",
            "nama_unor",
            "id_unor_atasan",
            "unor_induk",
            "jabatan_pimpinan",
            "id_instansi",
            "nama_instansi",
            "lokasi",
        ]
    )
    for u in org.unor:
        ws.append(
            [
                u["id"],
                u["nama"],
                u["parent_id"] or "",
                "Y" if u["induk"] else "N",
                u["jabatan_pimpinan"],
                org.instansi_id,
                NAMA_INSTANSI,
                LOKASI,
            ]
        )
    wb.save(paths[0])
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("pegawai")
    ws.append(["nip", "nama", "jabatan", "golongan_ruang", "jenis_asn", "id_unor", "email"])
    for p in org.pegawai:  # NIP as a string cell: text, as the import requires
        ws.append([p["nip"], p["nama"], p["jabatan"], p["golongan"], p["jenis_asn"], p["unor_id"], p["email"]])
    wb.save(paths[1])
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pegawai", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", help="postgresql+asyncpg://…; bawaan: SQLite di --data-dir")
    parser.add_argument("--data-dir", type=Path, default=Path("data-bench"))
    parser.add_argument("--xlsx", type=Path, help="also write unor.xlsx and pegawai.xlsx here")
    args = parser.parse_args()
    from cli.migrate import migrate

    settings = Settings(data_dir=args.data_dir, database_url=args.database_url)
    t = time.perf_counter()
    migrate(settings, list(SERVICES))
    hasil = asyncio.run(generate(settings, args.pegawai, args.seed))
    print(
        f"{hasil.jumlah['pegawai']} pegawai in {time.perf_counter() - t:.1f} s "
        f"(plan {hasil.detik['rencana']:.1f} s, write {hasil.detik['tulis']:.1f} s, migrations included)"
    )
    print(", ".join(f"{k} {v}" for k, v in hasil.jumlah.items()))
    print(
        f"password {PASSWORD}; pegawai {hasil.pegawai[0]}; penilai {hasil.penilai} "
        f"({hasil.bawahan_penilai} approved bawahan SKPs)"
    )
    if args.xlsx:
        t = time.perf_counter()
        assert hasil.org is not None
        paths = tulis_xlsx(hasil.org, args.xlsx)
        print(f"{paths[0]} and {paths[1]} in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
