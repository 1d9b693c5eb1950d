"""The calls of `Backend` that only admin instansi and helpdesk make
(tui/backend.py keeps the plumbing: channel, token, errors): the search
across the instansi, one pegawai's atasan in each of their roles, the
penilaian progress of an SKP, Kirim Kode Reset, and the Jejak Audit of the
four services as one list. Same rules as the other calls: every method
raises `GagalLayanan` and nothing else from gRPC.

Their changes (Edit Profil, Muat Ulang, Edit Status, PLT/PLH, Klaim
Pimpinan) are the pegawai's and penilai's own calls given a `nip` and an
`alasan` (backend.py, backend_skp.py): one call per RPC, not two."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ekinerja.profil.v1 import auth_pb2
from ekinerja.profil.v1 import profil_pb2 as ppb
from google.protobuf.timestamp_pb2 import Timestamp

from tui.backend_dasar import Panggilan
from tui.format import ke_date
from tui.nanti import modul_nanti

if TYPE_CHECKING:
    from ekinerja.audit.v1 import audit_pb2 as apb
    from ekinerja.penilaian.v1 import penilaian_pb2 as npb

    from tui.backend import GagalLayanan
else:
    apb = modul_nanti("ekinerja.audit.v1.audit_pb2")
    npb = modul_nanti("ekinerja.penilaian.v1.penilaian_pb2")

T = TypeVar("T")
LAYANAN_AUDIT = ("profil", "skp", "penilaian", "cetak")  # every service keeps its own jejak


@dataclass
class SaringJejak:
    """The filters of ListJejakAudit, the same for every service. Days are
    local and both inclusive, as the user types them."""

    atas_nama: str = ""
    aktor: str = ""
    metode: str = ""
    sasaran: str = ""
    sejak: dt.date | None = None
    sampai: dt.date | None = None

    def permintaan(self, page_token: str, page_size: int) -> apb.ListJejakAuditRequest:
        req = apb.ListJejakAuditRequest(
            atas_nama=self.atas_nama,
            aktor=self.aktor,
            metode=self.metode,
            sasaran=self.sasaran,
            page_size=page_size,
            page_token=page_token,
        )
        if self.sejak is not None:
            req.sejak.CopyFrom(_awal_hari(self.sejak))
        if self.sampai is not None:
            req.sampai.CopyFrom(_awal_hari(self.sampai + dt.timedelta(days=1)))  # the server's end is exclusive
        return req


def _gagal_layanan() -> type[GagalLayanan]:
    from tui.backend import GagalLayanan  # tui.backend imports this module: looked up when needed

    return GagalLayanan


def _awal_hari(d: dt.date) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(dt.datetime.combine(d, dt.time()).astimezone().astimezone(dt.UTC))
    return ts


def _kunci(j: apb.JejakAudit) -> tuple[int, int, str]:
    return j.waktu.seconds, j.waktu.nanos, j.id


class JejakGabungan:
    """The jejak of the four services as one list, newest first, a page at a
    time. Each service pages on its own; the next record is the newest of the
    heads of their pages, so a service is asked for its next page only when
    its current one runs out. A service that cannot answer (not yet
    supporting it, or refusing the caller) is left out and named in `gagal`;
    a filter it rejects is raised, since every service would reject it."""

    UKURAN_HALAMAN = 50

    def __init__(
        self,
        ambil: Callable[[str, apb.ListJejakAuditRequest], Awaitable[apb.ListJejakAuditResponse]],
        saring: SaringJejak,
    ) -> None:
        self._ambil = ambil
        self._saring = saring
        self._antre: dict[str, list[apb.JejakAudit]] = {nama: [] for nama in LAYANAN_AUDIT}
        # The next page token of each service: "" before the first page, None when done.
        self._token: dict[str, str | None] = dict.fromkeys(LAYANAN_AUDIT, "")
        self.gagal: dict[str, GagalLayanan] = {}

    @property
    def habis(self) -> bool:
        return not any(self._antre.values()) and all(t is None for t in self._token.values())

    async def berikutnya(self, n: int = UKURAN_HALAMAN) -> list[apb.JejakAudit]:
        hasil: list[apb.JejakAudit] = []
        while len(hasil) < n:
            kosong = [nama for nama, antre in self._antre.items() if not antre and self._token[nama] is not None]
            if kosong:
                await asyncio.gather(*(self._isi(nama) for nama in kosong))
            ada = [nama for nama, antre in self._antre.items() if antre]
            if not ada:
                break
            terbaru = max(ada, key=lambda nama: _kunci(self._antre[nama][0]))
            hasil.append(self._antre[terbaru].pop(0))
        return hasil

    async def _isi(self, nama: str) -> None:
        token = self._token[nama] or ""
        try:
            resp = await self._ambil(nama, self._saring.permintaan(token, self.UKURAN_HALAMAN))
        except _gagal_layanan() as e:
            if e.sesi_berakhir or (e.field and e.field != "page_token"):
                raise
            self.gagal[nama] = e
            self._token[nama] = None
            return
        for j in resp.jejak:
            j.layanan = j.layanan or nama
        # Each page is newest first already; sorted again so that one service's order never breaks the merge.
        self._antre[nama] = sorted(resp.jejak, key=_kunci, reverse=True)
        self._token[nama] = resp.next_page_token or None


@dataclass
class ProgresPeriode:
    """One period of an SKP's penilaian as helpdesk sees it: the period (batas,
    ratings, predikat) and how many indikator have a realisasi."""

    periode: npb.PeriodePenilaian
    realisasi: int = 0
    gagal: str = ""  # why the period's detail could not be read


@dataclass
class AtasanPeran:
    """The atasan of one PLT/PLH role, resolved on a day of the assignment
    (today when it is in force, else its nearest day)."""

    penugasan: ppb.Penugasan
    tanggal: dt.date
    atasan: ppb.Atasan | None = None
    gagal: str = ""


class LayananHelpdesk(Panggilan):
    if TYPE_CHECKING:

        async def atasan(
            self, nip: str | None = None, unor_plt: str = "", tanggal: dt.date | None = None
        ) -> ppb.Atasan: ...
        async def penugasan(self, nip: str | None = None) -> list[ppb.Penugasan]: ...
        async def periode_penilaian(self, skp_name: str) -> list[npb.PeriodePenilaian]: ...
        async def ambil_penilaian(self, name: str) -> npb.Penilaian: ...

    async def cari_pegawai(self, query: str, page_size: int = 100) -> ppb.ListPegawaiResponse:
        """Pegawai of the caller's instansi by NIP prefix or part of the name (2 characters at least)."""
        return await self._call(
            self.profil.SearchPegawai, ppb.SearchPegawaiRequest(query=query.strip(), page_size=page_size)
        )

    async def atasan_plt(self, nip: str) -> list[AtasanPeran]:
        """Every PLT/PLH assignment of the pegawai with the atasan of that role; a
        request not registered, or an assignment the server does not count that
        day, keeps the reason instead."""
        hari_ini = dt.date.today()
        penugasan = await self.penugasan(nip)

        async def satu(t: ppb.Penugasan) -> AtasanPeran:
            mulai, selesai = ke_date(t.tanggal_mulai) or hari_ini, ke_date(t.tanggal_selesai) or hari_ini
            peran = AtasanPeran(t, min(max(hari_ini, mulai), selesai))
            if t.status == ppb.STATUS_PENUGASAN_DIAJUKAN:
                peran.gagal = "permintaan pegawai, belum didaftarkan admin/helpdesk"
                return peran
            if t.status == ppb.STATUS_PENUGASAN_DITOLAK:
                peran.gagal = f"permintaan ditolak: {t.alasan_keputusan}"
                return peran
            try:
                peran.atasan = await self.atasan(nip, unor_plt=t.unor_id, tanggal=peran.tanggal)
            except _gagal_layanan() as e:
                if e.sesi_berakhir:
                    raise
                peran.gagal = e.pesan
            return peran

        return list(await asyncio.gather(*(satu(t) for t in penugasan)))

    async def progres_penilaian(self, skp_name: str) -> list[ProgresPeriode]:
        """Every period of an approved SKP with its realisasi count; a period whose
        detail is refused keeps the reason instead."""

        async def satu(p: npb.PeriodePenilaian) -> ProgresPeriode:
            try:
                penilaian = await self.ambil_penilaian(p.name)
            except _gagal_layanan() as e:
                if e.sesi_berakhir:
                    raise
                return ProgresPeriode(p, gagal=e.pesan)
            return ProgresPeriode(p, sum(1 for r in penilaian.realisasi if r.realisasi.strip()))

        return list(await asyncio.gather(*(satu(p) for p in await self.periode_penilaian(skp_name))))

    async def kirim_kode_reset(self, request_id: str, nip: str, alasan: str) -> auth_pb2.KirimKodeResetResponse:
        """Mails a reset code to the pegawai's registered address; only the masked address comes back."""
        return await self._call(
            self.auth.KirimKodeReset, auth_pb2.KirimKodeResetRequest(request_id=request_id, nip=nip, alasan=alasan)
        )

    def jejak_audit(self, saring: SaringJejak) -> JejakGabungan:
        stub: dict[str, Any] = {
            "profil": self.profil,
            "skp": self.skp,
            "penilaian": self.penilaian,
            "cetak": self.cetak,
        }

        async def ambil(layanan: str, req: apb.ListJejakAuditRequest) -> apb.ListJejakAuditResponse:
            return await self._call(stub[layanan].ListJejakAudit, req)

        return JejakGabungan(ambil, saring)
