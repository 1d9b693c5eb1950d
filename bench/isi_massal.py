"""Many approved bawahan SKPs at once, written straight into skp's tables:
what a penilai with 1,000 bawahan looks like, for the Rekap benchmark and
the test that counts its SQL statements. Test and benchmark data only —
the product writes SKPs through the API."""

from __future__ import annotations

import datetime as dt
import uuid

from services.shared.db import Database
from services.skp.store.models import IndikatorRow, RhkRow, SkpRow


def nip_palsu(i: int) -> str:
    """A well-formed NIP (born 1 Jan 1980 + i days, TMT 2005-01, male)."""
    lahir = dt.date(1980, 1, 1) + dt.timedelta(days=i % 3000)
    return f"{lahir:%Y%m%d}200501{1}{i % 1000:03d}"


async def skp_bawahan(
    db: Database,
    *,
    penilai_nip: str,
    penilai_nama: str,
    instansi_id: str,
    unor_id: str,
    tahun: int,
    jumlah: int,
    mulai: int = 0,
) -> list[str]:
    """`jumlah` approved SKPs of the year rated by `penilai_nip`, each with two
    RHK and one indikator per RHK; returns their ids."""
    now = dt.datetime.now(dt.UTC)
    ids = []
    async with db.transaction() as s:
        for i in range(mulai, mulai + jumlah):
            skp_id = uuid.uuid4().hex
            ids.append(skp_id)
            s.add(
                SkpRow(
                    id=skp_id,
                    nip=nip_palsu(i),
                    instansi_id=instansi_id,
                    instansi_nama="Instansi",
                    tahun=tahun,
                    awal=dt.date(tahun, 1, 1),
                    akhir=dt.date(tahun, 12, 31),
                    pendekatan="KUANTITATIF",
                    status="PERSETUJUAN",
                    peran="DEFINITIF",
                    unor_plt_id=None,
                    pimpinan=False,
                    jabatan="Pelaksana",
                    unor_id=unor_id,
                    unor_nama="Unit",
                    keterangan="",
                    pegawai_nama=f"PEGAWAI {i:04d}",
                    pegawai_golongan="III/a",
                    pegawai_pangkat="Penata Muda",
                    pegawai_jabatan="Pelaksana",
                    pegawai_unor_id=unor_id,
                    pegawai_unor_nama="Unit",
                    pegawai_dimuat=now,
                    penilai_nip=penilai_nip,
                    penilai_nama=penilai_nama,
                    penilai_golongan="III/d",
                    penilai_pangkat="",
                    penilai_jabatan="Kepala",
                    penilai_unor_id=unor_id,
                    penilai_unor_nama="Unit",
                    penilai_dimuat=now,
                    ekspektasi={},
                    lampiran={},
                    dibuat=now,
                    diubah=now,
                )
            )
        await s.flush()
        for skp_id in ids:
            for n in (1, 2):
                rhk_id = uuid.uuid4().hex
                s.add(
                    RhkRow(
                        id=rhk_id,
                        skp_id=skp_id,
                        jenis="UTAMA",
                        klasifikasi="INDIVIDU",
                        unor_id=None,
                        unor_nama="",
                        rhk_atasan_id=None,
                        rhk_atasan_skp_id=None,
                        rhk_atasan_teks="",
                        perjanjian_kinerja="",
                        teks=f"RHK {n}",
                        urutan=n,
                        diwarisi_dari=None,
                    )
                )
                await s.flush()
                s.add(
                    IndikatorRow(
                        id=uuid.uuid4().hex,
                        rhk_id=rhk_id,
                        aspek="WAKTU",
                        teks=f"Indikator {n}",
                        target="12 bulan",
                        target_angka=12.0,
                        target_satuan="bulan",
                        urutan=1,
                    )
                )
    return ids
