"""What an SKP takes from profil, fetched through profil's gRPC API before a
transaction opens (no network call while rows are locked)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ekinerja.profil.v1 import profil_pb2 as ppb

from services.profil.client import ProfilClient
from services.shared.errors import TidakValid
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


def tanggal(d: object) -> dt.date:
    """google.type.Date → date."""
    return dt.date(d.year, d.month, d.day)  # type: ignore[attr-defined]


async def pegawai(client: ProfilClient, nip: str, unor_plt_id: str | None, periode: Periode | None) -> DataPegawai:
    """The pegawai column and the role of an SKP. For a PLT/PLH SKP the role
    comes from the caller's assignment on that unit, which must cover the
    period (when one is given)."""
    p = await client.pegawai(nip)
    if unor_plt_id:
        cocok = [t for t in await client.penugasan(nip) if t.unor_id == unor_plt_id]
        if not cocok:
            raise TidakValid("skp.unor_plt_id", "Anda tidak memiliki penugasan PLT/PLH pada unit kerja ini. "
                             "Tambahkan penugasannya di menu Profil terlebih dahulu.")
        if periode is not None:
            meliputi = [t for t in cocok
                        if tanggal(t.tanggal_mulai) <= periode.awal and periode.akhir <= tanggal(t.tanggal_selesai)]
            if not meliputi:
                t = cocok[-1]
                dalam_penugasan(periode, tanggal(t.tanggal_mulai), tanggal(t.tanggal_selesai), "skp.periode_awal")
            t = meliputi[0]
        else:
            t = cocok[-1]
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
    if not a.HasField("atasan") or not a.atasan.nip:
        return None
    r = a.atasan
    acting = a.sebagai in PERAN
    return Identitas(r.nip, r.nama, r.golongan_ruang, r.pangkat, a.jabatan or r.jabatan,
                     a.unor.id if acting else r.unor_id, a.unor.nama if acting else r.unor_nama)
