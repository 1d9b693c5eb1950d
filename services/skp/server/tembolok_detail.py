"""Detail SKP answers kept in the process while the skp database has not
changed (issue 18): GetSkp is the most frequent read, and most SKPs do not
change between two of its calls.

Never stale: every entry is tagged with `Database.versi_data()` as read
*before* the SKP was read, and is used only while that number is unchanged;
it moves with any commit to the database, by any worker process
(SQLite's data_version), so the first commit after an answer was kept ends
the use of every kept answer. Where the database has no such number
(PostgreSQL: None), nothing is kept and every call reads. Who may read
an SKP is still decided on every call, from the kept SKP row
(usecases/umum.boleh_lihat), so a caller never sees an SKP because another
one could.
"""

from __future__ import annotations

from ekinerja.skp.v1 import skp_pb2 as pb

from services.skp.usecases.umum import SkpApa

# Per process. An answer is ~4 KB serialized; a few thousand cover one
# instansi's busiest SKPs without holding memory a worker would miss.
MAKS = 2048


class TembolokDetail:
    def __init__(self, maks: int = MAKS) -> None:
        self._maks = maks
        self._versi: int | None = None
        self._isi: dict[str, tuple[SkpApa, pb.Skp]] = {}

    def ambil(self, versi: int | None, skp_id: str) -> tuple[SkpApa, pb.Skp] | None:
        """The kept (row, answer) of this SKP if nothing was committed since it was kept."""
        if versi is None or versi != self._versi:
            # Something was committed (or there is no number): nothing kept may be used.
            self._isi.clear()
            self._versi = versi
            return None
        return self._isi.get(skp_id)

    def simpan(self, versi: int | None, skp_id: str, row: SkpApa, jawaban: pb.Skp) -> None:
        """`versi`: the number read before `row` was; a later one means it may already be stale."""
        if versi is None or versi != self._versi:
            return
        if len(self._isi) >= self._maks:
            self._isi.pop(next(iter(self._isi)))  # the oldest kept
        self._isi[skp_id] = (row, jawaban)
