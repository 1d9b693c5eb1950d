"""What an SKP takes from profil, fetched through profil's gRPC API before a
transaction opens (no network call while rows are locked)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ekinerja.profil.v1 import profil_pb2 as ppb

from services.profil.client import ProfilClient
from services.shared.errors import TidakValid
from services.shared.names import date_of
from services.skp.domain.periode import Periode, dalam_penugasan

PERAN = {ppb.JENIS_PENUGASAN_PLT: "PLT", ppb.JENIS_PENUGASAN_PLH: "PLH"}


@dataclass(frozen=True)
class Identitas:
    nip: str
    nama: str
    golongan: str
    pangkat: str
    jabatan: str
    unor_id: str
    unor_nama: str
    eksternal: bool = False  # a penilai eksternal (NON ASN): `nip` may be empty


@dataclass(frozen=True)
class Peran:
    peran: str  # DEFINITIF | PLT | PLH
    unor_plt_id: str | None
    jabatan: str
    unor_id: str
    unor_nama: str
    pimpinan: bool


@dataclass(frozen=True)
class DataPegawai:
    instansi_id: str
    instansi_nama: str
    identitas: Identitas
    peran: Peran


def penugasan_untuk(cocok: list[ppb.Penugasan], periode: Periode | None) -> tuple[ppb.Penugasan, dt.date, dt.date]:
    """Of the caller's assignments on one unit, the one covering `periode`,
    else the latest; with its first and last day (the caller decides whether
    a period outside it is an error)."""
    hari = [(t, date_of(t.tanggal_mulai), date_of(t.tanggal_selesai)) for t in cocok]
    if periode is not None:
        for t, mulai, selesai in hari:
            if mulai <= periode.awal and periode.akhir <= selesai:
                return t, mulai, selesai
    return hari[-1]


async def pegawai(client: ProfilClient, nip: str, unor_plt_id: str | None, periode: Periode | None) -> DataPegawai:
    """The pegawai column and the role of an SKP. For a PLT/PLH SKP the role
    comes from the caller's assignment on that unit, which must cover the
    period (when one is given)."""
    p = await client.pegawai(nip)
    if unor_plt_id:
        cocok = [t for t in await client.penugasan(nip) if t.unor_id == unor_plt_id]
        if not cocok:
            raise TidakValid(
                "skp.unor_plt_id",
                "Anda tidak memiliki penugasan PLT/PLH pada unit kerja ini. "
                "Tambahkan penugasannya di menu Profil terlebih dahulu.",
            )
        t, mulai, selesai = penugasan_untuk(cocok, periode)
        if periode is not None:
            dalam_penugasan(periode, mulai, selesai, "skp.periode_awal")
        peran = Peran(PERAN[t.jenis], unor_plt_id, t.jabatan, t.unor_id, t.unor_nama, True)
        ident = Identitas(p.nip, p.nama, p.golongan_ruang, p.pangkat, t.jabatan, t.unor_id, t.unor_nama)
    else:
        pimpinan = p.jenis == ppb.JENIS_PEGAWAI_PIMPINAN
        peran = Peran("DEFINITIF", None, p.jabatan, p.unor.id, p.unor.nama, pimpinan)
        ident = Identitas(p.nip, p.nama, p.golongan_ruang, p.pangkat, p.jabatan, p.unor.id, p.unor.nama)
    return DataPegawai(p.instansi.id, p.instansi.nama, ident, peran)


async def penilai(client: ProfilClient, nip: str, unor_plt_id: str | None, tanggal: dt.date) -> Identitas | None:
    """The pejabat penilai kinerja on `tanggal` by the atasan rules; None at
    the top of the instansi."""
    a = await client.atasan(nip, tanggal, unor_plt_id, fields={"unor_plt": "skp.unor_plt_id"})
    if a.HasField("eksternal") and a.eksternal.nama:
        # docs/domain.md#penentuan-atasan, step 3: recorded by the admin instansi.
        x = a.eksternal
        return Identitas(x.nip, x.nama, "", "", x.jabatan, "", "", eksternal=True)
    if not a.HasField("atasan") or not a.atasan.nip:
        return None
    r = a.atasan
    acting = a.sebagai in PERAN
    return Identitas(
        r.nip,
        r.nama,
        r.golongan_ruang,
        r.pangkat,
        a.jabatan or r.jabatan,
        a.unor.id if acting else r.unor_id,
        a.unor.nama if acting else r.unor_nama,
    )
