"""Typed input per session, as a token bucket: a person types a few bytes a
second and pastes a few KiB at once; a flood (1 MiB of "typing" cost a TUI
196 CPU-seconds) is cut to the rate and the rest dropped."""

from __future__ import annotations

import time

LONJAKAN = 16 * 1024  # bytes taken at once (a paste) before the rate applies


class EmberMasukan:
    def __init__(self, byte_per_detik: int, lonjakan: int = LONJAKAN) -> None:
        self._laju = float(byte_per_detik)
        self._maks = float(max(lonjakan, byte_per_detik))
        self._isi = self._maks
        self._waktu = time.monotonic()
        self.dibuang = 0  # bytes dropped so far

    def ambil(self, n: int) -> int:
        """How many of the next `n` bytes may pass (the rest is dropped)."""
        t = time.monotonic()
        self._isi = min(self._maks, self._isi + (t - self._waktu) * self._laju)
        self._waktu = t
        boleh = min(n, int(self._isi))
        self._isi -= boleh
        self.dibuang += n - boleh
        return boleh
