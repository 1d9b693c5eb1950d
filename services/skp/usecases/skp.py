"""Daftar SKP, Tambah/Edit/Hapus SKP, Detail SKP, Muat Ulang."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import jejak_audit
from services.shared.errors import AksesDitolak, KondisiTidakTerpenuhi, TidakValid
from services.shared.giliran import ambil as ambil_giliran
from services.shared.principal import Principal
from services.skp.domain import akses
from services.skp.domain.periode import (
    Periode,
    SkpLain,
    cek_periode_berisi,
    cek_tumpang_tindih,
    dalam_penugasan,
    kunci_peran,
    validate_periode,
)
from services.skp.domain.status import DRAFT, KUALITATIF, KUANTITATIF, PERSETUJUAN, harus_draft
from services.skp.domain.target import parse_target
from services.skp.store import bacaan
from services.skp.store import repository as repo
from services.skp.store.models import IndikatorRow, RhkRow, SkpRow, giliran
from services.skp.usecases.sumber import DataPegawai, Identitas
from services.skp.usecases.umum import Tampilan, catat, pihak, sekarang, sentuh, tampilan, untuk_pemilik

PENDEKATAN = (KUANTITATIF, KUALITATIF)


def nip_pemanggil(p: Principal) -> str:
    if not p.nip:
        raise AksesDitolak("SKP dibuat oleh pegawai sendiri; akun ini tidak terhubung ke seorang pegawai.")
    return p.nip


def validate_pendekatan(value: str, field: str = "skp.pendekatan") -> str:
    if value not in PENDEKATAN:
        raise TidakValid(field, "pilih Kuantitatif atau Kualitatif")
    return value


async def daftar(
    s: AsyncSession, p: Principal, nip: str, offset: int, limit: int
) -> tuple[Sequence[bacaan.SkpBaca], int]:
    """A page of rows, each with its `jumlah_indikator` (store/bacaan.py)."""
    akses.boleh_daftar(p, nip)
    # Others see the SKPs of their own instansi only: another instansi's
    # pegawai lists as empty as a NIP that does not exist.
    rows, total = await bacaan.daftar(s, nip, offset, limit, None if p.nip == nip else p.instansi_id)
    for row in rows:
        akses.boleh_baca(p, pihak(row))
    return rows, total


def _cek_peran(lain: list[SkpRow], id_sendiri: str | None, periode: Periode, unor_plt_id: str | None) -> None:
    cek_tumpang_tindih(
        id_sendiri,
        periode,
        kunci_peran(unor_plt_id),
        [SkpLain(r.id, Periode(r.awal, r.akhir), kunci_peran(r.unor_plt_id)) for r in lain],
    )


def _isi_pegawai(row: SkpRow, data: DataPegawai, waktu: dt.datetime) -> None:
    i, peran = data.identitas, data.peran
    row.instansi_id, row.instansi_nama = data.instansi_id, data.instansi_nama
    row.peran, row.unor_plt_id, row.pimpinan = peran.peran, peran.unor_plt_id, peran.pimpinan
    row.jabatan, row.unor_id, row.unor_nama = peran.jabatan, peran.unor_id, peran.unor_nama
    row.pegawai_nama, row.pegawai_golongan, row.pegawai_pangkat = i.nama, i.golongan, i.pangkat
    row.pegawai_jabatan, row.pegawai_unor_id, row.pegawai_unor_nama = i.jabatan, i.unor_id, i.unor_nama
    row.pegawai_dimuat = waktu


def isi_penilai(row: SkpRow, penilai: Identitas | None, waktu: dt.datetime) -> None:
    luar = penilai is not None and penilai.eksternal
    row.penilai_nip = penilai.nip if penilai and not luar else None
    row.penilai_eksternal = luar
    row.penilai_nip_eksternal = penilai.nip if penilai and luar else ""
    row.penilai_nama = penilai.nama if penilai else ""
    row.penilai_golongan = penilai.golongan if penilai else ""
    row.penilai_pangkat = penilai.pangkat if penilai else ""
    row.penilai_jabatan = penilai.jabatan if penilai else ""
    row.penilai_unor_id = penilai.unor_id if penilai else ""
    row.penilai_unor_nama = penilai.unor_nama if penilai else ""
    row.penilai_dimuat = waktu


async def buat(
    s: AsyncSession, p: Principal, periode: Periode, pendekatan: str, data: DataPegawai, penilai: Identitas | None
) -> Tampilan:
    nip = nip_pemanggil(p)
    await ambil_giliran(s, giliran, f"skp:{nip}")
    _cek_peran(await repo.skp_tahun(s, [nip], periode.tahun), None, periode, data.peran.unor_plt_id)
    waktu = sekarang()
    row = SkpRow(
        id=uuid.uuid4().hex,
        nip=nip,
        tahun=periode.tahun,
        awal=periode.awal,
        akhir=periode.akhir,
        pendekatan=pendekatan,
        status=DRAFT,
        keterangan="",
        ekspektasi={},
        lampiran={},
        dibuat=waktu,
        diubah=waktu,
    )
    _isi_pegawai(row, data, waktu)
    isi_penilai(row, penilai, waktu)
    s.add(row)
    await s.flush()
    if row.pimpinan:
        await _warisi_rhk_organisasi(s, row)
    catat(s, p, row, "", DRAFT, "SKP dibuat")
    return await tampilan(s, row)


async def _warisi_rhk_organisasi(s: AsyncSession, row: SkpRow) -> None:
    """RHK Organisasi belong to the unit: the next pimpinan of the unit in
    the same year starts with those of the latest earlier SKP."""
    sumber = await repo.rhk_organisasi(s, row.unor_id, row.tahun, row.nip)
    if not sumber:
        return
    asal = sumber[0][1].id
    warisan = [r for r, k in sumber if k.id == asal]
    indikator = await repo.indikator_rhk(s, [r.id for r in warisan])
    for r in warisan:
        baru = RhkRow(
            id=uuid.uuid4().hex,
            skp_id=row.id,
            jenis=r.jenis,
            klasifikasi=r.klasifikasi,
            unor_id=r.unor_id,
            unor_nama=r.unor_nama,
            rhk_atasan_id=None,
            rhk_atasan_skp_id=None,
            rhk_atasan_teks="",
            perjanjian_kinerja=r.perjanjian_kinerja,
            teks=r.teks,
            perspektif=r.perspektif,
            urutan=r.urutan,
            diwarisi_dari=asal,
        )
        s.add(baru)
        for i in indikator[r.id]:
            s.add(
                IndikatorRow(
                    id=uuid.uuid4().hex,
                    rhk_id=baru.id,
                    aspek=i.aspek,
                    teks=i.teks,
                    target=i.target,
                    target_angka=i.target_angka,
                    target_satuan=i.target_satuan,
                    target_sampai=i.target_sampai,
                    urutan=i.urutan,
                )
            )
    await s.flush()


async def ubah(
    s: AsyncSession,
    p: Principal,
    skp_id: str,
    paths: list[str],
    awal: dt.date | None,
    akhir: dt.date | None,
    pendekatan: str,
    etag: str,
    batas_plt: tuple[dt.date, dt.date] | None,
    berisi: list[str] | None = None,
) -> tuple[Tampilan, str]:
    """Edit SKP, on a DRAFT SKP or on an approved one for a cut-off in the
    middle of the year; an approved SKP stays approved (docs/domain.md#edit-skp).
    `berisi`: the penilaian periods holding entries (asked of penilaian
    before the transaction when the period changes). Returns the SKP and
    the notice of what the server changed in what was sent."""
    row = await untuk_pemilik(s, p, skp_id, etag)
    if row.status not in (DRAFT, PERSETUJUAN):
        raise KondisiTidakTerpenuhi(
            f"SKP berstatus {row.status} sedang menunggu persetujuan: Edit SKP dapat dilakukan saat DRAFT atau "
            "setelah disetujui (PERSETUJUAN)."
        )
    if not paths:
        raise TidakValid("update_mask", "sebutkan field yang diubah: periode_awal, periode_akhir, pendekatan")
    for path in paths:
        if path not in ("periode_awal", "periode_akhir", "pendekatan"):
            raise TidakValid(
                "update_mask", f"field '{path}' tidak dapat diubah; ubah periode_awal, periode_akhir atau pendekatan"
            )
    lama = Periode(row.awal, row.akhir)
    periode, pemberitahuan = validate_periode(
        awal if "periode_awal" in paths and awal else row.awal,
        akhir if "periode_akhir" in paths and akhir else row.akhir,
    )
    pendekatan_baru = validate_pendekatan(pendekatan) if "pendekatan" in paths else row.pendekatan
    if batas_plt is not None:
        dalam_penugasan(periode, batas_plt[0], batas_plt[1], "skp.periode_awal")
    if periode != lama:
        cek_periode_berisi(periode, berisi or [])
    if pendekatan_baru == KUANTITATIF and row.pendekatan != KUANTITATIF:
        await _jadikan_kuantitatif(s, row)
    await ambil_giliran(s, giliran, f"skp:{row.nip}")
    lain = [r for r in await repo.skp_tahun(s, [row.nip], periode.tahun)]
    _cek_peran(lain, row.id, periode, row.unor_plt_id)
    if row.status != DRAFT:
        # The approved SKP changes under the penilai's approval: say so in its history.
        berubah = [f"periode {lama.teks()} → {periode.teks()}"] if periode != lama else []
        if pendekatan_baru != row.pendekatan:
            berubah.append(f"pendekatan {row.pendekatan.title()} → {pendekatan_baru.title()}")
        if berubah:
            catat(s, p, row, row.status, row.status, "Edit SKP: " + "; ".join(berubah))
    row.pendekatan = pendekatan_baru
    row.awal, row.akhir, row.tahun = periode.awal, periode.akhir, periode.tahun
    sentuh(row)
    return await tampilan(s, row), pemberitahuan


async def _jadikan_kuantitatif(s: AsyncSession, row: SkpRow) -> None:
    """A Kuantitatif SKP has a number + unit for every target: refused,
    naming the indikator, while one is not (docs/domain.md#edit-skp)."""
    rhk = await repo.rhk_skp(s, [row.id])
    indikator = await repo.indikator_rhk(s, [r.id for r in rhk])
    for r in rhk:
        for i in indikator[r.id]:
            try:
                target = parse_target(i.target, True, "target")
            except TidakValid as e:
                raise KondisiTidakTerpenuhi(
                    f"SKP belum dapat dijadikan Kuantitatif: target indikator '{i.teks}' (RHK '{r.teks}') "
                    f"bukan angka + satuan ({e.pelanggaran[0].pesan}). Ubah targetnya saat SKP DRAFT, atau "
                    "biarkan SKP Kualitatif."
                ) from None
            i.target_angka = float(target.angka) if target.angka is not None else None
            i.target_satuan = target.satuan
            i.target_sampai = float(target.sampai) if target.sampai is not None else None


async def hapus(s: AsyncSession, p: Principal, skp_id: str, etag: str) -> None:
    row = await untuk_pemilik(s, p, skp_id, etag)
    harus_draft(row.status)
    await repo.hapus_skp(s, row.id)


async def muat_ulang_pegawai(s: AsyncSession, p: Principal, skp_id: str, data: DataPegawai) -> Tampilan:
    row = await untuk_pemilik(s, p, skp_id, juga_pengelola=True)
    jejak_audit.catat(
        sebelum=f"jabatan={row.jabatan}, unit={row.unor_nama}",
        sesudah=f"jabatan={data.peran.jabatan}, unit={data.peran.unor_nama}",
    )
    _isi_pegawai(row, data, sekarang())
    sentuh(row)
    return await tampilan(s, row)


async def muat_ulang_penilai(
    s: AsyncSession, p: Principal, skp_id: str, penilai: Identitas | None, sebab: str = "Muat Ulang"
) -> Tampilan:
    row = await untuk_pemilik(s, p, skp_id, juga_pengelola=True)
    ganti_penilai(s, p, row, penilai, sebab)
    return await tampilan(s, row)


def identitas_penilai(row: SkpRow) -> Identitas | None:
    """The penilai column as profil would give it, None when there is none."""
    if row.penilai_eksternal:
        return Identitas(
            row.penilai_nip_eksternal,
            row.penilai_nama,
            row.penilai_golongan,
            row.penilai_pangkat,
            row.penilai_jabatan,
            row.penilai_unor_id,
            row.penilai_unor_nama,
            eksternal=True,
        )
    if not row.penilai_nip:
        return None
    return Identitas(
        row.penilai_nip,
        row.penilai_nama,
        row.penilai_golongan,
        row.penilai_pangkat,
        row.penilai_jabatan,
        row.penilai_unor_id,
        row.penilai_unor_nama,
    )


def orang(penilai: Identitas | None) -> tuple[str, str] | None:
    """Who the penilai is: a NIP inside the system; a penilai eksternal by
    name (he may have no NIP)."""
    if penilai is None:
        return None
    return ("eksternal", penilai.nama) if penilai.eksternal else ("nip", penilai.nip)


def ganti_penilai(s: AsyncSession, p: Principal, row: SkpRow, penilai: Identitas | None, sebab: str) -> bool:
    """Refreshes the penilai column; a different person is recorded in the
    history. Returns whether the person changed."""
    lama = row.penilai_nama or "(tidak ada)"
    berubah = orang(penilai) != orang(identitas_penilai(row))
    jejak_audit.catat(
        sebelum=f"penilai={row.penilai_nip or row.penilai_nip_eksternal or '-'} {lama}",
        sesudah=f"penilai={penilai.nip or '-' if penilai else '-'} {penilai.nama if penilai else '(tidak ada)'}",
    )
    isi_penilai(row, penilai, sekarang())
    sentuh(row)
    if berubah:
        catat(
            s, p, row, row.status, row.status, f"{sebab}: penilai {lama} → {penilai.nama if penilai else '(tidak ada)'}"
        )
    return berubah
