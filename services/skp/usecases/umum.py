"""Helpers every SKP use case shares: loading with the caller's rights, etags,
the full view, the history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncSession

from services.shared import jejak_audit
from services.shared.errors import VersiUsang
from services.shared.principal import Principal
from services.skp.domain import akses
from services.skp.domain.status import IndikatorIsi, IsiSkp, RhkIsi
from services.skp.store import bacaan
from services.skp.store import repository as repo
from services.skp.store.models import IndikatorRow, RhkRow, RiwayatRow, SkpRow

# An SKP as the ORM loads it for a change, or as a read row (store/bacaan.py):
# the same attribute names.
SkpApa = SkpRow | bacaan.SkpBaca


@dataclass(frozen=True)
class Tampilan:
    """An SKP with its content, as Detail SKP shows it."""

    skp: SkpApa
    rhk: Sequence[RhkRow | bacaan.RhkBaca]
    indikator: Mapping[str, Sequence[IndikatorRow | bacaan.IndikatorBaca]]


def sekarang() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def pihak(row: SkpApa) -> akses.Pihak:
    return akses.Pihak(row.nip, row.penilai_nip, row.instansi_id, row.penilai_eksternal)


def cek_etag(etag: str, versi: int, apa: str = "SKP") -> None:
    if etag and etag != str(versi):
        raise VersiUsang(f"{apa} telah diubah sejak Anda membukanya. Muat ulang lalu ulangi.")


def sentuh(row: SkpRow) -> None:
    """Any change to an SKP or its content gives it a new etag (the UPDATE
    this causes bumps `versi`, see SkpRow)."""
    row.diubah = sekarang()


def _tentang(row: SkpApa) -> None:
    jejak_audit.catat(atas_nama=row.nip, instansi_id=row.instansi_id)


async def baca(s: AsyncSession, p: Principal, skp_id: str) -> SkpRow:
    row = await repo.get_skp(s, skp_id)
    akses.boleh_baca(p, pihak(row))
    _tentang(row)
    return row


def boleh_lihat(p: Principal, row: SkpApa) -> None:
    """Raises unless the caller may read this SKP; the audit context otherwise.
    Decided on every call, from the SKP row, also when its content comes
    from a cache (services/shared/tembolok_versi.py)."""
    akses.boleh_baca(p, pihak(row))
    _tentang(row)


def detail(c: Connection, p: Principal, skp_id: str, jika_berubah_dari: str = "") -> Tampilan | None:
    """Detail SKP as read rows, in two statements (store/bacaan.py), run
    through Database.baca_langsung. None when its etag is still
    `jika_berubah_dari`: the caller's copy is current, and the content is
    neither read nor sent. Whether the caller may read it is decided first,
    so a caller who may not learns nothing of its etag."""
    row = bacaan.skp(c, skp_id)
    boleh_lihat(p, row)
    if jika_berubah_dari and jika_berubah_dari == str(row.versi):
        return None
    rhk, indikator = bacaan.isi(c, skp_id)
    return Tampilan(row, rhk, indikator)


async def untuk_pemilik(
    s: AsyncSession, p: Principal, skp_id: str, etag: str = "", juga_pengelola: bool = False
) -> SkpRow:
    row = await repo.get_skp(s, skp_id, kunci=True)
    akses.harus_pemilik(p, pihak(row), juga_pengelola)
    cek_etag(etag, row.versi)
    _tentang(row)
    return row


async def untuk_penilai(
    s: AsyncSession, p: Principal, skp_id: str, etag: str = "", juga_pengelola: bool = False
) -> SkpRow:
    row = await repo.get_skp(s, skp_id, kunci=True)
    akses.harus_penilai(p, pihak(row), juga_pengelola)
    cek_etag(etag, row.versi)
    _tentang(row)
    if akses.wakil_penilai(p, pihak(row)):
        jejak_audit.catat(aktor_nama=nama_aktor(p, row))
    return row


async def tampilan(s: AsyncSession, row: SkpRow) -> Tampilan:
    await s.flush()
    rhk = await repo.rhk_skp(s, [row.id])
    return Tampilan(row, rhk, await repo.indikator_rhk(s, [r.id for r in rhk]))


def isi(t: Tampilan, pilihan_atasan: frozenset[str] = frozenset()) -> IsiSkp:
    """`pilihan_atasan`: the ids of the atasan's RHKs this SKP may intervene today."""
    return IsiSkp(
        pendekatan=t.skp.pendekatan,
        ada_penilai=bool(t.skp.penilai_nip) or t.skp.penilai_eksternal,
        penilai_eksternal=t.skp.penilai_eksternal,
        rhk=[
            RhkIsi(
                r.jenis,
                r.teks,
                [IndikatorIsi(i.teks, i.target) for i in t.indikator[r.id]],
                r.rhk_atasan_id in pilihan_atasan,
            )
            for r in t.rhk
        ],
    )


def nama_aktor(p: Principal, row: SkpRow) -> str:
    if p.nip == row.nip:
        return row.pegawai_nama
    if p.nip and p.nip == row.penilai_nip:
        return row.penilai_nama
    if akses.wakil_penilai(p, pihak(row)):
        return wakil(row.penilai_nama, p)
    return p.nama or p.login


def wakil(penilai_nama: str, p: Principal) -> str:
    """How an action the admin instansi takes for a penilai eksternal is
    recorded: in the penilai's name, and by whom."""
    return f"{penilai_nama} (penilai eksternal), oleh {p.nama or p.login}"[:200]


def catat(s: AsyncSession, p: Principal, row: SkpRow, dari: str, ke: str, alasan: str = "") -> None:
    jejak_audit.catat(sebelum=f"status={dari}", sesudah=f"status={ke}")
    s.add(
        RiwayatRow(
            skp_id=row.id,
            waktu=sekarang(),
            aktor_akun=p.akun_id,
            aktor_nip=p.nip or "",
            aktor_nama=nama_aktor(p, row),
            dari=dari,
            ke=ke,
            alasan=alasan,
        )
    )
