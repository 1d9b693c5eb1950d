"""The unit organisasi tree and atasan resolution (docs/domain.md#penentuan-atasan).

`Struktur` is a snapshot of one instansi: its unor, their definitive pimpinan
and the PLT/PLH assignments. The rules below are pure functions of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from services.shared.errors import TidakValid

UNOR_ID = re.compile(r"^[0-9a-f]{32}$")
PLT = "PLT"
PLH = "PLH"


def validate_unor_id(value: str, field_name: str = "unor_id") -> str:
    if not UNOR_ID.match(value):
        raise TidakValid(field_name, "harus 32 karakter heksadesimal huruf kecil")
    return value


@dataclass(frozen=True)
class Unor:
    id: str
    nama: str
    parent_id: str | None
    induk: bool  # unit JPT / unit mandiri
    jabatan_pimpinan: str
    pimpinan_nip: str | None


@dataclass(frozen=True)
class Penugasan:
    id: str
    nip: str
    unor_id: str
    jenis: str  # PLT | PLH
    mulai: dt.date
    selesai: dt.date

    def berlaku(self, tanggal: dt.date) -> bool:
        return self.mulai <= tanggal <= self.selesai


@dataclass(frozen=True)
class Pimpinan:
    """Who leads a unit on a date, and as what (None: definitive)."""

    nip: str
    unor_id: str
    sebagai: str | None = None


@dataclass
class Struktur:
    unor: dict[str, Unor]
    penugasan: list[Penugasan] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._anak: dict[str | None, list[str]] = {}
        for u in self.unor.values():
            self._anak.setdefault(u.parent_id, []).append(u.id)
        for ids in self._anak.values():
            ids.sort(key=lambda i: self.unor[i].nama)

    def leluhur(self, unor_id: str) -> Iterator[Unor]:
        """The unit itself, then its parents up to the root (cycle-safe)."""
        seen: set[str] = set()
        current: str | None = unor_id
        while current and current in self.unor and current not in seen:
            seen.add(current)
            yield self.unor[current]
            current = self.unor[current].parent_id

    def induk_dari(self, unor_id: str) -> Unor | None:
        """The nearest unit JPT / unit mandiri at or above; an induk is its own."""
        chain = list(self.leluhur(unor_id))
        return next((u for u in chain if u.induk), chain[-1] if chain else None)

    def anak(self, unor_id: str | None) -> list[str]:
        return self._anak.get(unor_id, [])

    def urutan_pohon(self) -> Iterator[tuple[Unor, int]]:
        """Every unit depth-first, children by name, with its depth."""
        stack = [(i, 0) for i in reversed(self.anak(None))]
        stack += [(u.id, 0) for u in self.unor.values() if u.parent_id and u.parent_id not in self.unor]
        seen: set[str] = set()
        while stack:
            uid, depth = stack.pop()
            if uid in seen:
                continue
            seen.add(uid)
            yield self.unor[uid], depth
            stack.extend((c, depth + 1) for c in reversed(self.anak(uid)))

    def pimpinan_pada(self, unor_id: str, tanggal: dt.date) -> Pimpinan | None:
        """Who leads the unit on `tanggal` (docs/domain.md#plt-dan-plh): a PLH
        in force (standing in for an absent definitive pimpinan), else the
        definitive pimpinan, else a PLT in force."""
        unor = self.unor.get(unor_id)
        if unor is None:
            return None
        acting = sorted(
            (p for p in self.penugasan if p.unor_id == unor_id and p.berlaku(tanggal)),
            key=lambda p: (p.jenis != PLH, p.mulai),
        )
        if acting and acting[0].jenis == PLH:
            return Pimpinan(acting[0].nip, unor_id, PLH)
        if unor.pimpinan_nip:
            return Pimpinan(unor.pimpinan_nip, unor_id)
        return Pimpinan(acting[0].nip, unor_id, acting[0].jenis) if acting else None

    def memimpin_definitif(self, nip: str) -> bool:
        """jenis Pimpinan: the definitive head of some unit (a claim)."""
        return any(u.pimpinan_nip == nip for u in self.unor.values())

    def unor_dipimpin(self, nip: str, tanggal: dt.date) -> list[Pimpinan]:
        """The units `nip` leads on `tanggal`: a definitive pimpinan whose PLH
        is in force leads none of them while it lasts."""
        led: list[Pimpinan] = []
        for u in self.unor.values():
            if u.pimpinan_nip == nip:
                current = self.pimpinan_pada(u.id, tanggal)
                if current and current.nip == nip:
                    led.append(current)
        for p in self.penugasan:
            if p.nip == nip and p.berlaku(tanggal):
                current = self.pimpinan_pada(p.unor_id, tanggal)
                if current and current.nip == nip:
                    led.append(current)
        return led

    def diwakili_plh(self, unor_id: str, tanggal: dt.date) -> str | None:
        """The definitive pimpinan of a unit a PLH leads on `tanggal`: rated,
        like any pimpinan, from the unit above."""
        unor = self.unor.get(unor_id)
        current = self.pimpinan_pada(unor_id, tanggal)
        if unor and unor.pimpinan_nip and current and current.sebagai == PLH and current.nip != unor.pimpinan_nip:
            return unor.pimpinan_nip
        return None


def resolve_atasan(
    struktur: Struktur, nip: str, unor_id: str, tanggal: dt.date, unor_plt: str | None = None
) -> Pimpinan | None:
    """The pejabat penilai of pegawai `nip` (own unit `unor_id`) on `tanggal`.

    For a PLT/PLH role, `unor_plt` is the unit led in that role. Returns None
    at the top of the instansi, where the atasan is outside the system.
    """
    start = unor_plt or unor_id
    memimpin = struktur.pimpinan_pada(start, tanggal)
    chain = list(struktur.leluhur(start))
    definitif = struktur.unor[start].pimpinan_nip if start in struktur.unor and unor_plt is None else None
    if (memimpin is not None and memimpin.nip == nip) or definitif == nip:
        chain = chain[1:]  # a pimpinan (also one a PLH stands in for) is rated from the unit above
    for unor in chain:
        pimpinan = struktur.pimpinan_pada(unor.id, tanggal)
        if pimpinan is not None and pimpinan.nip != nip:
            return pimpinan
    return None


@dataclass(frozen=True)
class CakupanBawahan:
    """Where to look for a pimpinan's bawahan: the members of `unor_anggota`
    (except the pimpinan and `kecuali`), and the leaders of `unor_batas` — units below with
    a pimpinan of their own, whose walk up reaches this pimpinan."""

    unor_anggota: frozenset[str]
    pimpinan_batas: tuple[Pimpinan, ...]
    kecuali: frozenset[str] = frozenset()  # members rated from above: a definitive pimpinan during a PLH


def cakupan_bawahan(struktur: Struktur, nip: str, tanggal: dt.date) -> CakupanBawahan:
    anggota: set[str] = set()
    batas: list[Pimpinan] = []
    kecuali: set[str] = set()
    for led in struktur.unor_dipimpin(nip, tanggal):
        if (wakil := struktur.diwakili_plh(led.unor_id, tanggal)) is not None:
            kecuali.add(wakil)  # the pimpinan a PLH stands in for is rated from above
        stack = [led.unor_id]
        while stack:
            uid = stack.pop()
            if uid in anggota:
                continue
            anggota.add(uid)
            for child in struktur.anak(uid):
                pimpinan = struktur.pimpinan_pada(child, tanggal)
                if pimpinan is None or pimpinan.nip == nip:
                    stack.append(child)
                else:
                    batas.append(pimpinan)
                    if (wakil := struktur.diwakili_plh(child, tanggal)) is not None and wakil != nip:
                        batas.append(Pimpinan(wakil, child))
    return CakupanBawahan(frozenset(anggota), tuple(batas), frozenset(kecuali))


def ids(units: Iterable[Unor]) -> list[str]:
    return [u.id for u in units]
