"""Domain errors. Each names what went wrong in words a pegawai understands;
services/shared/boundary.py turns them into gRPC status codes and details."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """Base of every error a user can cause. Messages are Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Pelanggaran:
    field: str
    pesan: str


class TidakValid(DomainError):
    """Bad input: INVALID_ARGUMENT with BadRequest field violations."""

    def __init__(self, field: str, pesan: str, *lainnya: Pelanggaran) -> None:
        super().__init__(f"{field}: {pesan}")
        self.pelanggaran = [Pelanggaran(field, pesan), *lainnya]

    @classmethod
    def banyak(cls, pelanggaran: list[Pelanggaran]) -> TidakValid:
        first, *rest = pelanggaran
        return cls(first.field, first.pesan, *rest)


class TidakDitemukan(DomainError):
    """NOT_FOUND."""


class AksesDitolak(DomainError):
    """PERMISSION_DENIED: signed in, but not allowed to do this."""


class BelumMasuk(DomainError):
    """UNAUTHENTICATED: no valid token, or wrong credentials."""


class KondisiTidakTerpenuhi(DomainError):
    """FAILED_PRECONDITION: the resource is in a state that forbids this."""


class VersiUsang(DomainError):
    """ABORTED: the resource changed since the client read it (etag)."""


class SudahAda(DomainError):
    """ALREADY_EXISTS."""


class TerlaluBanyak(DomainError):
    """RESOURCE_EXHAUSTED: rate limited; `coba_lagi_detik` says when to retry."""

    def __init__(self, pesan: str, coba_lagi_detik: int) -> None:
        super().__init__(pesan)
        self.coba_lagi_detik = coba_lagi_detik


class TerlaluBesar(DomainError):
    """RESOURCE_EXHAUSTED without RetryInfo: a request larger than its RPC
    accepts; sending it again does not help."""


class TidakTersedia(DomainError):
    """UNAVAILABLE: a service this one depends on cannot be reached."""
