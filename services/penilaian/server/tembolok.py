"""penilaian's short-lived copies of what skp and profil said, so that most
reads make no internal call (issue 18). How stale each may be, and why a
write never acts on them unconfirmed, is in docs/penilaian.md#kesegaran-data
and on the constants below; the rules are tested in
tests/api/penilaian/test_kesegaran.py and tests/unit/test_tembolok_penilaian.py.

Every entry ages out after a fixed time and the number of entries is
bounded (least recently used goes first): a copy is never shown past its
stated staleness, whatever happens to invalidation."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# An SKP (DataSkp) as skp showed it to one caller (one account and session):
# reads (GetPenilaian, ListPeriodePenilaian, ListPeriodeBerisi, GetKurva of an
# SKP) may use it for this long. Writes always ask skp afresh, conditionally:
# the copy, of any age, is used once skp says its etag is still current.
SKP_DETIK = 5.0
# The SKPs a penilai rates in a year (ListSkpBawahan), per caller: Rekap,
# its export, the curve of one's bawahan and the dashboard.
BAWAHAN_DETIK = 5.0
# A unit (unor) as profil showed it to a caller of that instansi: its name,
# whether it is a unor induk and its induk. Units change by reorganisation,
# rarely; writes use this too (it decides no right: see docs/penilaian.md).
UNOR_DETIK = 60.0


class Tembolok(Generic[K, V]):
    """A bounded map whose entries expire `umur` seconds after they were stored.
    `basi_disimpan`: an expired entry is no longer given by `ambil` but stays,
    within the same bound, for `terakhir`."""

    def __init__(
        self, umur: float, maks: int, jam: Callable[[], float] = time.monotonic, basi_disimpan: bool = False
    ) -> None:
        self._umur = umur
        self._maks = maks
        self._jam = jam
        self._basi_disimpan = basi_disimpan
        self._isi: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._sedang: dict[K, asyncio.Future[V]] = {}

    def ambil(self, kunci: K) -> V | None:
        entri = self._isi.get(kunci)
        if entri is None:
            return None
        if self._jam() >= entri[0]:
            if not self._basi_disimpan:
                del self._isi[kunci]
            return None
        self._isi.move_to_end(kunci)
        return entri[1]

    def terakhir(self, kunci: K) -> V | None:
        """The entry however old (with `basi_disimpan`, until the bound drops it)."""
        entri = self._isi.get(kunci)
        return None if entri is None else entri[1]

    def simpan(self, kunci: K, nilai: V) -> None:
        self._isi[kunci] = (self._jam() + self._umur, nilai)
        self._isi.move_to_end(kunci)
        while len(self._isi) > self._maks:
            self._isi.popitem(last=False)

    def buang(self, kunci: K) -> None:
        self._isi.pop(kunci, None)

    async def dapat(self, kunci: K, buat: Callable[[], Awaitable[V]]) -> V:
        """The copy, else `buat()` stored; callers missing the same key at once
        share one `buat` (eight clients opening a 1,000-row Rekap together
        ask skp once, not eight times)."""
        nilai = self.ambil(kunci)
        if nilai is not None:
            return nilai
        tunggu = self._sedang.get(kunci)
        if tunggu is None:
            tunggu = asyncio.ensure_future(buat())
            self._sedang[kunci] = tunggu
            try:
                nilai = await asyncio.shield(tunggu)
            finally:
                self._sedang.pop(kunci, None)
            self.simpan(kunci, nilai)
            return nilai
        return await asyncio.shield(tunggu)

    def kunci(self) -> list[K]:
        return list(self._isi)

    def __len__(self) -> int:
        return len(self._isi)


class TembolokSkp(Generic[V]):
    """Per-caller copies of SKPs. When any caller reads an SKP afresh and its
    version differs from another caller's copy, every copy of that SKP goes:
    a change seen once (a new penilai, a status sent back) is not shown
    stale to the others for the rest of their few seconds.

    A copy past its age is no longer shown (`ambil`), but is kept, within
    the same bound on their number, as what the caller last saw
    (`terakhir`): penilaian asks skp whether that version is still current
    (a conditional GetSkp) instead of fetching the whole SKP again."""

    def __init__(self, umur: float, maks: int, jam: Callable[[], float] = time.monotonic) -> None:
        # (caller, skp id) → (version, copy); aged copies stay for `terakhir`.
        self._isi: Tembolok[tuple[str, str], tuple[str, V]] = Tembolok(umur, maks, jam, basi_disimpan=True)
        self._pembaca: dict[str, set[str]] = {}  # skp id → callers holding a copy

    def ambil(self, pemanggil: str, skp_id: str) -> V | None:
        entri = self._isi.ambil((pemanggil, skp_id))
        return None if entri is None else entri[1]

    def terakhir(self, pemanggil: str, skp_id: str) -> tuple[str, V] | None:
        """The caller's copy and its version, however old: never to be used
        before skp confirms the version is still current."""
        return self._isi.terakhir((pemanggil, skp_id))

    def simpan(self, pemanggil: str, skp_id: str, versi: str, nilai: V) -> None:
        pembaca = self._pembaca.setdefault(skp_id, set())
        for lain in list(pembaca):
            entri = self._isi.terakhir((lain, skp_id))
            if entri is None:
                pembaca.discard(lain)
            elif entri[0] != versi:
                self._isi.buang((lain, skp_id))
                pembaca.discard(lain)
        self._isi.simpan((pemanggil, skp_id), (versi, nilai))
        pembaca.add(pemanggil)
        if len(self._pembaca) > 2 * len(self._isi) + 64:  # copies evicted by size leave names behind
            self._pembaca = {}
            for siapa, skp in self._isi.kunci():
                self._pembaca.setdefault(skp, set()).add(siapa)

    def buang(self, pemanggil: str, skp_id: str) -> None:
        self._isi.buang((pemanggil, skp_id))
        pembaca = self._pembaca.get(skp_id)
        if pembaca is not None:
            pembaca.discard(pemanggil)
            if not pembaca:
                del self._pembaca[skp_id]

    def __len__(self) -> int:
        return len(self._isi)
