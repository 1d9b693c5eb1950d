"""Reads kept in the process while their database is unchanged (issue 18):
Detail SKP in skp, a period's rows in penilaian's GetPenilaian. Most of what
is read is read again before anything in it changes.

Never stale: every entry is tagged with `Database.versi_data()` as read
*before* the rows were read, and is used only while that number is
unchanged; it moves with any commit to the database, by any worker process
(SQLite's data_version), so the first commit after an entry was kept ends
the use of every kept entry. Where the database has no such number
(PostgreSQL: None) nothing is kept and every call reads. What is kept is
never a decision: who may read is decided on every call, from the kept rows
and the caller, by the same rule as without the cache.

The price of the coarse tag: while one database takes writes every moment
(the deadline rush in penilaian), its entries rarely live long and its
reads cost what they cost before, plus one pragma.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Per process and per use. A kept Detail SKP (a generated one of 3 RHK and 6
# indikator, 3.6 KB on the wire) holds ~11 KiB: at most ~22 MiB per worker.
MAKS = 2048


class TembolokVersi(Generic[K, V]):
    def __init__(self, maks: int = MAKS) -> None:
        self._maks = maks
        self._versi: int | None = None
        self._isi: dict[K, V] = {}

    def ambil(self, versi: int | None, kunci: K) -> V | None:
        """What was kept under `kunci`, if nothing was committed since."""
        if versi is None or versi != self._versi:
            # Something was committed (or there is no number): nothing kept may be used.
            self._isi.clear()
            self._versi = versi
            return None
        return self._isi.get(kunci)

    def simpan(self, versi: int | None, kunci: K, nilai: V) -> None:
        """`versi`: the number read before `nilai` was; a later one means it may already be stale."""
        if versi is None or versi != self._versi:
            return
        if len(self._isi) >= self._maks:
            self._isi.pop(next(iter(self._isi)))  # the oldest kept
        self._isi[kunci] = nilai
